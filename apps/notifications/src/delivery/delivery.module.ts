import { Module } from '@nestjs/common';
import { DirectoryModule } from '../directory/directory.module';
import { NotificationsController } from './api/notifications.controller';
import { DeliverySweeper } from './application/delivery.sweeper';
import { MailTransport } from './application/mail-transport';
import { OrganisationEventsConsumer } from './application/organisation-events.consumer';
import { RecordDeliveriesHandler } from './application/record-deliveries.handler';
import { SendDeliveryHandler } from './application/send-delivery.handler';
import { DeliveriesAfterCommit } from './infrastructure/deliveries-after-commit.subscriber';
import { DeliveryRepository } from './infrastructure/delivery.repository';
import { DeliveryQueue } from './infrastructure/delivery-queue';
import { TemplateRenderer } from './infrastructure/handlebars-template.renderer';
import { NodemailerMailTransport } from './infrastructure/nodemailer-mail.transport';
import { SendDeliveryJob } from './infrastructure/send-delivery.job';

/**
 * The delivery log: consumers decide and render (one row per event and recipient), a BullMQ worker
 * sends after the commit, a sweep re-queues what Redis lost, and the read API shows it all.
 */
@Module({
  imports: [DirectoryModule],
  controllers: [OrganisationEventsConsumer, NotificationsController],
  providers: [
    DeliveryRepository,
    TemplateRenderer,
    DeliveryQueue,
    DeliveriesAfterCommit,
    RecordDeliveriesHandler,
    SendDeliveryHandler,
    SendDeliveryJob,
    DeliverySweeper,
    { provide: MailTransport, useClass: NodemailerMailTransport },
  ],
  exports: [DeliveryQueue, DeliverySweeper, SendDeliveryHandler],
})
export class DeliveryModule {}
