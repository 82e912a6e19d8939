import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { templateCatalogue } from '../../templates/template-catalogue';
import { TemplateRenderer } from './handlebars-template.renderer';

describe('notification templates', () => {
  const renderer = new TemplateRenderer();

  for (const template of Object.values(templateCatalogue)) {
    it(`renders "${template.key}" with its sample: a French subject, a text and an HTML body`, () => {
      const message = renderer.render(template.key, template.sample);
      assert.ok(message.subject.length > 0 && !message.subject.includes('\n'));
      assert.match(message.text, /^Bonjour /);
      assert.ok(message.text.includes(template.sample.link), 'the text carries the link');
      assert.match(message.html, /^<!DOCTYPE html>/);
      assert.ok(message.html.includes(`href="${template.sample.link}"`), 'the HTML links to the resource');
    });
  }

  it('escapes values in the HTML body but not in the subject and text', () => {
    const message = renderer.render('organisation-registered', {
      ...templateCatalogue['organisation-registered'].sample,
      organisation: { name: 'Dupont & <Fils>', regionLabel: 'Région', regionList: 'Corse (94)' },
    });
    assert.ok(message.subject.includes('Dupont & <Fils>'));
    assert.ok(message.text.includes('Dupont & <Fils>'));
    assert.ok(message.html.includes('Dupont &amp; &lt;Fils&gt;'));
    assert.ok(!message.html.includes('<Fils>'));
  });

  it('refuses to render a message with a missing value rather than send a blank', () => {
    const { organisation: _, ...incomplete } = templateCatalogue['organisation-registered'].sample;
    assert.throws(
      () => renderer.render('organisation-registered', incomplete as never),
      /Template "organisation-registered" \(subject\): "name" not defined/,
    );
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const message = renderer.render('organisation-registered', {
      ...templateCatalogue['organisation-registered'].sample,
      organisation: { name: 'A\r\nBcc: x@evil.example', regionLabel: 'Région', regionList: 'Corse (94)' },
    });
    assert.ok(!/[\r\n]/.test(message.subject));
  });
});
