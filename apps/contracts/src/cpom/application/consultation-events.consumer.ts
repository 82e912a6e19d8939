import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { Clock } from '@tripartite/clock';
import { type EnvelopeOf, EventContext, EventPattern } from '@tripartite/messaging';
import type { Cpom } from '../domain/cpom';
import { cpomEvents } from '../domain/cpom-events';
import { CpomRepository } from '../infrastructure/cpom.repository';
import { assertIntact, type CpomChange, CpomChanges } from './cpom-changes';

/**
 * "Conclu après avis du CRPRP dans sa formation restreinte et de l'agence régionale de santé" (L.4622-10,
 * D.4622-44): the opinions come from the consultations service's events, kept with the version they bear
 * on; when all are in on the submitted version the CPOM is READY_TO_SIGN. Each write is idempotent: an
 * opinion already known, or a completion for a version no longer submitted, changes nothing.
 */
@Controller()
export class ConsultationEventsConsumer {
  constructor(
    private readonly cpoms: CpomRepository,
    private readonly changes: CpomChanges,
    private readonly clock: Clock,
  ) {}

  @EventPattern('consultation.opinion_delivered')
  async onOpinion(
    @Payload() event: EnvelopeOf<'consultation.opinion_delivered'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const p = event.payload;
    await this.apply(ctx, p.contractId, (cpom) =>
      cpom.recordOpinion({
        consultationId: p.consultationId,
        contentVersion: p.contractVersion,
        bodyKind: p.bodyKind,
        bodyName: p.bodyName,
        outcome: p.outcome,
        deliveredOn: p.deliveredOn,
        text: p.text,
      })
        ? {
            action: 'cpom.opinion_recorded',
            summary: `${p.bodyName}: ${p.outcome} opinion on version ${p.contractVersion}`,
          }
        : null,
    );
  }

  @EventPattern('consultation.completed')
  async onCompleted(
    @Payload() event: EnvelopeOf<'consultation.completed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const p = event.payload;
    const opinions = p.opinions.map((opinion) => ({ ...opinion, contentVersion: p.contractVersion }));
    await this.apply(ctx, p.contractId, (cpom) =>
      cpom.completeConsultation(p.contractVersion, opinions, p.completedOn)
        ? {
            action: 'contract.ready_to_sign',
            summary: `every opinion is in on version ${p.contractVersion}: ready to sign`,
            event: cpomEvents.readyToSign(cpom),
          }
        : null,
    );
  }

  @EventPattern('consultation.closed')
  async onClosed(
    @Payload() event: EnvelopeOf<'consultation.closed'>,
    @Ctx() ctx: EventContext,
  ): Promise<void> {
    const p = event.payload;
    await this.apply(ctx, p.contractId, (cpom) =>
      cpom.recordClosedConsultation({
        consultationId: p.consultationId,
        contentVersion: p.contractVersion,
        bodyName: p.bodyName,
        closedOn: p.closedOn,
        reason: p.reason,
      })
        ? { action: 'cpom.consultation_closed', summary: `${p.bodyName}: consultation closed (${p.reason})` }
        : null,
    );
  }

  /** Loads and locks the CPOM, applies the step; saves only when it changed something. */
  private async apply(
    ctx: EventContext,
    contractId: string,
    step: (cpom: Cpom) => CpomChange | null,
  ): Promise<void> {
    const cpom = await this.cpoms.findById(contractId, ctx.manager, true);
    // Not a CPOM of this service (a stray event): nothing to do, nothing to retry.
    if (!cpom) return;
    assertIntact(cpom);
    const versionBefore = cpom.version;
    const change = step(cpom);
    if (change) await this.changes.save(ctx.manager, cpom, versionBefore, change, this.clock.now());
  }
}
