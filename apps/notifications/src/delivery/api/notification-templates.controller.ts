import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '@tripartite/clock';
import { ApiZodResponse, ZodParams } from '@tripartite/http';
import { z } from 'zod';
import { isTemplateKey, type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { TemplateNotFoundError } from '../domain/delivery.errors';
import { eventTypesOf, ruleFor } from '../domain/notification-rules';
import { TemplateRenderer } from '../infrastructure/handlebars-template.renderer';
import {
  type NotificationTemplateList,
  type NotificationTemplatePreview,
  type NotificationTemplateSummary,
  notificationTemplateListSchema,
  notificationTemplatePreviewSchema,
} from './dto/notification-template.response.dto';

const keyParams = z.object({ key: z.string().min(1).max(100) });

/**
 * The messages the platform sends: which event sends which, to whom, and each rendered with its sample
 * data. Templates hold no one's data, so every authenticated caller may read them.
 */
@ApiTags('notifications')
@Controller('api/v1/notification-templates')
export class NotificationTemplatesController {
  constructor(
    private readonly renderer: TemplateRenderer,
    private readonly clock: Clock,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'listNotificationTemplates',
    summary: 'Every message, its events and recipients',
  })
  @ApiZodResponse(200, notificationTemplateListSchema)
  list(): NotificationTemplateList {
    return { items: (Object.keys(templateCatalogue) as TemplateKey[]).map(summaryOf) };
  }

  @Get(':key/preview')
  @ApiOperation({
    operationId: 'previewNotificationTemplate',
    summary: 'One message rendered with its sample data',
  })
  @ApiZodResponse(200, notificationTemplatePreviewSchema)
  preview(@ZodParams(keyParams) { key }: z.infer<typeof keyParams>): NotificationTemplatePreview {
    if (!isTemplateKey(key)) throw new TemplateNotFoundError(key);
    const { sample } = templateCatalogue[key];
    const message = this.renderer.render(key, sample as never, this.clock.now());
    return { ...summaryOf(key), sample: { ...sample }, ...message };
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
