export * from './amqp/amqp-connection';
export * from './inbox/inbox.store';
export * from './inbox/inbox-entry.orm-entity';
export * from './messaging.health';
export * from './messaging.module';
export * from './messaging.tokens';
export * from './migrations/1764000000000-create-outbox-and-inbox';
export * from './migrations/1764000000100-tune-outbox-autovacuum';
export * from './migrations/1764000000200-create-parked-messages';
export * from './migrations/1764000000300-add-outbox-trace-context';
export * from './outbox/invalid-event.error';
export * from './outbox/new-event';
export * from './outbox/outbox.relay';
export * from './outbox/outbox.replayer';
export * from './outbox/outbox.writer';
export * from './outbox/outbox-message.orm-entity';
export * from './outbox/relay-wake.after-commit';
export * from './parking/parked-message';
export * from './parking/parked-message.collector';
export * from './parking/parked-message.orm-entity';
export * from './parking/parked-message.replayer';
export * from './parking/parked-message.repository';
export * from './replay/replay-request';
export * from './replay/replay-request.responder';
export * from './replay/replay-requester';
export * from './topology/queue-names';
export * from './topology/retry-policy';
export * from './transport/amqp-event.transport';
export * from './transport/event-context';
export * from './transport/message-headers';
export * from './transport/message-validation';

import { InboxEntryOrmEntity } from './inbox/inbox-entry.orm-entity';
import { CreateOutboxAndInbox1764000000000 } from './migrations/1764000000000-create-outbox-and-inbox';
import { TuneOutboxAutovacuum1764000000100 } from './migrations/1764000000100-tune-outbox-autovacuum';
import { CreateParkedMessages1764000000200 } from './migrations/1764000000200-create-parked-messages';
import { AddOutboxTraceContext1764000000300 } from './migrations/1764000000300-add-outbox-trace-context';
import { OutboxMessageOrmEntity } from './outbox/outbox-message.orm-entity';
import { ParkedMessageOrmEntity } from './parking/parked-message.orm-entity';

/** What a service adds to its PersistenceModule to carry the messaging tables. */
export const messagingPersistence = {
  entities: [OutboxMessageOrmEntity, InboxEntryOrmEntity, ParkedMessageOrmEntity],
  migrations: [
    CreateOutboxAndInbox1764000000000,
    TuneOutboxAutovacuum1764000000100,
    CreateParkedMessages1764000000200,
    AddOutboxTraceContext1764000000300,
  ],
};
export * from './transport/connect-event-transport';
export * from './transport/event-pattern.decorator';
