import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationTemplatesController } from './api/notification-templates.controller';
import { NotificationsController } from './api/notifications.controller';
import { AgreementEventsConsumer } from './application/agreement-events.consumer';
import { ConsultationEventsConsumer } from './application/consultation-events.consumer';
import { ContractEventsConsumer } from './application/contract-events.consumer';
import { DeliverySweeper } from './application/delivery.sweeper';
import { MailAcceptances } from './application/mail-acceptances';
import { MailTransport } from './application/mail-transport';
import { OrganisationEventsConsumer } from './application/organisation-events.consumer';
import { PartnershipProtocolEventsConsumer } from './application/partnership-protocol-events.consumer';
import { RecordDeliveriesHandler } from './application/record-deliveries.handler';
import { RetryDeliveryHandler } from './application/retry-delivery.handler';
import { SendDeliveryHandler } from './application/send-delivery.handler';
import { ServiceProjectEventsConsumer } from './application/service-project-events.consumer';
import { DeliveriesAfterCommit } from './infrastructure/deliveries-after-commit.subscriber';
import { DeliveryRepository } from './infrastructure/delivery.repository';
import { DeliveryMetrics } from './infrastructure/delivery-metrics';
import { DeliveryQueue } from './infrastructure/delivery-queue';
import { TemplateRenderer } from './infrastructure/handlebars-template.renderer';
import { NodemailerMailTransport } from './infrastructure/nodemailer-mail.transport';
import { RedisMailAcceptances } from './infrastructure/redis-mail-acceptances';
import { SendDeliveryJob } from './infrastructure/send-delivery.job';

/**
 * The delivery log: consumers decide and render (one row per event and recipient, by the rule table),
 * a BullMQ worker sends after the commit, a sweep re-queues what Redis lost, and the API shows it all,
 * sends a failed one again, and previews the templates.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [
    OrganisationEventsConsumer,
    AgreementEventsConsumer,
    ServiceProjectEventsConsumer,
    ContractEventsConsumer,
    ConsultationEventsConsumer,
    PartnershipProtocolEventsConsumer,
    NotificationsController,
    NotificationTemplatesController,
  ],
  providers: [
    DeliveryRepository,
    TemplateRenderer,
    DeliveryQueue,
    DeliveriesAfterCommit,
    RecordDeliveriesHandler,
    SendDeliveryHandler,
    RetryDeliveryHandler,
    SendDeliveryJob,
    DeliveryMetrics,
    DeliverySweeper,
    { provide: MailTransport, useClass: NodemailerMailTransport },
    { provide: MailAcceptances, useClass: RedisMailAcceptances },
  ],
  exports: [DeliveryQueue, DeliverySweeper, SendDeliveryHandler],
})
export class DeliveryModule {}
