import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/**
 * `partnership_protocol.*` from the contracts service, through the rule table in the inbox transaction: the
 * DIRECCTE is told of every step (seed 000), the service and the Caisse the event names are its parties.
 */
@Controller()
export class PartnershipProtocolEventsConsumer {
  constructor(private readonly deliveries: RecordDeliveriesHandler) {}

  @EventPattern('partnership_protocol.negotiation_opened')
  async onNegotiationOpened(
    @Payload() event: EnvelopeOf<'partnership_protocol.negotiation_opened'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('partnership_protocol.concluded')
  async onConcluded(
    @Payload() event: EnvelopeOf<'partnership_protocol.concluded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('partnership_protocol.progress_recorded')
  async onProgressRecorded(
    @Payload() event: EnvelopeOf<'partnership_protocol.progress_recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('partnership_protocol.ended')
  async onEnded(
    @Payload() event: EnvelopeOf<'partnership_protocol.ended'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }
}
