import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { EventCatalogue } from '@tripartite/events';
import { AmqpConnection } from './amqp/amqp-connection';
import { InboxStore } from './inbox/inbox.store';
import { MessagingHealth } from './messaging.health';
import { CONSUMED_EVENTS, EVENT_CATALOGUE, RETRY_POLICY } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxReplayer } from './outbox/outbox.replayer';
import { OutboxWriter } from './outbox/outbox.writer';
import { RelayWakeAfterCommit } from './outbox/relay-wake.after-commit';
import { defaultRetryPolicy, type RetryPolicy } from './topology/retry-policy';
import { AmqpEventTransport } from './transport/amqp-event.transport';

export interface MessagingModuleOptions {
  /** Events this process may publish and consume (the platform catalogue, or a test's). */
  catalogue: EventCatalogue;
  /** Routing keys this service consumes; each needs exactly one `@EventPattern` handler. */
  consumes: readonly string[];
  retryPolicy?: RetryPolicy;
}

/**
 * Domain events over RabbitMQ for one service: the outbox writer and relay (producer side), the
 * `@EventPattern` transport with inbox, retries and parking (consumer side). Connect the transport in
 * `main.ts`: `app.connectMicroservice({ strategy: app.get(AmqpEventTransport) })`.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: EVENT_CATALOGUE, useValue: options.catalogue },
        { provide: CONSUMED_EVENTS, useValue: options.consumes },
        { provide: RETRY_POLICY, useValue: options.retryPolicy ?? defaultRetryPolicy },
        AmqpConnection,
        OutboxWriter,
        OutboxRelay,
        RelayWakeAfterCommit,
        OutboxReplayer,
        InboxStore,
        AmqpEventTransport,
        MessagingHealth,
      ],
      exports: [
        EVENT_CATALOGUE,
        AmqpConnection,
        OutboxWriter,
        OutboxRelay,
        OutboxReplayer,
        InboxStore,
        AmqpEventTransport,
        MessagingHealth,
      ],
    };
  }
}
