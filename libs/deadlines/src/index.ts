export * from './api/clock-admin.controller';
export * from './application/deadline.reconciler';
export * from './application/deadline.scheduler';
export * from './application/deadline-effects';
export * from './application/deadline-id';
export * from './application/fire-deadline.handler';
export * from './deadlines.module';
export * from './deadlines.options';
export * from './domain/deadline';
export * from './domain/deadline.errors';
export * from './infrastructure/deadline.orm-entity';
export * from './infrastructure/deadline-timers';
export * from './infrastructure/deadlines.health';
export * from './migrations/1764000001000-create-deadlines';
export * from './migrations/1764000001100-allow-skipped-deadlines';
export * from './migrations/1764000001200-add-deadline-event-version';

import { DeadlineOrmEntity } from './infrastructure/deadline.orm-entity';
import { CreateDeadlines1764000001000 } from './migrations/1764000001000-create-deadlines';
import { AllowSkippedDeadlines1764000001100 } from './migrations/1764000001100-allow-skipped-deadlines';
import { AddDeadlineEventVersion1764000001200 } from './migrations/1764000001200-add-deadline-event-version';

/** What a service adds to its PersistenceModule to carry the deadlines table. */
export const deadlinesPersistence = {
  entities: [DeadlineOrmEntity],
  migrations: [
    CreateDeadlines1764000001000,
    AllowSkippedDeadlines1764000001100,
    AddDeadlineEventVersion1764000001200,
  ],
};
