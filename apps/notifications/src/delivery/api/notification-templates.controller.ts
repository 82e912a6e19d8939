import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG } from '@tripartite/config';
import {
  ListEndpoint,
  listQuerySchema,
  offsetOf,
  type Page,
  pageOf,
  QueryEndpoint,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import type { NotificationsConfig } from '../../notifications.config';
import { isTemplateKey, type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { TemplateNotFoundError } from '../domain/delivery.errors';
import { eventTypesOf, ruleFor } from '../domain/notification-rules';
import { previewOf } from '../domain/template-preview';
import { TemplateRenderer } from '../infrastructure/handlebars-template.renderer';
import {
  type NotificationTemplatePreview,
  type NotificationTemplateSummary,
  notificationTemplatePageSchema,
  notificationTemplatePreviewSchema,
} from './dto/notification-template.response.dto';

const keyParams = z.object({ key: z.string().min(1).max(100) });
const listTemplatesQuerySchema = listQuerySchema({});

/**
 * The messages the platform sends: which event sends which, to whom, and each rendered as its rule row
 * renders it for a sample event (`previewOf`). Templates hold no one's data, so every authenticated caller
 * may read them.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-templates')
export class NotificationTemplatesController {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly renderer: TemplateRenderer,
    private readonly clock: Clock,
  ) {}

  @ListEndpoint({
    name: 'listNotificationTemplates',
    summary: 'Every message, its events and recipients',
    response: notificationTemplatePageSchema,
  })
  list(
    @ZodQuery(listTemplatesQuerySchema) query: z.infer<typeof listTemplatesQuerySchema>,
  ): Page<NotificationTemplateSummary> {
    const keys = Object.keys(templateCatalogue) as TemplateKey[];
    const start = offsetOf(query);
    return pageOf(query, keys.slice(start, start + query.pageSize).map(summaryOf), keys.length);
  }

  @Get(':key/preview')
  @QueryEndpoint({
    name: 'previewNotificationTemplate',
    summary: 'One message as its rule sends it for a sample event',
    response: notificationTemplatePreviewSchema,
    problems: [400, 404],
  })
  preview(@ZodParams(keyParams) { key }: z.infer<typeof keyParams>): NotificationTemplatePreview {
    if (!isTemplateKey(key)) throw new TemplateNotFoundError(key);
    const { event, party, data } = previewOf(key, this.config.PUBLIC_BASE_URL);
    const message = this.renderer.render(key, data, this.clock.now());
    return {
      ...summaryOf(key),
      sampleEvent: { type: event.type, payload: event.payload as Record<string, unknown> },
      sampleRecipientParty: party,
      sample: { ...data },
      ...message,
    };
  }
}

function summaryOf(key: TemplateKey): NotificationTemplateSummary {
  const template = templateCatalogue[key];
  const eventTypes = eventTypesOf(key);
  const rules = eventTypes.flatMap((type) => ruleFor(type) ?? []);
  return {
    key,
    description: template.description,
    eventTypes,
    recipients: [...new Set(rules.flatMap((rule) => rule.to))],
    why: rules.map((rule) => rule.why),
    calendarAttachment: 'calendar' in template,
  };
}
