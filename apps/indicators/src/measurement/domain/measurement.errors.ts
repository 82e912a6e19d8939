import { DomainError } from '@tripartite/errors';

/** The platform's own rules (no article says how indicators are reported). */
export const PLATFORM_RULE = 'règle de la plateforme';

export class CpomNotFoundError extends DomainError {
  constructor(contractId: string) {
    super('INDICATOR.CPOM_NOT_FOUND', `No CPOM ${contractId} is known to the indicators service`);
  }
}

/** Values are reported on a signed CPOM only: its indicators exist from its signature (seed 002 II.4). */
export class CpomNotSignedError extends DomainError {
  constructor(contractId: string, status: string) {
    super(
      'INDICATOR.CPOM_NOT_SIGNED',
      `CPOM ${contractId} is ${status}: values are reported once it is signed`,
      {
        rule: `seed 002 II.4: the indicators are those of the signed CPOM (${PLATFORM_RULE})`,
        context: { status },
      },
    );
  }
}

export class IndicatorNotFoundError extends DomainError {
  constructor(indicatorId: string) {
    super('INDICATOR.NOT_FOUND', `The CPOM has no indicator ${indicatorId} in its signed version`, {
      field: 'indicatorId',
      rule: 'seed 002 II.4: the indicators are those the CPOM defines for each action',
    });
  }
}

export class MeasurementNotFoundError extends DomainError {
  constructor(period: string) {
    super('INDICATOR.MEASUREMENT_NOT_FOUND', `No value is reported for period ${period}`);
  }
}

/** One value per indicator and period: a second one is a correction (PUT), which keeps the history. */
export class MeasurementAlreadyReportedError extends DomainError {
  constructor(period: string) {
    super(
      'INDICATOR.ALREADY_REPORTED',
      `A value is already reported for period ${period}: correct it instead`,
      {
        field: 'period',
        rule: `one value per indicator and period; a correction keeps the history (${PLATFORM_RULE})`,
      },
    );
  }
}

/** A well-formed request breaking a reporting rule (period, kind of value). */
export class MeasurementInvalidError extends DomainError {
  constructor(code: string, field: string, rule: string, message: string) {
    super(code, `${field} ${message}`, { field, rule, errors: [{ field, rule, message }] });
  }
}
