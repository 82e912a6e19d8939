import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/** `service_project.*` from the agreements service, through the rule table in the inbox transaction. */
@Controller()
export class ServiceProjectEventsConsumer {
  constructor(private readonly deliveries: RecordDeliveriesHandler) {}

  @EventPattern('service_project.adopted')
  async onAdopted(
    @Payload() event: EnvelopeOf<'service_project.adopted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('service_project.approved')
  async onApproved(
    @Payload() event: EnvelopeOf<'service_project.approved'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('service_project.revised')
  async onRevised(
    @Payload() event: EnvelopeOf<'service_project.revised'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('service_project.withdrawn')
  async onWithdrawn(
    @Payload() event: EnvelopeOf<'service_project.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.deliveries.record(ctx.manager, event);
  }
}
