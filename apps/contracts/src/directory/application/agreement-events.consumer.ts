import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { addDays } from '@tripartite/calendar';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import { AgreementLapses } from './agreement-lapses';
import { ProjectAgreementHandler } from './project-agreement.handler';

/**
 * "Aucun CPOM ne peut être conclu si le service ... n'est pas préalablement agréé" (seed 002 I.1): the
 * contracts service learns each service's agréments from the agreements service's events.
 */
@Controller()
export class AgreementEventsConsumer {
  constructor(
    private readonly project: ProjectAgreementHandler,
    private readonly lapses: AgreementLapses,
  ) {}

  @EventPattern('agreement.granted')
  async onGranted(
    @Payload() event: EnvelopeOf<'agreement.granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validFrom, validUntil } = event.payload;
    await this.project.apply(ctx.manager, event, { kind: 'granted', validFrom, validUntil });
  }

  @EventPattern('agreement.implicitly_granted')
  async onImplicitlyGranted(
    @Payload() event: EnvelopeOf<'agreement.implicitly_granted'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validFrom, validUntil } = event.payload;
    await this.project.apply(ctx.manager, event, { kind: 'granted', validFrom, validUntil });
  }

  @EventPattern('agreement.recorded')
  async onRecorded(
    @Payload() event: EnvelopeOf<'agreement.recorded'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { status, validFrom, validUntil } = event.payload;
    await this.project.apply(ctx.manager, event, { kind: 'recorded', status, validFrom, validUntil });
  }

  @EventPattern('agreement.shortened')
  async onShortened(
    @Payload() event: EnvelopeOf<'agreement.shortened'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    await this.project.apply(ctx.manager, event, { kind: 'shortened', validUntil: event.payload.validUntil });
  }

  @EventPattern('agreement.withdrawn')
  async onWithdrawn(
    @Payload() event: EnvelopeOf<'agreement.withdrawn'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { before } = await this.project.apply(ctx.manager, event, {
      kind: 'withdrawn',
      withdrawnOn: event.payload.withdrawnOn,
    });
    if (before?.status === 'withdrawn' || before?.status === 'refused') return;
    await this.lapses.notify(ctx.manager, {
      serviceId: event.payload.serviceId,
      agreementId: event.payload.agreementId,
      reason: 'withdrawn',
      lapsedOn: event.payload.withdrawnOn,
    });
  }

  @EventPattern('agreement.refused')
  async onRefused(
    @Payload() event: EnvelopeOf<'agreement.refused'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    // Only a renewal's refusal carries the DIRECCTE's examination of the previous CPOM (seed 002 I.1).
    const atRenewal = event.payload.renewalExamination != null;
    const { before } = await this.project.apply(ctx.manager, event, { kind: 'refused', atRenewal });
    if (!atRenewal || before?.status === 'refused') return;
    await this.lapses.notify(ctx.manager, {
      serviceId: event.payload.serviceId,
      agreementId: event.payload.agreementId,
      reason: 'refused_at_renewal',
      lapsedOn: event.payload.decidedOn,
    });
  }

  @EventPattern('agreement.expired')
  async onExpired(
    @Payload() event: EnvelopeOf<'agreement.expired'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const { validUntil, renewedBy } = event.payload;
    const { before } = await this.project.apply(ctx.manager, event, {
      kind: 'expired',
      validUntil,
      renewedBy,
    });
    // Expired after a withdrawal, or renewed: no new lapse.
    if (renewedBy !== null || (before !== null && before.status !== 'granted')) return;
    await this.lapses.notify(ctx.manager, {
      serviceId: event.payload.serviceId,
      agreementId: event.payload.agreementId,
      reason: 'expired',
      lapsedOn: addDays(validUntil, 1),
    });
  }
}
