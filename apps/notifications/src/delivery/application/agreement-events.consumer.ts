import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/**
 * `agreement.*` from the agreements service: each event goes through the rule table, in the inbox
 * transaction (`ctx.manager`), so the deliveries and the event's inbox entry commit together.
 */
@Controller()
export class AgreementEventsConsumer {
  constructor(private readonly deliveries: RecordDeliveriesHandler) {}

  @EventPattern('agreement.requested')
  async onRequested(
    @Payload() event: EnvelopeOf<'agreement.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.inspector_opinion_recorded')
  async onInspectorOpinionRecorded(
    @Payload() event: EnvelopeOf<'agreement.inspector_opinion_recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.granted')
  async onGranted(
    @Payload() event: EnvelopeOf<'agreement.granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.refused')
  async onRefused(
    @Payload() event: EnvelopeOf<'agreement.refused'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'agreement.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.implicitly_granted')
  async onImplicitlyGranted(
    @Payload() event: EnvelopeOf<'agreement.implicitly_granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.decision_due')
  async onDecisionDue(
    @Payload() event: EnvelopeOf<'agreement.decision_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.compliance_notice_issued')
  async onComplianceNoticeIssued(
    @Payload() event: EnvelopeOf<'agreement.compliance_notice_issued'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.compliance_notice_due')
  async onComplianceNoticeDue(
    @Payload() event: EnvelopeOf<'agreement.compliance_notice_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.compliance_notice_met')
  async onComplianceNoticeMet(
    @Payload() event: EnvelopeOf<'agreement.compliance_notice_met'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.compliance_notice_lapsed')
  async onComplianceNoticeLapsed(
    @Payload() event: EnvelopeOf<'agreement.compliance_notice_lapsed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.shortened')
  async onShortened(
    @Payload() event: EnvelopeOf<'agreement.shortened'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.withdrawn')
  async onWithdrawn(
    @Payload() event: EnvelopeOf<'agreement.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.renewal_due')
  async onRenewalDue(
    @Payload() event: EnvelopeOf<'agreement.renewal_due'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('agreement.expired')
  async onExpired(
    @Payload() event: EnvelopeOf<'agreement.expired'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }
}
