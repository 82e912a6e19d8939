import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUBJECT_FAMILIES } from '../../templates/subject-family';
import { type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { previewOf } from '../domain/template-preview';
import { TemplateRenderer } from './handlebars-template.renderer';

const stamp = new Date('2027-01-15T08:00:00Z');
/** The data a template's rule row builds for the sample story (its preview). */
const sample = <K extends TemplateKey>(key: K) => previewOf(key, 'https://tripartite.example.fr').data;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
/** Words no French message of ours contains, and traces of a value that went missing. */
const NOT_FRENCH = /\b(the|and|your|please|undefined|null|NaN)\b|\[object Object\]/i;

describe('notification templates', () => {
  const renderer = new TemplateRenderer();

  for (const template of Object.values(templateCatalogue)) {
    it(`renders "${template.key}" with its preview: a French subject, a text and an HTML body, nothing left unrendered`, () => {
      const data = sample(template.key as TemplateKey);
      const message = renderer.render(template.key as TemplateKey, data as never, stamp);
      assert.match(message.subject, /^[^:]+ : \S/);
      assert.ok(!message.subject.includes('\n'));
      for (const part of [message.subject, message.text, message.html]) {
        assert.ok(!part.includes('{{') && !part.includes('}}'), part);
        assert.doesNotMatch(part, NOT_FRENCH);
      }
      assert.ok(message.text.startsWith(`Bonjour ${data.recipient.name},\n\n`));
      assert.ok(message.text.includes('ayant accepté les notifications de Tripartite'));
      assert.ok(message.text.trimEnd().endsWith('L’équipe Tripartite'));
      assert.ok(message.text.includes(data.link), 'the text carries the link');
      assert.match(message.html, /^<!DOCTYPE html>\n<html lang="fr">/);
      assert.ok(message.html.includes(`href="${data.link}"`), 'the HTML links to the resource');
      assert.doesNotMatch(message.subject, ISO_DATE, 'dates in words, not as ISO dates');
      assert.doesNotMatch(message.text.replace(data.link, ''), ISO_DATE);
      assert.equal(message.text.includes('\n\n\n'), false, 'no blank lines left by a section not shown');
    });
  }

  for (const template of Object.values(templateCatalogue)) {
    it(`begins the subject of "${template.key}" with its family, "${SUBJECT_FAMILIES[template.family]} :" (règle de la plateforme)`, () => {
      const message = renderer.render(
        template.key as TemplateKey,
        sample(template.key as TemplateKey) as never,
        stamp,
      );
      assert.ok(message.subject.startsWith(`${SUBJECT_FAMILIES[template.family]} : `), message.subject);
      const others = Object.values(SUBJECT_FAMILIES).filter(
        (label) => label !== SUBJECT_FAMILIES[template.family],
      );
      for (const label of others)
        assert.ok(!message.subject.startsWith(`${label} :`), `${label}: ${message.subject}`);
    });
  }

  it('tells a renewal reminder from the acknowledgment of a renewal application by the subject’s first word', () => {
    const reminder = renderer.render('agreement-renewal-due', sample('agreement-renewal-due'), stamp);
    const acknowledgment = renderer.render('agreement-requested', sample('agreement-requested'), stamp);
    assert.equal(
      reminder.subject,
      'Rappel : renouvellement de l’agrément de Santé Travail Bretagne à demander avant le 15 mars 2027',
    );
    assert.equal(
      acknowledgment.subject,
      'Accusé de réception : Santé Travail Bretagne a déposé une demande de renouvellement d’agrément',
    );
  });

  it('writes a deadline in words: "avant le 15 mars 2027"', () => {
    const message = renderer.render('agreement-renewal-due', sample('agreement-renewal-due'), stamp);
    assert.ok(message.subject.endsWith('avant le 15 mars 2027'), message.subject);
    assert.ok(message.text.includes('avant le 15 mars 2027'));
    assert.ok(message.text.includes('prend fin le 14 juillet 2027'));
  });

  it('joins an .ics of the due date to the review and renewal reminders only', () => {
    for (const template of Object.values(templateCatalogue)) {
      const message = renderer.render(
        template.key as TemplateKey,
        sample(template.key as TemplateKey) as never,
        stamp,
      );
      const expected = ['agreement-renewal-due', 'contract-review-due'].includes(template.key);
      assert.equal(message.attachments.length, expected ? 1 : 0, template.key);
    }
    const review = renderer.render('contract-review-due', sample('contract-review-due'), stamp);
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
        ...sample('organisation-registered'),
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
    const { organisation: _, ...incomplete } = sample('organisation-registered');
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
          { ...sample('agreement-expired'), validUntil: 'bientôt' },
          stamp,
        ),
      /"date" expects a calendar date/,
    );
  });

  it('keeps the subject on one line whatever the values hold', () => {
    const message = renderer.render(
      'organisation-registered',
      {
        ...sample('organisation-registered'),
        organisation: { name: 'A\r\nBcc: x@evil.example', regionLabel: 'Région', regionList: 'Corse (94)' },
      },
      stamp,
    );
    assert.ok(!/[\r\n]/.test(message.subject));
  });
});
