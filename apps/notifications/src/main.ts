// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { notificationsConfigSchema } from './notifications.config';
import { NotificationsModule } from './notifications.module';

void runService({
  configSchema: notificationsConfigSchema,
  module: (config) => NotificationsModule.forRoot(config),
  openApi: {
    title: 'Tripartite Notifications',
    description: 'Notifications — French e-mails to the parties, sent once per event and recipient',
  },
});
