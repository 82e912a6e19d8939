import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { TemplateRenderer } from './handlebars-template.renderer';

const stamp = new Date('2027-01-15T08:00:00Z');
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** Words no French message of ours contains, and traces of a value that went missing. */
const NOT_FRENCH = /\b(the|and|your|please|undefined|null|NaN)\b|\[object Object\]/i;

describe('notification templates', () => {
  const renderer = new TemplateRenderer();

  for (const template of Object.values(templateCatalogue)) {
    it(`renders "${template.key}" with its sample: a French subject, a text and an HTML body, nothing left unrendered`, () => {
      const message = renderer.render(template.key as TemplateKey, template.sample as never, stamp);
      assert.match(message.subject, /^Tripartite : \S/);
      assert.ok(!message.subject.includes('\n'));
      for (const part of [message.subject, message.text, message.html]) {
        assert.ok(!part.includes('{{') && !part.includes('}}'), part);
        assert.doesNotMatch(part, NOT_FRENCH);
      }
      assert.match(message.text, /^Bonjour Camille Martin,\n\n/);
      assert.ok(message.text.includes('ayant accepté les notifications de Tripartite'));
      assert.ok(message.text.trimEnd().endsWith('L’équipe Tripartite'));
      assert.ok(message.text.includes(template.sample.link), 'the text carries the link');
      assert.match(message.html, /^<!DOCTYPE html>\n<html lang="fr">/);
      assert.ok(message.html.includes(`href="${template.sample.link}"`), 'the HTML links to the resource');
      assert.doesNotMatch(message.subject, ISO_DATE, 'dates in words, not as ISO dates');
      assert.doesNotMatch(message.text.replace(template.sample.link, ''), ISO_DATE);
      assert.equal(message.text.includes('\n\n\n'), false, 'no blank lines left by a section not shown');
    });
  }

  it('writes a deadline in words: "avant le 15 mars 2027"', () => {
    const message = renderer.render(
      'agreement-renewal-due',
      templateCatalogue['agreement-renewal-due'].sample,
      stamp,
    );
    assert.ok(message.subject.endsWith('avant le 15 mars 2027'), message.subject);
    assert.ok(message.text.includes('avant le 15 mars 2027'));
    assert.ok(message.text.includes('prend fin le 15 juillet 2027'));
  });

  it('joins an .ics of the due date to the review and renewal reminders only', () => {
    for (const template of Object.values(templateCatalogue)) {
      const message = renderer.render(template.key as TemplateKey, template.sample as never, stamp);
      const expected = ['agreement-renewal-due', 'contract-review-due'].includes(template.key);
      assert.equal(message.attachments.length, expected ? 1 : 0, template.key);
    }
    const review = renderer.render(
      'contract-review-due',
      templateCatalogue['contract-review-due'].sample,
      stamp,
    );
    const [ics] = review.attachments;
    assert.equal(ics.filename, 'examen-annuel-cpom.ics');
    assert.equal(ics.contentType, 'text/calendar; charset=utf-8; method=PUBLISH');
    assert.ok(ics.content.includes('DTSTART;VALUE=DATE:20280630'));
    assert.ok(ics.content.includes('SUMMARY:Examen annuel du CPOM – Santé Travail Bretagne'));
  });

  it('escapes values in the HTML body but not in the subject and text', () => {
    const message = renderer.render(
      'organisation-registered',
      {
        ...templateCatalogue['organisation-registered'].sample,
        organisation: { name: 'Dupont & <Fils>', regionLabel: 'Région', regionList: 'Corse (94)' },
      },
      stamp,
    );
    assert.ok(message.subject.includes('Dupont & <Fils>'));
    assert.ok(message.text.includes('Dupont & <Fils>'));
    assert.ok(message.html.includes('Dupont &amp; &lt;Fils&gt;'));
    assert.ok(!message.html.includes('<Fils>'));
  });

  it('refuses to render a message with a missing value rather than send a blank', () => {
    const { organisation: _, ...incomplete } = templateCatalogue['organisation-registered'].sample;
    assert.throws(
      () => renderer.render('organisation-registered', incomplete as never, stamp),
      /Template "organisation-registered" \(subject\): "name" not defined/,
    );
  });

  it('refuses a date that is not a calendar date rather than print it', () => {
    assert.throws(
      () =>
        renderer.render(
          'agreement-expired',
          { ...templateCatalogue['agreement-expired'].sample, validUntil: 'bientôt' },
          stamp,
        ),
      /"date" expects a calendar date/,
    );
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const message = renderer.render(
      'organisation-registered',
      {
        ...templateCatalogue['organisation-registered'].sample,
        organisation: { name: 'A\r\nBcc: x@evil.example', regionLabel: 'Région', regionList: 'Corse (94)' },
      },
      stamp,
    );
    assert.ok(!/[\r\n]/.test(message.subject));
  });
});
