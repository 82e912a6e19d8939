import { addDays, type CalendarDate } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';
import type { Body, Member } from '../../body/domain/body.types';
import { type Recusal, sittingMembersOn } from '../../body/domain/recusal.rule';
import type { PlanStep } from '../../consultation-plan/domain/consultation-plan';
import {
  ConsultationInvalidError,
  ConsultationNotPendingError,
  NoSessionForArsError,
  RecusedMemberSatError,
  SessionRequiredError,
} from './consultation.errors';
import type {
  CloseReason,
  ConsultationState,
  ConsultedContract,
  Opinion,
  OpinionOutcome,
  Votes,
} from './consultation.types';

const PLATFORM_RULE = 'règle de la plateforme';

export interface OpinionInput {
  outcome: OpinionOutcome;
  deliveredOn: CalendarDate;
  text: string;
  /** The members present, as the secretariat lists them. */
  sat: string[];
  votes: Votes | null;
  /** A written justification to let recused members who sat stand (audited). */
  recusalOverride?: { justification: string } | undefined;
}

/**
 * One body's consultation on one CPOM version (L.4622-10, D.4622-44): requested with an answer deadline, a
 * session for a college body (listing the recused), one opinion, or closed without one when the version is
 * replaced or withdrawn.
 */
export class Consultation {
  private constructor(public state: ConsultationState) {}

  static restore(state: ConsultationState): Consultation {
    return new Consultation(state);
  }

  static open(
    id: string,
    contract: ConsultedContract,
    entry: { planId: string; step: PlanStep; body: Body },
    requestedOn: CalendarDate,
    answerDays: number,
  ): Consultation {
    return new Consultation({
      id,
      ...contract,
      planId: entry.planId,
      step: entry.step,
      bodyId: entry.body.id,
      bodyKind: entry.body.kind,
      bodyName: entry.body.name,
      consultedOrganisationId: entry.body.organisationId,
      status: 'pending',
      requestedOn,
      answerDueOn: addDays(requestedOn, answerDays),
      session: null,
      opinion: null,
      closedOn: null,
      closeReason: null,
      version: 1,
    });
  }

  get id(): string {
    return this.state.id;
  }

  get version(): number {
    return this.state.version;
  }

  /** A college body (restricted formation, GPRO, CRPST, CROCT) sits in session; the ARS answers by itself. */
  get isCollege(): boolean {
    return this.state.bodyKind !== 'ARS';
  }

  isOverdue(today: CalendarDate): boolean {
    return this.state.status === 'pending' && this.state.answerDueOn < today;
  }

  /** Schedules (or moves) the session, listing the members recused on that day (D.4622-44). */
  scheduleSession(sessionOn: CalendarDate, recused: Recusal[]): void {
    this.assertPending();
    if (!this.isCollege) throw new NoSessionForArsError();
    if (sessionOn < this.state.requestedOn) {
      throw new ConsultationInvalidError([
        {
          field: 'sessionOn',
          rule: PLATFORM_RULE,
          message: `must not be before the request (${this.state.requestedOn})`,
        },
      ]);
    }
    this.state = { ...this.state, session: { sessionOn, recused }, version: this.state.version + 1 };
  }

  /**
   * Records the opinion. For a college body: after its session, with who sat (members whose mandate covers the
   * session day), the recused refused among them unless overridden in writing, and votes no more than the
   * members attending (recused members count neither for attendance nor in the votes, D.4622-44). `recused` are
   * the members recused on the session day by the declarations as they stand now (a declaration brought up to
   * date after the session was scheduled counts); by default, those listed when it was.
   */
  deliverOpinion(
    input: OpinionInput,
    members: readonly Member[],
    today: CalendarDate,
    recused: readonly Recusal[] = this.state.session?.recused ?? [],
  ): void {
    this.assertPending();
    if (input.deliveredOn < this.state.requestedOn || input.deliveredOn > today) {
      throw new ConsultationInvalidError([
        {
          field: 'deliveredOn',
          rule: PLATFORM_RULE,
          message: `must lie between the request (${this.state.requestedOn}) and today (${today}): an opinion is recorded once given`,
        },
      ]);
    }
    if (!this.isCollege) {
      this.deliverArsOpinion(input);
      return;
    }
    const session = this.state.session;
    if (!session) throw new SessionRequiredError();
    const problems: RuleProblem[] = [];
    if (input.deliveredOn < session.sessionOn) {
      problems.push({
        field: 'deliveredOn',
        rule: PLATFORM_RULE,
        message: `must not be before the session (${session.sessionOn})`,
      });
    }
    const mandated = sittingMembersOn(members, session.sessionOn);
    input.sat.forEach((memberId, index) => {
      if (!mandated.some((m) => m.id === memberId)) {
        problems.push({
          field: `sat[${index}]`,
          rule: PLATFORM_RULE,
          message: `is not a member of ${this.state.bodyName} with a mandate on ${session.sessionOn}`,
        });
      }
    });
    if (new Set(input.sat).size !== input.sat.length) {
      problems.push({ field: 'sat', rule: PLATFORM_RULE, message: 'lists a member twice' });
    }
    if (problems.length > 0) throw new ConsultationInvalidError(problems);
    const recusedWhoSat = input.sat.flatMap((memberId, index) => {
      const recusal = recused.find((r) => r.memberId === memberId);
      return recusal ? [{ index, recusal }] : [];
    });
    if (recusedWhoSat.length > 0 && !input.recusalOverride) throw new RecusedMemberSatError(recusedWhoSat);
    const attending = input.sat
      .filter((id) => !recused.some((r) => r.memberId === id))
      .map((id) => ({ memberId: id, name: mandated.find((m) => m.id === id)?.name ?? id }));
    this.assertVotes(input.votes, attending.length);
    this.deliver(input, {
      attending,
      recused: [...recused],
      votes: input.votes,
      override:
        recusedWhoSat.length > 0 && input.recusalOverride
          ? {
              justification: input.recusalOverride.justification,
              members: recusedWhoSat.map((r) => r.recusal),
            }
          : null,
    });
  }

  /** Closes a pending consultation without opinion: its CPOM version was replaced or withdrawn. */
  close(reason: CloseReason, on: CalendarDate): void {
    this.assertPending();
    this.state = {
      ...this.state,
      status: 'closed',
      closedOn: on,
      closeReason: reason,
      version: this.state.version + 1,
    };
  }

  private deliverArsOpinion(input: OpinionInput): void {
    const problems: RuleProblem[] = [];
    if (input.sat.length > 0)
      problems.push({ field: 'sat', rule: PLATFORM_RULE, message: 'the ARS has no members sitting' });
    if (input.votes !== null)
      problems.push({ field: 'votes', rule: PLATFORM_RULE, message: 'the ARS does not vote' });
    if (input.recusalOverride) {
      problems.push({
        field: 'recusalOverride',
        rule: PLATFORM_RULE,
        message: 'the ARS has no members to recuse',
      });
    }
    if (problems.length > 0) throw new ConsultationInvalidError(problems);
    this.deliver(input, { attending: [], recused: [], votes: null, override: null });
  }

  private assertVotes(votes: Votes | null, attending: number): void {
    const rule = 'D.4622-44: recused members count neither for attendance nor in the votes';
    if (attending === 0) {
      throw new ConsultationInvalidError([
        { field: 'sat', rule, message: 'must list at least one member who is not recused' },
      ]);
    }
    if (votes === null) {
      throw new ConsultationInvalidError([
        { field: 'votes', rule: PLATFORM_RULE, message: 'are required of a college body' },
      ]);
    }
    const cast = votes.for + votes.against + votes.abstentions;
    if (cast > attending) {
      throw new ConsultationInvalidError([
        {
          field: 'votes',
          rule,
          message: `${cast} votes for ${attending} members attending (recused members excluded)`,
        },
      ]);
    }
  }

  private deliver(input: OpinionInput, sitting: Omit<Opinion, 'outcome' | 'deliveredOn' | 'text'>): void {
    this.state = {
      ...this.state,
      status: 'delivered',
      opinion: { outcome: input.outcome, deliveredOn: input.deliveredOn, text: input.text, ...sitting },
      version: this.state.version + 1,
    };
  }

  private assertPending(): void {
    if (this.state.status !== 'pending') throw new ConsultationNotPendingError(this.state.status);
  }
}

/** The consultations an adoption waits for: the plan's college opinions on the same version not yet in. */
export function opinionsToAdopt(adoption: Consultation, siblings: readonly Consultation[]): Consultation[] {
  if (adoption.state.step !== 'adoption') return [];
  return siblings.filter(
    (c) =>
      c.state.step === 'opinion' && c.isCollege && c.state.status !== 'delivered' && c.id !== adoption.id,
  );
}

/** Whether every opinion of the plan on this version is in (none pending, none closed). */
export function allOpinionsIn(consultations: readonly Consultation[]): boolean {
  return consultations.length > 0 && consultations.every((c) => c.state.status === 'delivered');
}
