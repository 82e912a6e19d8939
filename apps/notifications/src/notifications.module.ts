import { type DynamicModule, Module } from '@nestjs/common';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { DeliveryModule } from './delivery/delivery.module';
import type { NotificationsConfig } from './notifications.config';
import { notificationsPersistence } from './notifications.persistence';

/** Routing keys this service consumes; each has one `@EventPattern` handler (a missing one stops the boot). */
export const NOTIFICATIONS_CONSUMES = ['organisation.registered', 'organisation.updated'] as const;

/**
 * The notifications service: a directory of organisations and contacts projected from `organisation.*`
 * events, and French e-mails sent once per (event, recipient) through SMTP.
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
