import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@tripartite/events';
import { EventContext, EventPattern } from '@tripartite/messaging';
import type { z } from 'zod';
import type { thingHappened } from './test-catalogue';

type Thing = z.infer<typeof thingHappened.schema>;

/** Applies `thing.happened` by writing an effect row; fails on purpose `failTimes` times, or while its note is blocked. */
@Controller()
export class ThingConsumer {
  @EventPattern('thing.happened')
  async onThing(@Payload() event: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    // Attempts are counted outside the handler's transaction, so a failed try still leaves a trace.
    await ctx.manager.connection.query('INSERT INTO attempts (event_id, attempt) VALUES ($1, $2)', [
      event.id,
      ctx.attempt,
    ]);
    const thing = event.payload as Thing;
    if (ctx.attempt <= thing.failTimes) throw new Error(`planned failure ${ctx.attempt}`);
    const blocked: unknown[] = await ctx.manager.query('SELECT 1 FROM blocked_notes WHERE note = $1', [
      thing.note,
    ]);
    if (blocked.length > 0) throw new Error(`note "${thing.note}" is blocked`);
    if (thing.workMs > 0) await new Promise((resolve) => setTimeout(resolve, thing.workMs));
    await ctx.manager.query(
      'INSERT INTO effects (event_id, aggregate_id, note, applied_by) VALUES ($1, $2, $3, $4)',
      [event.id, event.aggregateId, thing.note, process.pid],
    );
  }
}
