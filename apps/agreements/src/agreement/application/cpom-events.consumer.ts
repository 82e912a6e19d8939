import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Clock } from '@tripartite/clock';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { CpomProjectionRepository } from '../infrastructure/cpom-projection.repository';

/**
 * "Au moment du renouvellement de l'agrément, la DIRECCTE examine la mise en œuvre du CPOM" (seed 002
 * I.1): the renewal view needs each service's CPOM, learnt from the contracts service's events, written
 * in the inbox transaction.
 */
@Controller()
export class CpomEventsConsumer {
  constructor(
    private readonly cpoms: CpomProjectionRepository,
    private readonly clock: Clock,
  ) {}

  @EventPattern('contract.signed')
  async onSigned(@Payload() event: EnvelopeOf<'contract.signed'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.project(event, ctx);
  }

  /** A CPOM signed before the region joined counts like a signed one for the renewal view. */
  @EventPattern('contract.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'contract.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.project(event, ctx);
  }

  private async project(
    event: EnvelopeOf<'contract.signed'> | EnvelopeOf<'contract.recorded'>,
    ctx: EventContext,
  ): Promise<void> {
    const { signedOn, periodStart, periodEnd } = event.payload;
    await this.cpoms.merge(
      ctx.manager,
      event.payload,
      { signedOn, periodStart, periodEnd },
      this.clock.now(),
    );
  }

  @EventPattern('contract.amended')
  async onAmended(@Payload() event: EnvelopeOf<'contract.amended'>, @Ctx() ctx: EventContext): Promise<void> {
    // Version 2 carries the period as amended (an amendment may move the end: D.4622-47).
    const { amendmentNumber, periodStart, periodEnd } = event.payload;
    await this.cpoms.merge(
      ctx.manager,
      event.payload,
      { amendments: amendmentNumber, periodStart, periodEnd },
      this.clock.now(),
    );
  }

  @EventPattern('contract.review_completed')
  async onReviewed(
    @Payload() event: EnvelopeOf<'contract.review_completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const review = { on: event.payload.reviewedOn, summary: event.payload.summary };
    await this.cpoms.merge(ctx.manager, event.payload, { latestReview: review }, this.clock.now());
  }

  @EventPattern('contract.evaluated')
  async onEvaluated(
    @Payload() event: EnvelopeOf<'contract.evaluated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const evaluation = { on: event.payload.evaluatedOn, summary: event.payload.summary };
    await this.cpoms.merge(ctx.manager, event.payload, { finalEvaluation: evaluation }, this.clock.now());
  }
}
