import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@tripartite/events';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import { type CpomStatus, DATED_GENERATION } from '../domain/cpom-contribution';
import { type CpomContent, CpomProjection, type CpomSubject } from '../infrastructure/cpom-projection';
import { SteeringCounters } from '../infrastructure/steering-counters';
import { CpomFigures } from './cpom-figures';

/**
 * The CPOM cycle as the contracts service publishes it: each CPOM's state, parties, period and content (its
 * priorities, actions and indicators: seed 002 II.4), its reviews. Written in the inbox transaction, with the
 * region's counters.
 */
@Controller()
export class ContractEventsConsumer {
  constructor(
    private readonly cpoms: CpomProjection,
    private readonly figures: CpomFigures,
    private readonly counters: SteeringCounters,
  ) {}

  @EventPattern('contract.drafted')
  async onDrafted(@Payload() event: EnvelopeOf<'contract.drafted'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'draft');
  }

  @EventPattern('contract.submitted')
  async onSubmitted(
    @Payload() event: EnvelopeOf<'contract.submitted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'submitted');
  }

  @EventPattern('contract.submission_withdrawn')
  async onSubmissionWithdrawn(
    @Payload() event: EnvelopeOf<'contract.submission_withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'draft');
  }

  @EventPattern('contract.ready_to_sign')
  async onReadyToSign(
    @Payload() event: EnvelopeOf<'contract.ready_to_sign'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'ready_to_sign');
  }

  @EventPattern('contract.signed')
  async onSigned(@Payload() event: EnvelopeOf<'contract.signed'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'signed', event.payload.signedOn, event.payload);
  }

  /** A CPOM signed before the region joined counts like a signed one, or an expired one once ended. */
  @EventPattern('contract.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'contract.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { payload } = event;
    await this.state(ctx.manager, event, payload, payload.status, payload.signedOn, payload);
  }

  @EventPattern('contract.amended')
  async onAmended(@Payload() event: EnvelopeOf<'contract.amended'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'signed', undefined, event.payload);
  }

  @EventPattern('contract.expired')
  async onExpired(@Payload() event: EnvelopeOf<'contract.expired'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'expired');
  }

  @EventPattern('contract.evaluated')
  async onEvaluated(
    @Payload() event: EnvelopeOf<'contract.evaluated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, 'evaluated');
  }

  @EventPattern('contract.review_due')
  async onReviewDue(
    @Payload() event: EnvelopeOf<'contract.review_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { contractId, dueOn } = event.payload;
    if (await this.cpoms.markReview(ctx.manager, contractId, 'due', dueOn)) {
      await this.figures.recount(ctx.manager, contractId);
    }
  }

  @EventPattern('contract.review_overdue')
  async onReviewOverdue(
    @Payload() event: EnvelopeOf<'contract.review_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { contractId, dueOn } = event.payload;
    if (await this.cpoms.markReview(ctx.manager, contractId, 'overdue', dueOn)) {
      await this.figures.recount(ctx.manager, contractId);
    }
  }

  @EventPattern('contract.review_completed')
  async onReviewCompleted(
    @Payload() event: EnvelopeOf<'contract.review_completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { contractId, reviewedOn, nextReviewDueOn } = event.payload;
    const held = await this.cpoms.recordReviewHeld(ctx.manager, contractId, reviewedOn, nextReviewDueOn);
    if (!held) return;
    await this.counters.add(ctx.manager, held.region, { [`reviews_held:${reviewedOn.slice(0, 4)}`]: 1 });
    await this.figures.recount(ctx.manager, contractId);
  }

  private async state(
    manager: EntityManager,
    envelope: EventEnvelope,
    subject: CpomSubject,
    status: CpomStatus,
    signedOn?: string,
    content?: CpomContent,
  ): Promise<void> {
    if (!(await this.cpoms.applyState(manager, envelope, subject, { status, signedOn }))) return;
    if (content && (await this.cpoms.replaceContent(manager, subject.contractId, content))) {
      await this.figures.refreshIndicators(manager, subject.contractId);
    }
    // The CPOM's state is a dated row too (CPOMs in force): its region's dated figures are summed again.
    await this.figures.recount(manager, subject.contractId, { [DATED_GENERATION]: 1 });
  }
}
