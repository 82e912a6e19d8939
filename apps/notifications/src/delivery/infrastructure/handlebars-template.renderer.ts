import { Injectable } from '@nestjs/common';
import Handlebars from 'handlebars';
import { type TemplateDataOf, type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';

/** What a delivery carries: the message as it was rendered when the event was applied. */
export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

type Compiled = { [P in keyof RenderedMessage]: (data: unknown) => string };

/**
 * Renders the templates of src/templates with Handlebars. Every template is compiled and rendered with
 * its sample at construction, so a broken template stops the boot rather than an e-mail. `strict` mode
 * makes a missing value an error instead of a blank in a message sent to people.
 */
@Injectable()
export class TemplateRenderer {
  private readonly compiled = new Map<string, Compiled>();

  constructor() {
    const engine = Handlebars.create();
    for (const template of Object.values(templateCatalogue)) {
      const plain = { strict: true, noEscape: true };
      this.compiled.set(template.key, {
        subject: engine.compile(template.subject, plain),
        text: engine.compile(template.text, plain),
        html: engine.compile(template.html, { strict: true }),
      });
      this.renderAny(template.key, template.sample);
    }
  }

  render<K extends TemplateKey>(key: K, data: TemplateDataOf<K>): RenderedMessage {
    return this.renderAny(key, data);
  }

  private renderAny(key: string, data: unknown): RenderedMessage {
    const compiled = this.compiled.get(key);
    if (!compiled) throw new Error(`No template "${key}"`);
    const part = (name: keyof RenderedMessage): string => {
      try {
        return compiled[name](data);
      } catch (error) {
        throw new Error(`Template "${key}" (${name}): ${error instanceof Error ? error.message : error}`);
      }
    };
    return {
      // A subject is one line: a value with a line break must not inject headers or split it.
      subject: part('subject').replace(/\s+/g, ' ').trim(),
      text: part('text'),
      html: part('html'),
    };
  }
}
