import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccessScope, type AuthenticatedActor, CurrentActor, forbiddenScope } from '@tripartite/auth';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  pageOf,
  ReadEndpoint,
  ZodQuery,
} from '@tripartite/http';
import { DataSource } from 'typeorm';
import { RetryDeliveryHandler } from '../application/retry-delivery.handler';
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

const detailVersion = (body: unknown) => (body as NotificationDetail).version;

/**
 * What the platform sent, to whom, and how it went. National and admin roles see every e-mail; any
 * other caller sees those sent to the contacts of its own organisation (token claim `org`), and without
 * an organisation, nothing (403). A failed one may be sent again by admin or by that organisation.
 */
@ApiTags('notifications')
@Controller('api/v1/notifications')
export class NotificationsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly retryHandler: RetryDeliveryHandler,
  ) {}

  @ListEndpoint({
    name: 'listNotifications',
    summary: 'E-mails recorded and sent, newest first, filtered, by pages',
    response: notificationPageSchema,
    responseDescription: 'One page of notifications',
    problems: [403],
  })
  async list(
    @ZodQuery(listNotificationsQuerySchema) query: ListNotificationsQuery,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NotificationPage> {
    const { items, total } = await this.deliveries.list(
      this.dataSource.manager,
      {
        organisationId: organisationScopeOf(actor),
        status: query.status,
        eventType: query.eventType,
        recipientEmail: query.recipient,
        ...query.recorded,
      },
      query,
    );
    return pageOf(query, items.map(toNotificationSummary), total);
  }

  @ReadEndpoint({
    name: 'getNotification',
    summary: 'One e-mail: rendered subject, bodies and attachments, tries, SMTP reply',
    response: notificationDetailSchema,
    etag: detailVersion,
  })
  async get(@IdParam() id: string, @CurrentActor() actor: AuthenticatedActor): Promise<NotificationDetail> {
    const scope = organisationScopeOf(actor);
    const delivery = await this.deliveries.findById(this.dataSource.manager, id);
    if (!delivery) throw new DeliveryNotFoundError(id);
    if (scope !== undefined && delivery.recipientOrganisationId !== scope) {
      throw forbiddenScope('this notification was sent to another organisation');
    }
    return toNotificationDetail(delivery);
  }

  @Post(':id/retry')
  @CommandEndpoint({
    name: 'retryNotification',
    summary: 'Send a failed e-mail again (admin, or the organisation it was sent to); 409 unless failed',
    status: 202,
    etag: detailVersion,
    response: notificationDetailSchema,
    responseDescription: 'The notification, pending again and queued',
  })
  async retry(
    @IfMatchVersion() expectedVersion: number,
    @IdParam() id: string,
    @CurrentActor() actor: AuthenticatedActor,
  ): Promise<NotificationDetail> {
    return toNotificationDetail(await this.retryHandler.execute(id, actor, expectedVersion));
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
