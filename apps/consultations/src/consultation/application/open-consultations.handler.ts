import { Inject, Injectable } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import type { PayloadOf } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { BodyRepository } from '../../body/infrastructure/body.repository';
import { planInForce } from '../../consultation-plan/domain/consultation-plan';
import { ConsultationPlanRepository } from '../../consultation-plan/infrastructure/consultation-plan.repository';
import type { ConsultationsConfig } from '../../consultations.config';
import { Consultation } from '../domain/consultation';
import { NoPlanInForceError } from '../domain/consultation.errors';
import { consultationEvents } from '../domain/consultation-events';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import { ConsultationChanges } from './consultation-changes';
import { ConsultationDeadlines } from './consultation-deadlines';
import { PendingConsultationsCloser } from './pending-consultations-closer';

/**
 * `contract.submitted`: one consultation per body of the plan in force on the submission date, for that
 * content version (L.4622-10: "conclu après avis du CRPRP dans sa formation restreinte et de l'agence
 * régionale de santé"), each with its answer deadline and reminders; the pending consultations of older
 * versions close (superseded). Idempotent: a version already opened, or older than one opened, changes nothing;
 * a version withdrawn then submitted again asks again the bodies whose consultation was closed (an opinion
 * already given on that same content stands).
 */
@Injectable()
export class OpenConsultationsHandler {
  private readonly answerDays: number;

  constructor(
    private readonly consultations: ConsultationRepository,
    private readonly plans: ConsultationPlanRepository,
    private readonly bodies: BodyRepository,
    private readonly changes: ConsultationChanges,
    private readonly deadlines: ConsultationDeadlines,
    private readonly closer: PendingConsultationsCloser,
    @Inject(PLATFORM_CONFIG) config: ConsultationsConfig,
  ) {
    this.answerDays = config.CONSULTATION_ANSWER_DAYS;
  }

  async execute(
    manager: EntityManager,
    submitted: PayloadOf<'contract.submitted'>,
  ): Promise<'opened' | 'skipped'> {
    const version = submitted.contentVersion;
    await this.consultations.lockContract(manager, submitted.contractId);
    const existing = await this.consultations.forContract(manager, submitted.contractId);
    // A newer version was submitted already: this fact is stale.
    if (existing.some((c) => c.state.contractVersion > version)) return 'skipped';
    // Bodies already asked on this version (pending or answered); those closed by a withdrawal are asked again.
    const asked = new Set(
      existing
        .filter((c) => c.state.contractVersion === version && c.state.status !== 'closed')
        .map((c) => c.state.bodyId),
    );
    const today = this.changes.today();
    await this.closer.close(manager, existing, (c) => c.state.contractVersion < version, 'superseded', today);

    const plan = await this.planFor(manager, submitted);
    const bodies = await this.bodies.findMany(
      plan.entries.map((e) => e.bodyId),
      manager,
    );
    const contract = {
      contractId: submitted.contractId,
      contractVersion: version,
      serviceId: submitted.serviceId,
      caisseId: submitted.caisseId,
      direccteId: submitted.direccteId,
      regions: [...submitted.regions],
    };
    const toAsk = plan.entries.filter((entry) => !asked.has(entry.bodyId));
    if (toAsk.length === 0) return 'skipped';
    for (const entry of toAsk) {
      const body = bodies.find((b) => b.id === entry.bodyId);
      if (!body) continue;
      const consultation = Consultation.open(
        uuidv7(),
        contract,
        { planId: plan.id, step: entry.step, body },
        today,
        this.answerDays,
      );
      if (!(await this.consultations.insert(manager, consultation, this.changes.now()))) continue;
      await this.deadlines.plan(manager, consultation, today);
      await this.changes.record(manager, consultation, {
        action: 'consultation.requested',
        versionBefore: null,
        summary: `${body.name} asked for its ${entry.step} on version ${version} of CPOM ${submitted.contractId}, due ${consultation.state.answerDueOn}`,
        event: consultationEvents.requested(consultation),
      });
    }
    return 'opened';
  }

  /** The plan in force on the submission date in the CPOM's region (the first of its regions that has one). */
  private async planFor(manager: EntityManager, submitted: PayloadOf<'contract.submitted'>) {
    for (const region of submitted.regions) {
      const plan = planInForce(await this.plans.forRegion(region, manager), submitted.submittedOn);
      if (plan) return plan;
    }
    throw new NoPlanInForceError(submitted.regions, submitted.submittedOn);
  }
}
