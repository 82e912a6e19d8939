import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/** `consultation.*` from the consultations service, through the rule table in the inbox transaction. */
@Controller()
export class ConsultationEventsConsumer {
  constructor(private readonly deliveries: RecordDeliveriesHandler) {}

  @EventPattern('consultation.opinion_requested')
  async onOpinionRequested(
    @Payload() event: EnvelopeOf<'consultation.opinion_requested'>,
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

  @EventPattern('consultation.opinion_overdue')
  async onOpinionOverdue(
    @Payload() event: EnvelopeOf<'consultation.opinion_overdue'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }
}
