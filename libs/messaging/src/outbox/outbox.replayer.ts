import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import type { EventEnvelope } from '@tripartite/events';
import { DataSource } from 'typeorm';
import { AmqpConnection } from '../amqp/amqp-connection';
import { closeQuietly } from '../amqp/close-quietly';
import { publishOptionsOf } from '../amqp/publish-options';

export interface ReplayRequest {
  /** The one consumer queue that receives the replay (e.g. "tripartite.notifications"). */
  queue: string;
  /** Only these event types (default: all). */
  types?: readonly string[];
  /** Only events that occurred at or after this instant. */
  since?: Date;
}

/**
 * Replays this service's event log (sent outbox rows) to ONE consumer's queue, through the default
 * exchange, so a consumer can rebuild a projection without the other consumers seeing anything.
 * The consumer first forgets the replayed types in its inbox (see InboxStore.forget), else its inbox
 * would rightly treat every replayed event as a duplicate.
 */
@Injectable()
export class OutboxReplayer {
  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
    private readonly dataSource: DataSource,
    private readonly amqp: AmqpConnection,
  ) {}

  async replay(request: ReplayRequest): Promise<number> {
    const rows: { envelope: EventEnvelope }[] = await this.dataSource.query(
      `SELECT envelope FROM outbox
        WHERE sent_at IS NOT NULL
          AND ($1::text[] IS NULL OR type = ANY($1::text[]))
          AND ($2::timestamptz IS NULL OR (envelope->>'occurredAt')::timestamptz >= $2)
        ORDER BY seq`,
      [request.types ?? null, request.since ?? null],
    );
    if (rows.length === 0) return 0;
    let published = 0;
    await this.amqp.onceConnected(async (model) => {
      const channel = await model.createConfirmChannel();
      try {
        await channel.checkQueue(request.queue);
        for (const { envelope } of rows) {
          channel.sendToQueue(
            request.queue,
            Buffer.from(JSON.stringify(envelope)),
            publishOptionsOf(envelope, { 'x-replayed-by': this.config.SERVICE_NAME }),
          );
          published++;
        }
        await channel.waitForConfirms();
      } finally {
        await closeQuietly(channel);
      }
    });
    return published;
  }
}
