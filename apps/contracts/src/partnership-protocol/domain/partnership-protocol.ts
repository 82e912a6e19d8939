import { type CalendarDate, isAfter, isBefore } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';
import {
  PartnershipProtocolInvalidError,
  PartnershipProtocolStepConflictError,
} from './partnership-protocol.errors';
import type {
  PartnershipTheme,
  ProgressPoint,
  ProtocolParties,
  ProtocolState,
  ProtocolStatus,
} from './partnership-protocol.types';

/**
 * A partnership protocol between a Caisse and an inter-company service (seed 000, programmes 2 and 6), on
 * themes where the two networks complement each other: negotiation, then conclusion (with its period), then
 * progress points on its actions, until it ends. The DIRECCTE of the region is told at each step through the
 * events this aggregate's steps produce. Since 2012 it may be annexed to the service's CPOM.
 *
 * `version` is the aggregate's version (ETag, If-Match).
 */
export class PartnershipProtocol {
  private constructor(
    readonly id: string,
    private state: ProtocolState,
    private aggregateVersion: number,
  ) {}

  /** The Caisse and the service open the negotiation, on one or more themes. */
  static open(
    id: string,
    parties: ProtocolParties,
    opening: { title: string; themes: PartnershipTheme[]; openedOn: CalendarDate },
    today: CalendarDate,
  ): PartnershipProtocol {
    throwIfAny([...notInFuture('openedOn', opening.openedOn, today), ...themeProblems(opening.themes)]);
    return new PartnershipProtocol(
      id,
      {
        ...parties,
        regions: [...parties.regions],
        title: opening.title,
        themes: [...opening.themes],
        status: 'NEGOTIATION',
        openedOn: opening.openedOn,
        concludedOn: null,
        startsOn: null,
        endsOn: null,
        endedOn: null,
        endReason: null,
        progressPoints: [],
      },
      1,
    );
  }

  static restore(id: string, state: ProtocolState, version: number): PartnershipProtocol {
    return new PartnershipProtocol(id, state, version);
  }

  /**
   * The negotiation ends in a protocol: concluded on a day since it opened, applying from then on, until its
   * term if it has one (after it starts).
   */
  conclude(
    step: { concludedOn: CalendarDate; startsOn: CalendarDate; endsOn: CalendarDate | null },
    today: CalendarDate,
  ): void {
    this.refuseIfEnded();
    if (this.state.status !== 'NEGOTIATION')
      throw PartnershipProtocolStepConflictError.notInNegotiation(this.state.status);
    const problems = [
      ...notInFuture('concludedOn', step.concludedOn, today),
      ...notBefore('concludedOn', step.concludedOn, this.state.openedOn, 'the opening of the negotiation'),
      ...notBefore('startsOn', step.startsOn, step.concludedOn, 'its conclusion'),
    ];
    if (step.endsOn !== null && !isAfter(step.endsOn, step.startsOn)) {
      problems.push({
        field: 'endsOn',
        rule: 'after-start (règle de la plateforme)',
        message: `is not after the protocol starts (${step.startsOn})`,
      });
    }
    throwIfAny(problems);
    this.change({
      status: 'CONCLUDED',
      concludedOn: step.concludedOn,
      startsOn: step.startsOn,
      endsOn: step.endsOn,
    });
  }

  /** A progress point on the actions of a concluded protocol, from its start, numbered in order. */
  recordProgress(step: { recordedOn: CalendarDate; summary: string }, today: CalendarDate): ProgressPoint {
    this.refuseIfEnded();
    if (this.state.status !== 'CONCLUDED')
      throw PartnershipProtocolStepConflictError.notConcluded(this.state.status);
    throwIfAny([
      ...notInFuture('recordedOn', step.recordedOn, today),
      ...notBefore('recordedOn', step.recordedOn, known(this.state.startsOn), 'the start of the protocol'),
    ]);
    const point = { number: this.state.progressPoints.length + 1, ...step };
    this.change({ progressPoints: [...this.state.progressPoints, point] });
    return point;
  }

  /** The protocol ends (its term, or the parties' decision), or a negotiation is abandoned. */
  end(step: { endedOn: CalendarDate; reason: string }, today: CalendarDate): void {
    this.refuseIfEnded();
    const since =
      this.state.status === 'CONCLUDED'
        ? { date: known(this.state.concludedOn), what: 'its conclusion' }
        : { date: this.state.openedOn, what: 'the opening of the negotiation' };
    throwIfAny([
      ...notInFuture('endedOn', step.endedOn, today),
      ...notBefore('endedOn', step.endedOn, since.date, since.what),
    ]);
    this.change({ status: 'ENDED', endedOn: step.endedOn, endReason: step.reason });
  }

  get version(): number {
    return this.aggregateVersion;
  }

  get status(): ProtocolStatus {
    return this.state.status;
  }

  /** A copy of what the protocol holds. */
  snapshot(): ProtocolState {
    return {
      ...this.state,
      regions: [...this.state.regions],
      themes: [...this.state.themes],
      progressPoints: this.state.progressPoints.map((point) => ({ ...point })),
    };
  }

  private change(changes: Partial<ProtocolState>): void {
    this.state = { ...this.state, ...changes };
    this.aggregateVersion += 1;
  }

  private refuseIfEnded(): void {
    if (this.state.status === 'ENDED') throw PartnershipProtocolStepConflictError.ended();
  }
}

function themeProblems(themes: readonly PartnershipTheme[]): RuleProblem[] {
  return themes.flatMap((theme, index) =>
    themes.indexOf(theme) === index
      ? []
      : [
          {
            field: `themes[${index}]`,
            rule: 'named-once (règle de la plateforme)',
            message: `"${theme}" is already named`,
          },
        ],
  );
}

function notInFuture(field: string, date: CalendarDate, today: CalendarDate): RuleProblem[] {
  return isAfter(date, today)
    ? [
        {
          field,
          rule: 'not-in-future (règle de la plateforme)',
          message: `is after today (${today}): record a step once taken`,
        },
      ]
    : [];
}

function notBefore(field: string, date: CalendarDate, limit: CalendarDate, what: string): RuleProblem[] {
  return isBefore(date, limit)
    ? [
        {
          field,
          rule: 'chronological-order (règle de la plateforme)',
          message: `is before ${what} (${limit})`,
        },
      ]
    : [];
}

function known<T>(value: T | null): T {
  if (value === null) throw new Error('a concluded protocol has its dates');
  return value;
}

function throwIfAny(problems: RuleProblem[]): void {
  if (problems.length > 0) throw new PartnershipProtocolInvalidError(problems);
}
