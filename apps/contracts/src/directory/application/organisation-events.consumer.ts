import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { DirectoryRepository } from '../infrastructure/directory.repository';

type OrganisationEvent = EnvelopeOf<'organisation.registered'> | EnvelopeOf<'organisation.updated'>;

/**
 * The organisations of the directory (type, name, regions, a service's competent Caisse, BTP flag,
 * employees followed), from `organisation.*` events whose payload is the full state: the newer aggregate
 * version wins, an older one arriving late changes nothing.
 */
@Controller()
export class OrganisationEventsConsumer {
  constructor(private readonly directory: DirectoryRepository) {}

  @EventPattern('organisation.registered')
  async onRegistered(
    @Payload() event: EnvelopeOf<'organisation.registered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.project(event, ctx);
  }

  @EventPattern('organisation.updated')
  async onUpdated(
    @Payload() event: EnvelopeOf<'organisation.updated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.project(event, ctx);
  }

  private async project(event: OrganisationEvent, ctx: EventContext): Promise<void> {
    const { payload } = event;
    await this.directory.upsertOrganisationIfNewer(
      ctx.manager,
      {
        id: payload.organisationId,
        type: payload.type,
        name: payload.name,
        regions: [...payload.regions],
        caisseId: payload.service?.caisseId ?? null,
        btp: payload.service?.btp ?? false,
        employeesFollowed: payload.service?.employeesFollowed ?? null,
        version: event.aggregateVersion,
      },
      new Date(event.occurredAt),
    );
  }
}
