import { type DynamicModule, Module } from '@nestjs/common';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { DeliveryModule } from './delivery/delivery.module';
import type { NotificationsConfig } from './notifications.config';
import { notificationsPersistence } from './notifications.persistence';

/**
 * The notifications service: a directory of organisations and contacts projected from `organisation.*`
 * events (and the parties of each CPOM from `contract.*`), and French e-mails sent once per (event,
 * recipient) through SMTP for every step and deadline of the other services. It consumes what its
 * `@EventPattern` handlers name (`delivery/application/*-events.consumer.ts`); the rule table
 * (`delivery/domain/notification-rules.ts`) says who is told.
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
          persistence: notificationsPersistence,
        }),
        DeliveryModule,
      ],
    };
  }
}
