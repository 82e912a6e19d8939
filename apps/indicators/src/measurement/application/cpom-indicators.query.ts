import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { progressOf } from '../domain/indicator-status.rule';
import { CpomNotFoundError } from '../domain/measurement.errors';
import {
  type IndicatorRow,
  MeasurementRepository,
  type MeasurementRow,
} from '../infrastructure/measurement.repository';
import { partiesOf } from './reporting-frame';

export interface IndicatorView extends IndicatorRow {
  /** Progress of the latest value from the baseline toward the target (1 = reached); null when not measurable. */
  progress: number | null;
  values: MeasurementRow[];
}

export interface CpomIndicatorsView {
  contractId: string;
  status: string;
  region: string;
  periodStart: string | null;
  periodEnd: string | null;
  contentVersion: number;
  indicators: IndicatorView[];
}

/** A CPOM's indicators with their values by period, progress and status: for its three parties and national roles. */
@Injectable()
export class CpomIndicatorsQuery {
  constructor(
    private readonly repository: MeasurementRepository,
    private readonly scope: ScopeEnforcer,
  ) {}

  async execute(contractId: string): Promise<CpomIndicatorsView> {
    const cpom = await this.repository.findCpom(contractId);
    if (!cpom) throw new CpomNotFoundError(contractId);
    this.scope.assertCanRead(partiesOf(cpom));
    const [indicators, measurements] = await Promise.all([
      this.repository.indicators(contractId),
      this.repository.measurements(contractId),
    ]);
    return {
      contractId,
      status: cpom.status,
      region: cpom.region,
      periodStart: cpom.periodStart,
      periodEnd: cpom.periodEnd,
      contentVersion: cpom.contentVersion,
      indicators: indicators.map((indicator) => {
        const values = measurements.filter((value) => value.indicatorId === indicator.indicatorId);
        const latest = values.at(-1);
        return { ...indicator, progress: progressOf(indicator, latest?.numericValue ?? null), values };
      }),
    };
  }
}
