import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';

/** What the directory consumer records of each event it applies (the `effects` row's note, as JSON). */
export interface AppliedOrganisation {
  version: number;
  payload: EnvelopeOf<'organisation.registered'>['payload'];
}

/**
 * A consumer of the real `organisation.registered`, written against its current version as every
 * handler is: it records the payload it was given, once per event (the inbox's transaction).
 */
@Controller()
export class OrganisationDirectoryConsumer {
  @EventPattern('organisation.registered')
  async onRegistered(
    @Payload() event: EnvelopeOf<'organisation.registered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const applied: AppliedOrganisation = { version: event.version, payload: event.payload };
    await ctx.manager.query(
      'INSERT INTO effects (event_id, aggregate_id, note, applied_by) VALUES ($1, $2, $3, $4)',
      [event.id, event.aggregateId, JSON.stringify(applied), process.pid],
    );
  }
}
