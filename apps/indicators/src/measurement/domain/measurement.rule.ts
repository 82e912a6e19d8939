import type { CalendarDate } from '@tripartite/calendar';
import type { IndicatorDefinition } from './indicator-status.rule';
import { MeasurementInvalidError, PLATFORM_RULE } from './measurement.errors';
import { type Frequency, parseReportingPeriod, type ReportingPeriod } from './reporting-period';

export interface ReportedIndicator extends IndicatorDefinition {
  frequency: Frequency;
}

export interface MeasurementInput {
  period: string;
  value: number | string;
}

/**
 * The rules of a reported value (seed 002 II.4: indicators "qualitatifs et quantitatifs", examined at least
 * yearly): the period is a year, or a half-year for a half-yearly indicator, and lies within the CPOM's period;
 * a quantitative indicator takes a number (in its unit), a qualitative one a text.
 */
export function checkMeasurement(
  indicator: ReportedIndicator,
  cpomPeriod: { start: CalendarDate; end: CalendarDate },
  input: MeasurementInput,
): { period: ReportingPeriod; numericValue: number | null; textValue: string | null } {
  const period = parseReportingPeriod(input.period);
  if (!period) {
    throw new MeasurementInvalidError(
      'INDICATOR.PERIOD_INVALID',
      'period',
      PLATFORM_RULE,
      'must be a year (2027) or a half-year (2027-H1, 2027-H2)',
    );
  }
  if (period.frequency !== indicator.frequency) {
    throw new MeasurementInvalidError(
      'INDICATOR.PERIOD_FREQUENCY',
      'period',
      `seed 002 II.4: the indicator is reported ${indicator.frequency === 'yearly' ? 'yearly' : 'half-yearly'}`,
      indicator.frequency === 'yearly'
        ? 'must be a year (2027): this indicator is yearly'
        : 'must be a half-year (2027-H1): this indicator is half-yearly',
    );
  }
  if (period.end < cpomPeriod.start || period.start > cpomPeriod.end) {
    throw new MeasurementInvalidError(
      'INDICATOR.PERIOD_OUTSIDE_CPOM',
      'period',
      'D.4622-47: the CPOM runs from its start to its end (at most five years)',
      `must lie within the CPOM's period (${cpomPeriod.start} to ${cpomPeriod.end})`,
    );
  }
  if (indicator.kind === 'quantitative') {
    if (typeof input.value !== 'number') {
      throw new MeasurementInvalidError(
        'INDICATOR.VALUE_KIND',
        'value',
        'seed 002 II.4: a quantitative indicator is reported as a number',
        'must be a number: the indicator is quantitative',
      );
    }
    return { period, numericValue: input.value, textValue: null };
  }
  if (typeof input.value !== 'string') {
    throw new MeasurementInvalidError(
      'INDICATOR.VALUE_KIND',
      'value',
      'seed 002 II.4: a qualitative indicator is reported as a text',
      'must be a text: the indicator is qualitative',
    );
  }
  return { period, numericValue: null, textValue: input.value };
}
