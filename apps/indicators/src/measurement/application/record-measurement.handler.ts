import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { MeasurementAlreadyReportedError } from '../domain/measurement.errors';
import { checkMeasurement } from '../domain/measurement.rule';
import { MeasurementRepository, type MeasurementRow } from '../infrastructure/measurement.repository';
import { ReportingFrame } from './reporting-frame';

export interface RecordMeasurementCommand {
  period: string;
  value: number | string;
  comment?: string | null;
}

/** Reports the value of one indicator of a signed CPOM for one period (seed 002 II.4). */
@Injectable()
export class RecordMeasurementHandler {
  constructor(
    private readonly frame: ReportingFrame,
    private readonly repository: MeasurementRepository,
    private readonly clock: Clock,
  ) {}

  execute(
    contractId: string,
    indicatorId: string,
    command: RecordMeasurementCommand,
  ): Promise<MeasurementRow> {
    return this.frame.report(contractId, indicatorId, async ({ manager, cpom, indicator, actor }) => {
      const checked = checkMeasurement(
        indicator,
        { start: cpom.periodStart, end: cpom.periodEnd },
        { period: command.period, value: command.value },
      );
      const row: MeasurementRow = {
        indicatorId,
        period: checked.period.label,
        numericValue: checked.numericValue,
        textValue: checked.textValue,
        comment: command.comment ?? null,
        reportedBy: actor.subject,
        reportingOrganisation: actor.organisationId,
        reportedAt: this.clock.now(),
        version: 1,
      };
      if (!(await this.repository.insert(manager, contractId, row))) {
        throw new MeasurementAlreadyReportedError(row.period);
      }
      return {
        result: row,
        version: 1,
        versionBefore: null,
        action: 'indicator_measurement.reported',
        summary: `Value reported for ${indicator.name}, ${row.period}`,
        auditPayload: { period: row.period, value: row.numericValue ?? row.textValue, comment: row.comment },
      };
    });
  }
}
