import type { ServicePersistence } from '@tripartite/platform';
import { CreateIndicatorProjections1764500000000 } from './migrations/1764500000000-create-indicator-projections';
import { DateTheSteeringCounters1764500001000 } from './migrations/1764500001000-date-the-steering-counters';

/**
 * The indicators service's own tables (the platform's are added by ServicePlatformModule). Its projections and
 * measurements are read and written in SQL (ADR 0019: hand-written queries for the figures), so no entity.
 * Migrations: 17645000….
 */
export const indicatorsPersistence: ServicePersistence = {
  entities: [],
  migrations: [CreateIndicatorProjections1764500000000, DateTheSteeringCounters1764500001000],
};
