import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { grantKind } from '../domain/agrement-figures';
import { DirectoryRepository } from '../infrastructure/directory.repository';

type OrganisationEvent = EnvelopeOf<'organisation.registered'> | EnvelopeOf<'organisation.updated'>;

/**
 * What the agreements service tells this one: the directory (who answers for a body, a service's name) and
 * the agrément decisions the yearly information on agrément policy counts (seed 002 I.2). Written in the inbox
 * transaction; replaying the producer's log rebuilds both.
 */
@Controller()
export class DirectoryEventsConsumer {
  constructor(private readonly directory: DirectoryRepository) {}

  @EventPattern('organisation.registered')
  onRegistered(@Payload() event: EnvelopeOf<'organisation.registered'>, @Ctx() ctx: EventContext) {
    return this.keepOrganisation(event, ctx);
  }

  @EventPattern('organisation.updated')
  onUpdated(@Payload() event: EnvelopeOf<'organisation.updated'>, @Ctx() ctx: EventContext) {
    return this.keepOrganisation(event, ctx);
  }

  @EventPattern('agreement.granted')
  async onGranted(@Payload() event: EnvelopeOf<'agreement.granted'>, @Ctx() ctx: EventContext) {
    const p = event.payload;
    await this.decision(ctx, event, grantKind(p), p.decidedOn);
    await this.term(ctx, event, { validUntil: p.validUntil });
  }

  /** An agrément granted before the region joined the platform counts like a granted one, in its year. */
  @EventPattern('agreement.recorded')
  async onRecorded(@Payload() event: EnvelopeOf<'agreement.recorded'>, @Ctx() ctx: EventContext) {
    const p = event.payload;
    await this.decision(ctx, event, grantKind(p), p.decidedOn);
    await this.term(ctx, event, { validUntil: p.validUntil, ended: p.status === 'expired' });
  }

  @EventPattern('agreement.implicitly_granted')
  async onImplicit(@Payload() event: EnvelopeOf<'agreement.implicitly_granted'>, @Ctx() ctx: EventContext) {
    const p = event.payload;
    await this.decision(ctx, event, 'implicit', p.decisionDueOn);
    await this.term(ctx, event, { validUntil: p.validUntil });
  }

  @EventPattern('agreement.refused')
  onRefused(@Payload() event: EnvelopeOf<'agreement.refused'>, @Ctx() ctx: EventContext) {
    return this.decision(ctx, event, 'refused', event.payload.decidedOn);
  }

  @EventPattern('agreement.withdrawn')
  async onWithdrawn(@Payload() event: EnvelopeOf<'agreement.withdrawn'>, @Ctx() ctx: EventContext) {
    await this.decision(ctx, event, 'withdrawn', event.payload.withdrawnOn);
    await this.term(ctx, event, { ended: true });
  }

  @EventPattern('agreement.shortened')
  onShortened(@Payload() event: EnvelopeOf<'agreement.shortened'>, @Ctx() ctx: EventContext) {
    return this.term(ctx, event, { validUntil: event.payload.validUntil });
  }

  @EventPattern('agreement.expired')
  onExpired(@Payload() event: EnvelopeOf<'agreement.expired'>, @Ctx() ctx: EventContext) {
    return this.term(ctx, event, { ended: true });
  }

  private keepOrganisation(event: OrganisationEvent, ctx: EventContext) {
    const p = event.payload;
    return this.directory.upsertOrganisation(ctx.manager, {
      id: p.organisationId,
      type: p.type,
      name: p.name,
      regions: [...p.regions],
      version: event.aggregateVersion,
      updatedAt: new Date(event.occurredAt),
    });
  }

  private decision(
    ctx: EventContext,
    event: { id: string; payload: { agreementId: string; regions: string[] } },
    kind: Parameters<DirectoryRepository['recordDecision']>[1]['kind'],
    on: string,
  ) {
    const { agreementId, regions } = event.payload;
    return this.directory.recordDecision(ctx.manager, { eventId: event.id, agreementId, regions, kind, on });
  }

  private term(
    ctx: EventContext,
    event: { aggregateVersion: number; payload: { agreementId: string; regions: string[] } },
    change: { validUntil?: string; ended?: boolean },
  ) {
    const { agreementId, regions } = event.payload;
    return this.directory.keepTerm(ctx.manager, {
      agreementId,
      regions,
      ...change,
      version: event.aggregateVersion,
    });
  }
}
