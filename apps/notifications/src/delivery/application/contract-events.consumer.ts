import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { ProjectContractPartiesHandler } from '../../directory/application/project-contract-parties.handler';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/**
 * `contract.*` from the contracts service. The events that name the three parties first update the
 * contract parties projection (so that the later events naming only the service reach all three), then
 * go through the rule table; all in the inbox transaction.
 */
@Controller()
export class ContractEventsConsumer {
  constructor(
    private readonly parties: ProjectContractPartiesHandler,
    private readonly deliveries: RecordDeliveriesHandler,
  ) {}

  @EventPattern('contract.submitted')
  async onSubmitted(
    @Payload() event: EnvelopeOf<'contract.submitted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.ready_to_sign')
  async onReadyToSign(
    @Payload() event: EnvelopeOf<'contract.ready_to_sign'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.signed')
  async onSigned(@Payload() event: EnvelopeOf<'contract.signed'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'contract.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.amended')
  async onAmended(@Payload() event: EnvelopeOf<'contract.amended'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.review_due')
  async onReviewDue(
    @Payload() event: EnvelopeOf<'contract.review_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.review_overdue')
  async onReviewOverdue(
    @Payload() event: EnvelopeOf<'contract.review_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.review_completed')
  async onReviewCompleted(
    @Payload() event: EnvelopeOf<'contract.review_completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.evaluated')
  async onEvaluated(
    @Payload() event: EnvelopeOf<'contract.evaluated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.drafted')
  async onDrafted(@Payload() event: EnvelopeOf<'contract.drafted'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.submission_withdrawn')
  async onSubmissionWithdrawn(
    @Payload() event: EnvelopeOf<'contract.submission_withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.term_due')
  async onTermDue(
    @Payload() event: EnvelopeOf<'contract.term_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.evaluation_overdue')
  async onEvaluationOverdue(
    @Payload() event: EnvelopeOf<'contract.evaluation_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.expired')
  async onExpired(@Payload() event: EnvelopeOf<'contract.expired'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('contract.agreement_lapsed')
  async onAgreementLapsed(
    @Payload() event: EnvelopeOf<'contract.agreement_lapsed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.parties.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }
}
