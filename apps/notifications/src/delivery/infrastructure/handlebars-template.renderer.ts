import { Injectable } from '@nestjs/common';
import { dateInFrenchWords, isCalendarDate } from '@tripartite/calendar';
import Handlebars from 'handlebars';
import { subjectPrefixOf } from '../../templates/subject-family';
import { type TemplateDataOf, type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import type { MailAttachment } from '../domain/delivery';
import { daysLeftInWords, numberInWords } from '../domain/french-wording';
import { previewOf } from '../domain/template-preview';
import { allDayCalendar, ICS_CONTENT_TYPE } from './ics-calendar';

/** What a delivery carries: the message as it was rendered when the event was applied. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  attachments: MailAttachment[];
}

type Render = (data: unknown) => string;
interface Compiled {
  subject: Render;
  text: Render;
  html: Render;
  calendar?: { filename: string; uid: Render; date: Render; summary: Render; description: Render };
}

/** Any instant and address will do to check that the previews render at boot. */
const BOOT_CHECK_STAMP = new Date(0);
const BOOT_CHECK_BASE = 'https://tripartite.invalid';

/**
 * Renders the templates of src/templates with Handlebars. Every template is compiled and rendered with
 * its preview (its rule row on a sample event) at construction, so a broken template stops the boot
 * rather than an e-mail. `strict` mode makes a missing value an error instead of a blank in a message
 * sent to people. The subject begins with the template's family ("Rappel : …").
 * Helpers: `date` ("2027-03-15" → "15 mars 2027"), `inDays` (30 → "dans 30 jours"), `number` (48000 → "48 000").
 */
@Injectable()
export class TemplateRenderer {
  private readonly compiled = new Map<string, Compiled>();

  constructor() {
    const engine = Handlebars.create();
    engine.registerHelper('date', (value: unknown) => {
      if (typeof value !== 'string' || !isCalendarDate(value)) {
        throw new Error(`"date" expects a calendar date such as 2027-03-15, got ${JSON.stringify(value)}`);
      }
      return dateInFrenchWords(value);
    });
    engine.registerHelper('inDays', (value: unknown) => {
      if (typeof value !== 'number')
        throw new Error(`"inDays" expects a number, got ${JSON.stringify(value)}`);
      return daysLeftInWords(value);
    });
    engine.registerHelper('number', (value: unknown) => {
      if (typeof value !== 'number')
        throw new Error(`"number" expects a number, got ${JSON.stringify(value)}`);
      return numberInWords(value);
    });
    for (const template of Object.values(templateCatalogue)) {
      const plain = { strict: true, noEscape: true };
      const calendar = 'calendar' in template ? template.calendar : undefined;
      this.compiled.set(template.key, {
        subject: engine.compile(`${subjectPrefixOf(template.family)}${template.subject}`, plain),
        text: engine.compile(template.text, plain),
        html: engine.compile(template.html, { strict: true }),
        calendar: calendar && {
          filename: calendar.filename,
          uid: engine.compile(calendar.uid, plain),
          date: engine.compile(calendar.date, plain),
          summary: engine.compile(calendar.summary, plain),
          description: engine.compile(calendar.description, plain),
        },
      });
      this.renderAny(template.key, previewOf(template.key, BOOT_CHECK_BASE).data, BOOT_CHECK_STAMP);
    }
  }

  /** `stamp` is when the message is written: the DTSTAMP of its calendar attachment, if any. */
  render<K extends TemplateKey>(key: K, data: TemplateDataOf<K>, stamp: Date): RenderedMessage {
    return this.renderAny(key, data, stamp);
  }

  private renderAny(key: string, data: unknown, stamp: Date): RenderedMessage {
    const compiled = this.compiled.get(key);
    if (!compiled) throw new Error(`No template "${key}"`);
    const part = (name: string, render: Render): string => {
      try {
        return render(data);
      } catch (error) {
        throw new Error(`Template "${key}" (${name}): ${error instanceof Error ? error.message : error}`);
      }
    };
    const attachments: MailAttachment[] = [];
    if (compiled.calendar) {
      const { calendar } = compiled;
      const oneLine = (name: string, render: Render) => part(name, render).replace(/\s+/g, ' ').trim();
      attachments.push({
        filename: calendar.filename,
        contentType: ICS_CONTENT_TYPE,
        content: allDayCalendar({
          uid: `${oneLine('calendar uid', calendar.uid)}@tripartite`,
          date: oneLine('calendar date', calendar.date),
          summary: oneLine('calendar summary', calendar.summary),
          description: part('calendar description', calendar.description),
          url: (data as { link: string }).link,
          stamp,
        }),
      });
    }
    return {
      // A subject is one line: a value with a line break must not inject headers or split it.
      subject: part('subject', compiled.subject).replace(/\s+/g, ' ').trim(),
      text: part('text', compiled.text),
      html: part('html', compiled.html),
      attachments,
    };
  }
}
