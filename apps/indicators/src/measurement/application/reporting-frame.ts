import { Injectable } from '@nestjs/common';
import { AccessScope, ScopeEnforcer } from '@tripartite/auth';
import { type Actor, currentContext } from '@tripartite/context';
import { DomainError } from '@tripartite/errors';
import { ChangeRecorder } from '@tripartite/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { CpomFigures } from '../../projection/application/cpom-figures';
import { CpomNotFoundError, CpomNotSignedError, IndicatorNotFoundError } from '../domain/measurement.errors';
import {
  type CpomRow,
  type IndicatorRow,
  MeasurementRepository,
} from '../infrastructure/measurement.repository';

/** CPOM states in which values are reported: signed (amended or not), and expired for its last periods. */
const REPORTABLE = ['signed', 'expired'];

export interface ReportingContext {
  manager: EntityManager;
  cpom: CpomRow & { periodStart: string; periodEnd: string };
  indicator: IndicatorRow;
  actor: Actor;
}

/**
 * The frame of every reporting command: in one transaction, load the CPOM (shared lock) and the indicator,
 * check the reporter speaks for the CPOM's service (the SSTi reports its indicators, ADR 0019; an admin may
 * too), run the step, refresh the indicator's status and the region's counters, and audit the change.
 */
@Injectable()
export class ReportingFrame {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: MeasurementRepository,
    private readonly figures: CpomFigures,
    private readonly recorder: ChangeRecorder,
    private readonly scope: ScopeEnforcer,
  ) {}

  async report<T>(
    contractId: string,
    indicatorId: string,
    step: (context: ReportingContext) => Promise<{
      result: T;
      version: number;
      versionBefore: number | null;
      summary: string;
      action: string;
      auditPayload: Record<string, unknown>;
    }>,
  ): Promise<T> {
    const actor = currentContext()?.actor;
    if (!actor) throw new DomainError('AUTH.UNAUTHENTICATED', 'no authenticated actor in this request');
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.repository.findCpom(contractId, manager);
      if (!cpom) throw new CpomNotFoundError(contractId);
      this.scope.assertCanRead(partiesOf(cpom), actor);
      if (!AccessScope.canActForOrganisation(actor, cpom.serviceId)) {
        throw new DomainError(
          'INDICATOR.FORBIDDEN_REPORTER',
          'Only the CPOM’s service reports the values of its indicators',
          {
            rule: 'seed 002 II.4: the service reports; its Caisse and DIRECCTE read (règle de la plateforme)',
          },
        );
      }
      if (!REPORTABLE.includes(cpom.status) || !cpom.periodStart || !cpom.periodEnd) {
        throw new CpomNotSignedError(contractId, cpom.status);
      }
      const [indicator] = await this.repository.indicators(contractId, manager, indicatorId);
      if (!indicator) throw new IndicatorNotFoundError(indicatorId);
      const outcome = await step({
        manager,
        cpom: { ...cpom, periodStart: cpom.periodStart, periodEnd: cpom.periodEnd },
        indicator,
        actor,
      });
      await this.figures.refreshIndicators(manager, contractId, [indicatorId]);
      await this.figures.recount(manager, contractId);
      await this.recorder.record(
        manager,
        {
          type: 'indicator_measurement',
          id: `${contractId}/${indicatorId}`,
          version: outcome.version,
          region: cpom.region,
        },
        {
          action: outcome.action,
          versionBefore: outcome.versionBefore,
          summary: outcome.summary,
          auditPayload: outcome.auditPayload,
        },
      );
      return outcome.result;
    });
  }
}

/** The three parties of a CPOM (L.4622-10): who reads its indicators, besides national roles. */
export function partiesOf(cpom: CpomRow): { regions: string[]; organisationIds: string[] } {
  return { regions: [], organisationIds: [cpom.serviceId, cpom.caisseId, cpom.direccteId] };
}
