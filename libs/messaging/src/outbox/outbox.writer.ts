import { Inject, Injectable, Optional } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { currentContext } from '@tripartite/context';
import type { EventCatalogue, EventEnvelope, PlatformCatalogue } from '@tripartite/events';
import { activeTraceCarrier } from '@tripartite/telemetry';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { EVENT_CATALOGUE } from '../messaging.tokens';
import { InvalidEventError } from './invalid-event.error';
import type { NewEvent, PayloadInput } from './new-event';
import { RelayWakeAfterCommit } from './relay-wake.after-commit';

/**
 * Records domain events in the outbox, inside the caller's transaction: the change and its event
 * commit together or not at all. Publishing is the relay's job, never the command's.
 *
 * `append` is checked by the compiler against the catalogue (`C`, the platform's by default): the type must
 * be one of its keys and the payload that event's schema input. The schema is checked again at run time.
 * A test with its own catalogue asks for `app.get<OutboxWriter<typeof testCatalogue>>(OutboxWriter)`.
 */
@Injectable()
export class OutboxWriter<C extends EventCatalogue = PlatformCatalogue> {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    @Inject(EVENT_CATALOGUE) private readonly catalogue: EventCatalogue,
    private readonly clock: Clock,
    /** Absent where no relay runs in the process (tests of the writer alone). */
    @Optional() private readonly wake?: RelayWakeAfterCommit,
  ) {}

  append<T extends keyof C & string>(
    manager: EntityManager,
    event: NewEvent<T, PayloadInput<C, T>>,
  ): Promise<EventEnvelope<unknown, T>> {
    return this.write(manager, event) as Promise<EventEnvelope<unknown, T>>;
  }

  /**
   * Appends an event whose type and payload were typed when it was stored (a deadline's row carries the
   * event its plan checked at compile time) and so arrive here as data: checked at run time only.
   */
  appendStored(manager: EntityManager, event: NewEvent<string, unknown>): Promise<EventEnvelope> {
    return this.write(manager, event);
  }

  private async write(manager: EntityManager, event: NewEvent<string, unknown>): Promise<EventEnvelope> {
    const envelope = this.envelopeOf(event);
    // The command's trace goes with its event, through the relay, to whoever consumes it (ADR 0013).
    const trace = activeTraceCarrier();
    await manager.query(
      'INSERT INTO outbox (id, type, aggregate_id, envelope, trace_context) VALUES ($1, $2, $3, $4, $5)',
      [
        envelope.id,
        envelope.type,
        envelope.aggregateId,
        JSON.stringify(envelope),
        trace && JSON.stringify(trace),
      ],
    );
    if (manager.queryRunner?.isTransactionActive) this.wake?.note(manager, [envelope.id]);
    return envelope;
  }

  private envelopeOf(event: NewEvent<string, unknown>): EventEnvelope {
    const definition = this.catalogue[event.type];
    if (!definition) throw new InvalidEventError(event.type, 'not in the event catalogue');
    const parsed = definition.schema.safeParse(event.payload);
    if (!parsed.success) {
      throw new InvalidEventError(
        event.type,
        parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '),
      );
    }
    const context = currentContext();
    const id = uuidv7();
    return {
      id,
      type: event.type,
      version: definition.version,
      occurredAt: this.clock.now().toISOString(),
      producer: this.config.SERVICE_NAME,
      aggregateId: event.aggregateId,
      aggregateVersion: event.aggregateVersion,
      region: event.region,
      correlationId: event.correlationId ?? context?.correlationId ?? id,
      causationId: event.causationId !== undefined ? event.causationId : (context?.causationId ?? null),
      payload: parsed.data,
    };
  }
}
