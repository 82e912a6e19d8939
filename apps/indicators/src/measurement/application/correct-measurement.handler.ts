import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches } from '@tripartite/http';
import { MeasurementNotFoundError } from '../domain/measurement.errors';
import { checkMeasurement } from '../domain/measurement.rule';
import {
  MeasurementRepository,
  type MeasurementRow,
  reportedValueOf,
} from '../infrastructure/measurement.repository';
import { ReportingFrame } from './reporting-frame';

export interface CorrectMeasurementCommand {
  value: number | string;
  comment?: string | null;
}

/** Corrects the value of a period: the value changes, the correction (who, when, before/after) is kept. */
@Injectable()
export class CorrectMeasurementHandler {
  constructor(
    private readonly frame: ReportingFrame,
    private readonly repository: MeasurementRepository,
    private readonly clock: Clock,
  ) {}

  execute(
    contractId: string,
    indicatorId: string,
    period: string,
    expectedVersion: number,
    command: CorrectMeasurementCommand,
  ): Promise<MeasurementRow> {
    return this.frame.report(contractId, indicatorId, async ({ manager, cpom, indicator, actor }) => {
      const before = await this.repository.findMeasurement(contractId, indicatorId, period, manager);
      if (!before) throw new MeasurementNotFoundError(period);
      assertVersionMatches(expectedVersion, before.version);
      const checked = checkMeasurement(
        indicator,
        { start: cpom.periodStart, end: cpom.periodEnd },
        { period, value: command.value },
      );
      const after: MeasurementRow = {
        ...before,
        numericValue: checked.numericValue,
        textValue: checked.textValue,
        comment: command.comment === undefined ? before.comment : command.comment,
        reportedBy: actor.subject,
        reportedAt: this.clock.now(),
        version: before.version + 1,
      };
      await this.repository.correct(manager, contractId, before, after);
      return {
        result: { ...after, reportedBy: before.reportedBy, reportedAt: before.reportedAt },
        version: after.version,
        versionBefore: before.version,
        action: 'indicator_measurement.corrected',
        summary: `Value corrected for ${indicator.name}, ${period}`,
        auditPayload: { period, before: reportedValueOf(before), after: reportedValueOf(after) },
      };
    });
  }
}
