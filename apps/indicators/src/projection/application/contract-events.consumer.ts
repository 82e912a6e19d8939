import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { addDays, calendarDateAt } from '@tripartite/calendar';
import type { EventEnvelope } from '@tripartite/events';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import { NEXT_GENERATION } from '../domain/contribution-steps';
import type { CpomStatus } from '../domain/cpom-contribution';
import { datedContentOf, type HistoryFacts } from '../domain/cpom-history';
import { type CpomContent, CpomProjection, type CpomSubject } from '../infrastructure/cpom-projection';
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
  ) {}

  @EventPattern('contract.drafted')
  async onDrafted(@Payload() event: EnvelopeOf<'contract.drafted'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [{ on: event.payload.draftedOn, status: 'draft' }]);
  }

  @EventPattern('contract.submitted')
  async onSubmitted(
    @Payload() event: EnvelopeOf<'contract.submitted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [
      { on: event.payload.submittedOn, status: 'submitted' },
    ]);
  }

  @EventPattern('contract.submission_withdrawn')
  async onSubmissionWithdrawn(
    @Payload() event: EnvelopeOf<'contract.submission_withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [{ on: event.payload.withdrawnOn, status: 'draft' }]);
  }

  @EventPattern('contract.ready_to_sign')
  async onReadyToSign(
    @Payload() event: EnvelopeOf<'contract.ready_to_sign'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [
      { on: event.payload.readyOn, status: 'ready_to_sign' },
    ]);
  }

  @EventPattern('contract.signed')
  async onSigned(@Payload() event: EnvelopeOf<'contract.signed'>, @Ctx() ctx: EventContext): Promise<void> {
    const { payload } = event;
    await this.state(ctx.manager, event, payload, [{ on: payload.signedOn, status: 'signed' }], {
      signedOn: payload.signedOn,
      content: payload,
    });
  }

  /**
   * A CPOM signed before the region joined counts like a signed one from its signature, and as expired from the
   * day after its period once ended.
   */
  @EventPattern('contract.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'contract.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { payload } = event;
    const statuses: { on: string; status: CpomStatus }[] = [{ on: payload.signedOn, status: 'signed' }];
    if (payload.status === 'expired') statuses.push({ on: addDays(payload.periodEnd, 1), status: 'expired' });
    await this.state(ctx.manager, event, payload, statuses, { signedOn: payload.signedOn, content: payload });
  }

  /** An amendment's contents apply from the day the three parties signed it (D.4622-47). */
  @EventPattern('contract.amended')
  async onAmended(@Payload() event: EnvelopeOf<'contract.amended'>, @Ctx() ctx: EventContext): Promise<void> {
    const { payload } = event;
    await this.state(ctx.manager, event, payload, [{ on: payload.signedOn, status: 'signed' }], {
      content: payload,
    });
  }

  /** A CPOM has ended the day after the last day of its period. */
  @EventPattern('contract.expired')
  async onExpired(@Payload() event: EnvelopeOf<'contract.expired'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [
      { on: addDays(event.payload.periodEnd, 1), status: 'expired' },
    ]);
  }

  @EventPattern('contract.evaluated')
  async onEvaluated(
    @Payload() event: EnvelopeOf<'contract.evaluated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.state(ctx.manager, event, event.payload, [
      { on: event.payload.evaluatedOn, status: 'evaluated' },
    ]);
  }

  /** A review is due from the day its first reminder was sent. */
  @EventPattern('contract.review_due')
  async onReviewDue(
    @Payload() event: EnvelopeOf<'contract.review_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.review(ctx.manager, event, 'due');
  }

  /** A review is overdue from the day the alert was sent. */
  @EventPattern('contract.review_overdue')
  async onReviewOverdue(
    @Payload() event: EnvelopeOf<'contract.review_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.review(ctx.manager, event, 'overdue');
  }

  @EventPattern('contract.review_completed')
  async onReviewCompleted(
    @Payload() event: EnvelopeOf<'contract.review_completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { contractId, reviewedOn, nextReviewDueOn } = event.payload;
    const held = await this.cpoms.recordReviewHeld(ctx.manager, contractId, reviewedOn, nextReviewDueOn);
    if (!held) return;
    await this.figures.recount(ctx.manager, contractId, { review: { on: reviewedOn, state: null } }, [
      { on: reviewedOn, delta: { [`reviews_held:${reviewedOn.slice(0, 4)}`]: 1 } },
    ]);
  }

  private async review(
    manager: EntityManager,
    event: EnvelopeOf<'contract.review_due'> | EnvelopeOf<'contract.review_overdue'>,
    state: 'due' | 'overdue',
  ): Promise<void> {
    const { contractId, dueOn } = event.payload;
    if (await this.cpoms.markReview(manager, contractId, state, dueOn)) {
      const on = calendarDateAt(new Date(event.occurredAt));
      await this.figures.recount(manager, contractId, { review: { on, state } });
    }
  }

  private async state(
    manager: EntityManager,
    envelope: EventEnvelope,
    subject: CpomSubject,
    statuses: HistoryFacts['statuses'] & {},
    signature: { signedOn?: string; content?: CpomContent & { periodStart: string; periodEnd: string } } = {},
  ): Promise<void> {
    const { signedOn, content } = signature;
    const status = statuses.at(-1)!.status;
    if (!(await this.cpoms.applyState(manager, envelope, subject, { status, signedOn }))) return;
    const facts: HistoryFacts = { statuses };
    if (content && (await this.cpoms.replaceContent(manager, subject.contractId, content))) {
      await this.figures.refreshIndicators(manager, subject.contractId);
      facts.content = datedContentOf(
        statuses[0]!.on,
        { start: content.periodStart, end: content.periodEnd },
        content,
      );
    }
    // The CPOM's state is a dated row too (CPOMs in force): its region's dated figures are summed again.
    await this.figures.recount(manager, subject.contractId, facts, [NEXT_GENERATION]);
  }
}
