import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@tripartite/events';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import type { EntityManager } from 'typeorm';
import { NEXT_GENERATION } from '../domain/contribution-steps';
import { type AgreementFacts, DirectoryProjection } from '../infrastructure/directory-projection';
import { SteeringCounters } from '../infrastructure/steering-counters';

type AgreementSubject = {
  agreementId: string;
  serviceId: string;
  serviceName: string;
  regions: string[];
  serviceType?: 'SSTI' | 'SSTA';
  caisseId?: string | null;
};

/**
 * Services (directory), agréments, service projects and partnership protocols as the agreements and contracts
 * services publish them: the per-entity rows the date-bound steering figures are summed from (seed 002 I.2,
 * seed 000), written in the inbox transaction.
 */
@Controller()
export class DirectoryEventsConsumer {
  constructor(
    private readonly rows: DirectoryProjection,
    private readonly counters: SteeringCounters,
  ) {}

  @EventPattern('organisation.registered')
  async onRegistered(
    @Payload() event: EnvelopeOf<'organisation.registered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.organisation(ctx.manager, event, event.payload);
  }

  @EventPattern('organisation.updated')
  async onUpdated(
    @Payload() event: EnvelopeOf<'organisation.updated'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.organisation(ctx.manager, event, event.payload);
  }

  @EventPattern('agreement.requested')
  async onRequested(
    @Payload() event: EnvelopeOf<'agreement.requested'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.agreement(ctx.manager, event, event.payload, { status: 'requested' }, null);
  }

  @EventPattern('agreement.granted')
  async onGranted(
    @Payload() event: EnvelopeOf<'agreement.granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validFrom, validUntil, conditional, employeesFollowed } = event.payload;
    const facts = { status: 'granted', validFrom, validUntil, conditional } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, employeesFollowed);
  }

  @EventPattern('agreement.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'agreement.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validFrom, validUntil, conditional, employeesFollowed, status } = event.payload;
    const facts = { status, validFrom, validUntil, conditional } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, employeesFollowed);
  }

  @EventPattern('agreement.implicitly_granted')
  async onImplicitlyGranted(
    @Payload() event: EnvelopeOf<'agreement.implicitly_granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validFrom, validUntil, employeesFollowed } = event.payload;
    const facts = { status: 'granted', validFrom, validUntil, conditional: false } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, employeesFollowed);
  }

  @EventPattern('agreement.refused')
  async onRefused(
    @Payload() event: EnvelopeOf<'agreement.refused'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.agreement(ctx.manager, event, event.payload, { status: 'refused' }, null);
  }

  @EventPattern('agreement.shortened')
  async onShortened(
    @Payload() event: EnvelopeOf<'agreement.shortened'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const facts = { status: 'granted', validUntil: event.payload.validUntil } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, null);
  }

  @EventPattern('agreement.withdrawn')
  async onWithdrawn(
    @Payload() event: EnvelopeOf<'agreement.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const facts = {
      status: 'withdrawn',
      validUntil: this.rows.withdrawnUntil(event.payload.withdrawnOn),
    } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, null);
  }

  @EventPattern('agreement.expired')
  async onExpired(
    @Payload() event: EnvelopeOf<'agreement.expired'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const facts = { status: 'expired', validUntil: event.payload.validUntil } as const;
    await this.agreement(ctx.manager, event, event.payload, facts, null);
  }

  @EventPattern('service_project.approved')
  async onProjectApproved(
    @Payload() event: EnvelopeOf<'service_project.approved'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { projectId, serviceId, regions, periodEnd, approvedOn } = event.payload;
    await this.rows.applyServiceProject(ctx.manager, event, {
      projectId,
      serviceId,
      regions,
      periodEnd,
      approvedOn,
    });
    await this.moved(ctx.manager, regions.slice(0, 1));
  }

  @EventPattern('service_project.withdrawn')
  async onProjectWithdrawn(
    @Payload() event: EnvelopeOf<'service_project.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { projectId, serviceId, regions, periodEnd, projectWithdrawn } = event.payload;
    if (!projectWithdrawn) return;
    await this.rows.applyServiceProject(ctx.manager, event, {
      projectId,
      serviceId,
      regions,
      periodEnd,
      withdrawn: true,
    });
    await this.moved(ctx.manager, regions.slice(0, 1));
  }

  @EventPattern('partnership_protocol.concluded')
  async onProtocolConcluded(
    @Payload() event: EnvelopeOf<'partnership_protocol.concluded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { protocolId, serviceId, caisseId, regions, concludedOn, startsOn, endsOn } = event.payload;
    await this.rows.applyProtocol(ctx.manager, event, {
      protocolId,
      serviceId,
      caisseId,
      regions,
      concludedOn,
      startsOn,
      endsOn,
    });
    await this.moved(ctx.manager, regions.slice(0, 1));
  }

  @EventPattern('partnership_protocol.ended')
  async onProtocolEnded(
    @Payload() event: EnvelopeOf<'partnership_protocol.ended'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { protocolId, serviceId, caisseId, regions, endedOn } = event.payload;
    await this.rows.applyProtocol(ctx.manager, event, { protocolId, serviceId, caisseId, regions, endedOn });
    await this.moved(ctx.manager, regions.slice(0, 1));
  }

  private async organisation(
    manager: EntityManager,
    event: EventEnvelope,
    organisation: EnvelopeOf<'organisation.registered'>['payload'],
  ): Promise<void> {
    // Only occupational health services count in the steering figures.
    if (organisation.type !== 'SSTI' && organisation.type !== 'SSTA') return;
    const before = await this.rows.regionOf(manager, organisation.organisationId);
    await this.rows.applyDirectory(manager, event, {
      serviceId: organisation.organisationId,
      type: organisation.type,
      name: organisation.name,
      regions: organisation.regions,
      caisseId: organisation.service?.caisseId ?? null,
      employeesFollowed: organisation.service?.employeesFollowed ?? 0,
    });
    await this.moved(manager, [
      ...new Set([...organisation.regions.slice(0, 1), ...(before ? [before] : [])]),
    ]);
  }

  private async agreement(
    manager: EntityManager,
    event: EventEnvelope,
    subject: AgreementSubject,
    facts: Omit<AgreementFacts, 'agreementId' | 'serviceId' | 'regions'>,
    employeesFollowed: number | null,
  ): Promise<void> {
    await this.rows.noteService(manager, {
      serviceId: subject.serviceId,
      type: subject.serviceType ?? null,
      name: subject.serviceName,
      regions: subject.regions,
      caisseId: subject.caisseId ?? null,
      employeesFollowed,
    });
    await this.rows.applyAgreement(manager, event, {
      agreementId: subject.agreementId,
      serviceId: subject.serviceId,
      regions: subject.regions,
      ...facts,
    });
    await this.moved(manager, subject.regions.slice(0, 1));
  }

  /** The dated rows of these regions changed: their dashboards sum them again. */
  private async moved(manager: EntityManager, regions: readonly string[]): Promise<void> {
    for (const region of regions) await this.counters.add(manager, region, [NEXT_GENERATION]);
  }
}
