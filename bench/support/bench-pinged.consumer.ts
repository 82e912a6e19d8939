import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@tripartite/events';
import { EventContext, EventPattern } from '@tripartite/messaging';
import type { BenchPinged } from './bench-catalogue';
import { EffectCommitRecorder } from './effect-commit.recorder';

/** Applies `bench.pinged` as a projection would: one effect row, in the inbox's transaction. */
@Controller()
export class BenchPingedConsumer {
  constructor(private readonly recorder: EffectCommitRecorder) {}

  @EventPattern('bench.pinged')
  async onPinged(@Payload() event: EventEnvelope, @Ctx() ctx: EventContext): Promise<void> {
    const { seq } = event.payload as BenchPinged;
    await ctx.manager.query('INSERT INTO bench_effects (event_id, seq) VALUES ($1, $2)', [event.id, seq]);
    this.recorder.expect(ctx.manager.queryRunner, seq);
  }
}
