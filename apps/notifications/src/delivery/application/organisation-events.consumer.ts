import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { ProjectOrganisationHandler } from '../../directory/application/project-organisation.handler';
import { RecordDeliveriesHandler } from './record-deliveries.handler';

/**
 * `organisation.*` from the agreements service: first the directory learns the organisation's new state,
 * then the rule table decides who is told. Both write through `ctx.manager`, the inbox transaction, so
 * the projection, the deliveries and the event's inbox entry commit together or not at all.
 */
@Controller()
export class OrganisationEventsConsumer {
  constructor(
    private readonly directory: ProjectOrganisationHandler,
    private readonly deliveries: RecordDeliveriesHandler,
  ) {}

  @EventPattern('organisation.registered')
  async onRegistered(
    @Payload() event: EnvelopeOf<'organisation.registered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.directory.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }

  @EventPattern('organisation.updated')
  async onUpdated(
    @Payload() event: EnvelopeOf<'organisation.updated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.directory.apply(ctx.manager, event);
    await this.deliveries.record(ctx.manager, event);
  }
}
