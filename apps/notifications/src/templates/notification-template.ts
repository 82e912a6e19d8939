import type { SubjectFamily } from './subject-family';

/** What every message is rendered with, whatever the event: whom it greets and where it leads. */
export interface CommonTemplateData {
  recipient: {
    name: string;
    /** The organisation the recipient is a contact of (the reason they receive the message). */
    organisation: string;
  };
  /** Absolute link to the resource concerned, on the platform's public address. */
  link: string;
}

/**
 * An iCalendar attachment: one all-day event (Europe/Paris calendar date), each field a Handlebars
 * template rendered with the message's data. `uid` names the deadline, not the message: a later
 * reminder of the same deadline updates the calendar entry instead of adding one.
 */
export interface CalendarTemplate {
  filename: string;
  uid: string;
  /** Must render to a calendar date, `2027-03-15`. */
  date: string;
  summary: string;
  description: string;
}

/**
 * One message: subject, plain-text body and HTML body, each a Handlebars template (`{{…}}` is escaped in
 * the HTML, not in the subject and text), and optionally a calendar attachment. One file per message
 * under src/templates; kept as TypeScript strings so the compiled service carries them with no copy
 * step. The data it is rendered with comes from its row of the rule table; so does its preview, from a
 * sample event (`delivery/domain/template-preview.ts`).
 * Helpers: `{{date d}}` "15 mars 2027", `{{inDays n}}` "dans 30 jours", `{{number n}}` "48 000".
 */
export interface NotificationTemplate<
  K extends string = string,
  D extends CommonTemplateData = CommonTemplateData,
> {
  key: K;
  /** What the message is to its reader; the rendered subject starts with it ("Rappel : …"). */
  family: SubjectFamily;
  /** What the message is for, in a few words (for the template list). */
  description: string;
  /** The subject after its family's label. */
  subject: string;
  text: string;
  html: string;
  calendar?: CalendarTemplate;
  /** Type only, never set: the data the template is rendered with (`TemplateDataOf`). */
  readonly dataShape?: D;
}

export function defineTemplate<K extends string, D extends CommonTemplateData>(
  template: NotificationTemplate<K, D>,
): NotificationTemplate<K, D> {
  return template;
}

const TEXT_FOOTER = `Vous recevez ce message en tant que contact de {{recipient.organisation}} ayant accepté les notifications de Tripartite.

L’équipe Tripartite
`;

/**
 * The plain-text body: greeting, the message's own paragraphs, the link, and why the recipient gets it.
 * `body` is Handlebars; blank lines separate paragraphs.
 */
export function textMessage(body: string, linkLabel: string): string {
  return `Bonjour {{recipient.name}},

${body.trim()}

${linkLabel} :
{{link}}

${TEXT_FOOTER}`;
}

/** The HTML body around the message's own HTML paragraphs, with the same greeting, link and footer. */
export function htmlMessage(body: string, linkLabel: string): string {
  return `<!DOCTYPE html>
<html lang="fr">
  <body style="font-family: Arial, Helvetica, sans-serif; color: #1e1e1e; line-height: 1.5;">
    <p>Bonjour {{recipient.name}},</p>
    ${body.trim()}
    <p><a href="{{link}}">${linkLabel}</a></p>
    <p style="color: #666666; font-size: 0.9em;">Vous recevez ce message en tant que contact de {{recipient.organisation}} ayant accepté les notifications de Tripartite.</p>
    <p>L’équipe Tripartite</p>
  </body>
</html>
`;
}
