import { AuditLogOrmEntity, CreateAuditLog1764000003000 } from '@tripartite/audit';
import { deadlinesPersistence } from '@tripartite/deadlines';
import { CreateIdempotencyKeys1764000002000, IdempotencyKeyOrmEntity } from '@tripartite/http';
import { messagingPersistence } from '@tripartite/messaging';

/** A service's tables: its ORM entities and the migrations that create them, in order. */
export interface ServicePersistence {
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as plain constructors.
  entities: readonly Function[];
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity and migration classes as plain constructors.
  migrations: readonly Function[];
}

/** The tables every service database carries: outbox, inbox, deadlines, idempotency keys, audit log. */
export const platformPersistence: ServicePersistence = {
  entities: [
    ...messagingPersistence.entities,
    ...deadlinesPersistence.entities,
    IdempotencyKeyOrmEntity,
    AuditLogOrmEntity,
  ],
  migrations: [
    ...messagingPersistence.migrations,
    ...deadlinesPersistence.migrations,
    CreateIdempotencyKeys1764000002000,
    CreateAuditLog1764000003000,
  ],
};

/** The platform's tables followed by the service's own. */
export function withPlatformTables(own: ServicePersistence): ServicePersistence {
  return {
    entities: [...platformPersistence.entities, ...own.entities],
    migrations: [...platformPersistence.migrations, ...own.migrations],
  };
}
