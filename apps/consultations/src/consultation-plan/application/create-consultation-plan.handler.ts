import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { addDays } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { BodyRepository } from '../../body/infrastructure/body.repository';
import { type ConsultationPlan, planProblems } from '../domain/consultation-plan';
import {
  ConsultationPlanInvalidError,
  ConsultationPlanOverlapError,
} from '../domain/consultation-plan.errors';
import { ConsultationPlanRepository } from '../infrastructure/consultation-plan.repository';

export type CreateConsultationPlanCommand = Omit<ConsultationPlan, 'id' | 'version'>;

/**
 * The DIRECCTE of the region records which bodies are consulted on a CPOM from a date. Plans follow one
 * another: the plan in force before ends the day before the new one starts.
 */
@Injectable()
export class CreateConsultationPlanHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly plans: ConsultationPlanRepository,
    private readonly bodies: BodyRepository,
    private readonly recorder: ChangeRecorder,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateConsultationPlanCommand): Promise<ConsultationPlan> {
    this.scope.assertCanActInRegion(command.region);
    return this.dataSource.transaction(async (manager) => {
      const bodies = await this.bodies.findMany(
        command.entries.map((e) => e.bodyId),
        manager,
      );
      const problems = planProblems(command, bodies);
      if (problems.length > 0) throw new ConsultationPlanInvalidError(problems);
      const existing = await this.plans.forRegion(command.region, manager, true);
      const latest = existing[0];
      if (latest && latest.validFrom >= command.validFrom) throw new ConsultationPlanOverlapError(latest);
      const dayBefore = addDays(command.validFrom, -1);
      if (latest && (latest.validUntil === null || latest.validUntil > dayBefore)) {
        await this.plans.end(manager, latest.id, dayBefore);
      }
      const plan: ConsultationPlan = { id: uuidv7(), ...command, version: 1 };
      await this.plans.insert(manager, plan, this.clock.now());
      await this.recorder.record(
        manager,
        { type: 'consultation_plan', id: plan.id, version: plan.version, region: plan.region },
        {
          action: 'consultation_plan.create',
          versionBefore: null,
          summary: `Consultation plan of region ${plan.region} from ${plan.validFrom}: ${plan.entries.length} bodies`,
          auditPayload: { ...plan, endedPlanId: latest?.id ?? null },
        },
      );
      return plan;
    });
  }
}
