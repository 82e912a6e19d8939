import { type DynamicModule, Module } from '@nestjs/common';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { DeliveryModule } from './delivery/delivery.module';
import type { NotificationsConfig } from './notifications.config';
import { notificationsPersistence } from './notifications.persistence';

/**
 * Routing keys this service consumes: every event of the catalogue a person should hear of, and the
 * `organisation.*` events its directory comes from. Each has one `@EventPattern` handler (a missing one
 * stops the boot); the rule table (`delivery/domain/notification-rules.ts`) says who is told.
 */
export const NOTIFICATIONS_CONSUMES = [
  'organisation.registered',
  'organisation.updated',
  'agreement.requested',
  'agreement.inspector_opinion_recorded',
  'agreement.granted',
  'agreement.refused',
  'agreement.recorded',
  'agreement.implicitly_granted',
  'agreement.decision_due',
  'agreement.compliance_notice_issued',
  'agreement.compliance_notice_due',
  'agreement.compliance_notice_met',
  'agreement.compliance_notice_lapsed',
  'agreement.shortened',
  'agreement.withdrawn',
  'agreement.renewal_due',
  'agreement.expired',
  'service_project.adopted',
  'service_project.approved',
  'service_project.revised',
  'service_project.withdrawn',
  'contract.submitted',
  'contract.ready_to_sign',
  'contract.signed',
  'contract.amended',
  'contract.review_due',
  'contract.review_overdue',
  'contract.review_completed',
  'contract.evaluated',
  'consultation.opinion_requested',
  'consultation.opinion_delivered',
  'consultation.opinion_overdue',
] as const;

/**
 * The notifications service: a directory of organisations and contacts projected from `organisation.*`
 * events (and the parties of each CPOM from `contract.*`), and French e-mails sent once per (event,
 * recipient) through SMTP for every step and deadline of the other services.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: NotificationsConfig): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          consumes: NOTIFICATIONS_CONSUMES,
          persistence: notificationsPersistence,
        }),
        DeliveryModule,
      ],
    };
  }
}
