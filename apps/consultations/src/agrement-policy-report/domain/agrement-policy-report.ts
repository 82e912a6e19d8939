import type { CalendarDate } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';
import type { Body } from '../../body/domain/body.types';
import { within } from '../../body/domain/body.types';
import type { AgrementFigures } from '../../directory/domain/agrement-figures';
import { AgrementPolicyReportInvalidError, AlreadyPresentedError } from './agrement-policy-report.errors';

/** Seed 002 I.2: the restricted formation is "informés annuellement de la politique régionale menée par la DIRECCTE en matière d'agrément". */
export const YEARLY_INFORMATION_RULE =
  'seed 002 I.2: « informés annuellement de la politique régionale menée par la DIRECCTE en matière d’agrément »';
const PLATFORM_RULE = 'règle de la plateforme';

export interface AgrementPolicyReportState {
  id: string;
  region: string;
  year: number;
  dueOn: CalendarDate;
  status: 'due' | 'presented';
  presentedOn: CalendarDate | null;
  bodyId: string | null;
  /** The figures as presented (frozen then); null while due (they are read live). */
  figures: AgrementFigures | null;
  version: number;
}

/**
 * The yearly information of the college body on the DIRECCTE's agrément policy of a region (seed 002 I.2):
 * due by a date (with reminders to the DIRECCTE), then recorded as presented on a session, with the figures
 * shown frozen.
 */
export class AgrementPolicyReport {
  private constructor(public state: AgrementPolicyReportState) {}

  static restore(state: AgrementPolicyReportState): AgrementPolicyReport {
    return new AgrementPolicyReport(state);
  }

  /** The information on a year is due during that year or the next one. */
  static create(id: string, region: string, year: number, dueOn: CalendarDate): AgrementPolicyReport {
    const dueYear = Number(dueOn.slice(0, 4));
    if (dueYear < year || dueYear > year + 1) {
      throw new AgrementPolicyReportInvalidError([
        {
          field: 'dueOn',
          rule: `${PLATFORM_RULE} (${YEARLY_INFORMATION_RULE})`,
          message: `must fall in ${year} or ${year + 1}: the information on a year is given that year or the next`,
        },
      ]);
    }
    return new AgrementPolicyReport({
      id,
      region,
      year,
      dueOn,
      status: 'due',
      presentedOn: null,
      bodyId: null,
      figures: null,
      version: 1,
    });
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  /** Recorded as presented to a college body of the region, in existence that day; the figures are frozen. */
  present(body: Body | null, bodyId: string, presentedOn: CalendarDate, figures: AgrementFigures): void {
    if (this.state.status === 'presented') throw new AlreadyPresentedError(this.state.presentedOn);
    const problems: RuleProblem[] = [];
    if (!body) {
      problems.push({ field: 'bodyId', rule: 'exists', message: 'is not a recorded body' });
    } else if (
      body.kind === 'ARS' ||
      body.region !== this.state.region ||
      !within(presentedOn, body.validFrom, body.validUntil)
    ) {
      problems.push({
        field: 'bodyId',
        rule: YEARLY_INFORMATION_RULE,
        message: `must be a college body of region ${this.state.region} in existence on ${presentedOn}`,
      });
    }
    if (presentedOn < `${this.state.year}-01-01`) {
      problems.push({
        field: 'presentedOn',
        rule: PLATFORM_RULE,
        message: `must not be before ${this.state.year}`,
      });
    }
    if (problems.length > 0) throw new AgrementPolicyReportInvalidError(problems);
    this.state = {
      ...this.state,
      status: 'presented',
      presentedOn,
      bodyId,
      figures,
      version: this.state.version + 1,
    };
  }
}
