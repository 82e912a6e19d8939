import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope, type AuthenticatedActor, CurrentActor, forbiddenScope } from '@tripartite/auth';
import { ApiZodResponse, ETag, ZodParams, ZodQuery } from '@tripartite/http';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { DeliveryNotFoundError } from '../domain/delivery.errors';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import {
  type ListNotificationsQuery,
  listNotificationsQuerySchema,
} from './dto/list-notifications.request.dto';
import {
  type NotificationDetail,
  type NotificationPage,
  notificationDetailSchema,
  notificationPageSchema,
  toNotificationDetail,
  toNotificationSummary,
} from './dto/notification.response.dto';

const idParams = z.object({ id: z.uuid() });

/**
 * What the platform sent, to whom, and how it went. National and admin roles see every e-mail; any
 * other caller sees those sent to the contacts of its own organisation (token claim `org`), and without
 * an organisation, nothing (403).
 */
@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
  ) {}

  @Get()
  @ApiOperation({ operationId: 'listNotifications', summary: 'E-mails recorded and sent, newest first' })
  @ApiZodResponse(200, notificationPageSchema, 'One page of notifications')
  async list(
    @ZodQuery(listNotificationsQuerySchema) query: ListNotificationsQuery,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NotificationPage> {
    const { items, more } = await this.deliveries.list(this.dataSource.manager, {
      organisationId: organisationScopeOf(actor),
      status: query.status,
      eventType: query.eventType,
      recipientEmail: query.recipient,
      before: query.before,
      limit: query.limit,
    });
    return {
      items: items.map(toNotificationSummary),
      nextBefore: more ? (items[items.length - 1]?.id ?? null) : null,
    };
  }

  @Get(':id')
  // Every change of a delivery is a try, so its count of tries versions it.
  @ETag((body) => (body as NotificationDetail).attempts)
  @ApiOperation({
    operationId: 'getNotification',
    summary: 'One e-mail: rendered subject and bodies, tries, SMTP reply',
  })
  @ApiZodResponse(200, notificationDetailSchema)
  async get(
    @ZodParams(idParams) { id }: z.infer<typeof idParams>,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NotificationDetail> {
    const scope = organisationScopeOf(actor);
    const delivery = await this.deliveries.findById(this.dataSource.manager, id);
    if (!delivery) throw new DeliveryNotFoundError(id);
    if (scope !== undefined && delivery.recipientOrganisationId !== scope) {
      throw forbiddenScope('this notification was sent to another organisation');
    }
    return toNotificationDetail(delivery);
  }
}

/** No filter for nationwide readers; the caller's organisation otherwise; 403 without one. */
function organisationScopeOf(actor: AuthenticatedActor): string | undefined {
  if (AccessScope.readsEverything(actor)) return undefined;
  if (actor.organisationId) return actor.organisationId;
  throw forbiddenScope(
    'notifications are visible to national roles and to an organisation for its own contacts',
  );
}
