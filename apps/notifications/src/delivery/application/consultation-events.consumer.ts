import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/**
 * `consultation.*` from the consultations service (issue 12), through the rule table in the inbox transaction:
 * every type of the catalogue, so that the queue is bound to each.
 */
@Controller()
export class ConsultationEventsConsumer {
  constructor(private readonly deliveries: RecordDeliveriesHandler) {}

  @EventPattern('consultation.requested')
  async onRequested(
    @Payload() event: EnvelopeOf<'consultation.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.session_scheduled')
  async onSessionScheduled(
    @Payload() event: EnvelopeOf<'consultation.session_scheduled'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.opinion_delivered')
  async onOpinionDelivered(
    @Payload() event: EnvelopeOf<'consultation.opinion_delivered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.answer_due')
  async onAnswerDue(
    @Payload() event: EnvelopeOf<'consultation.answer_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.answer_overdue')
  async onAnswerOverdue(
    @Payload() event: EnvelopeOf<'consultation.answer_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.closed')
  async onClosed(
    @Payload() event: EnvelopeOf<'consultation.closed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.completed')
  async onCompleted(
    @Payload() event: EnvelopeOf<'consultation.completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.agrement_policy_report_due')
  async onAgrementPolicyReportDue(
    @Payload() event: EnvelopeOf<'consultation.agrement_policy_report_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('consultation.agrement_policy_report_presented')
  async onAgrementPolicyReportPresented(
    @Payload() event: EnvelopeOf<'consultation.agrement_policy_report_presented'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }
}
