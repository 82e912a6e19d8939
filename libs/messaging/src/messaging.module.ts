import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { EventCatalogue } from '@tripartite/events';
import { AmqpConnection } from './amqp/amqp-connection';
import { InboxStore } from './inbox/inbox.store';
import { MessagingHealth } from './messaging.health';
import { EVENT_CATALOGUE, PARKED_SWEEP_MS, RETRY_POLICY } from './messaging.tokens';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxReplayer } from './outbox/outbox.replayer';
import { OutboxWriter } from './outbox/outbox.writer';
import { RelayWakeAfterCommit } from './outbox/relay-wake.after-commit';
import { parkedMessagesControllerFor } from './parking/api/parked-messages.controller';
import { ParkedMessageCollector } from './parking/parked-message.collector';
import { ParkedMessageReplayer } from './parking/parked-message.replayer';
import { ParkedMessageRepository } from './parking/parked-message.repository';
import { ReplayRequestResponder } from './replay/replay-request.responder';
import { ReplayRequester } from './replay/replay-requester';
import { defaultRetryPolicy, type RetryPolicy } from './topology/retry-policy';
import { AmqpEventTransport } from './transport/amqp-event.transport';

export interface MessagingModuleOptions {
  /** Events this process may publish and consume (the platform catalogue, or a test's). */
  catalogue: EventCatalogue;
  retryPolicy?: RetryPolicy;
  /**
   * Serve the admin view of this service's parked messages at `/api/v1/admin/<service>/parked-messages`.
   * Needs the platform's `AuthModule` (admin only) and `AuditModule` (a replay is audited).
   */
  parkedMessagesApi?: { service: string };
  /** How often messages parked for a version newer than the consumer read are looked for again. */
  parkedSweepMs?: number;
}

/** What a service's own code may inject from this module (besides the catalogue). */
const exportedServices = [
  AmqpConnection,
  OutboxWriter,
  OutboxRelay,
  OutboxReplayer,
  ReplayRequester,
  ReplayRequestResponder,
  InboxStore,
  ParkedMessageRepository,
  ParkedMessageReplayer,
  ParkedMessageCollector,
  AmqpEventTransport,
  MessagingHealth,
];

/**
 * Domain events over RabbitMQ for one service: the outbox writer and relay (producer side), the
 * `@EventPattern` transport with inbox, retries and parking (consumer side: the routing keys it binds are
 * those its handlers name), the parked-message log, and replay requests (ask the producers to replay their
 * log to one queue; answer such requests from this service's outbox: ADR 0019). Connect the transport in `main.ts`:
 * `app.connectMicroservice({ strategy: app.get(AmqpEventTransport) })`.
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    return {
      module: MessagingModule,
      controllers: options.parkedMessagesApi
        ? [parkedMessagesControllerFor(options.parkedMessagesApi.service)]
        : [],
      providers: [
        { provide: EVENT_CATALOGUE, useValue: options.catalogue },
        { provide: RETRY_POLICY, useValue: options.retryPolicy ?? defaultRetryPolicy },
        { provide: PARKED_SWEEP_MS, useValue: options.parkedSweepMs ?? 60_000 },
        ...exportedServices,
        RelayWakeAfterCommit,
      ],
      exports: [EVENT_CATALOGUE, ...exportedServices],
    };
  }
}
