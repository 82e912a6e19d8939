/** What every message is rendered with, whatever the event: whom it greets and where it leads. */
export interface CommonTemplateData {
  recipient: { name: string };
  /** Absolute link to the resource concerned, on the platform's public address. */
  link: string;
}

/**
 * One message: subject, plain-text body and HTML body, each a Handlebars template (`{{…}}` is escaped in
 * the HTML, not in the subject and text). One file per message under src/templates; kept as TypeScript
 * strings so the compiled service carries them with no copy step. `sample` feeds previews and the test
 * that renders every template.
 */
export interface NotificationTemplate<
  K extends string = string,
  D extends CommonTemplateData = CommonTemplateData,
> {
  key: K;
  /** What the message is for, in a few words (for the template list). */
  description: string;
  subject: string;
  text: string;
  html: string;
  sample: D;
}

export function defineTemplate<K extends string, D extends CommonTemplateData>(
  template: NotificationTemplate<K, D>,
): NotificationTemplate<K, D> {
  return template;
}
