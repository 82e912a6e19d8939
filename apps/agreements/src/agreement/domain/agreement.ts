import { addDays, type CalendarDate, latest } from '@tripartite/calendar';
import { AgreementRuleViolation, badDate, wrongState } from './agreement.errors';
import type {
  AgreementLimits,
  AgreementService,
  AgreementState,
  ApplicationKind,
  ComplianceCommitment,
  ComplianceGrounds,
  ComplianceNotice,
  Derogation,
  InspectorOpinion,
} from './agreement.types';
import {
  agreementEnd,
  conditionalLatestEnd,
  decisionDueOn,
  isLateRenewal,
  latestNoticeDeadline,
} from './agreement-term.rule';

/** The agrément a renewal takes over from, as the application needs it. */
export interface PreviousAgreement {
  id: string;
  validUntil: CalendarDate;
}

export interface GrantCommand {
  outcome: 'granted' | 'conditional';
  decidedOn: CalendarDate;
  validFrom: CalendarDate;
  /** Only for a conditional agrément (at most two years); a plain one lasts five years. */
  validUntil?: CalendarDate;
  limits: AgreementLimits;
  derogations: Derogation[];
  complianceCommitment?: ComplianceCommitment | null;
}

export interface SanctionCommand {
  decidedOn: CalendarDate;
  grounds: ComplianceGrounds;
  text: string;
}

/**
 * An agrément of one occupational health service, from the application to its end: the MIT opinion,
 * the DIRECCTE's decision (or silence), compliance notices, withdrawal or shortening, expiry.
 * Plain rules, no I/O: the handlers load it, call one method, and save it with its event.
 * `today` is the Paris date on the platform clock, passed in so rules never read a clock themselves.
 */
export class Agreement {
  private constructor(
    readonly id: string,
    private s: AgreementState,
    private currentVersion: number,
  ) {}

  /** Files a first or renewal application; it counts as complete on filing (ADR 0009). */
  static file(
    id: string,
    input: {
      service: AgreementService;
      application: ApplicationKind;
      filedOn: CalendarDate;
      previous: PreviousAgreement | null;
      today: CalendarDate;
    },
  ): Agreement {
    notInFuture('filedOn', input.filedOn, input.today);
    if (input.application === 'renewal' && !input.previous) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NOTHING_TO_RENEW',
        422,
        'application "renewal" needs an agrément of this service to renew; file a first application',
        'application',
        'D.4622-50: the renewal of an agrément',
      );
    }
    const previous = input.application === 'renewal' ? input.previous : null;
    return new Agreement(
      id,
      {
        ...input.service,
        regions: [...input.service.regions],
        application: input.application,
        filedOn: input.filedOn,
        decisionDueOn: decisionDueOn(input.filedOn),
        previousAgreementId: previous?.id ?? null,
        lateRenewal: previous ? isLateRenewal(input.filedOn, previous.validUntil) : false,
        status: 'requested',
        inspectorOpinion: null,
        decision: null,
        conditional: false,
        validFrom: null,
        validUntil: null,
        supersededBy: null,
        notices: [],
        sanction: null,
        memberInformation: null,
      },
      1,
    );
  }

  static restore(id: string, state: AgreementState, version: number): Agreement {
    return new Agreement(id, state, version);
  }

  get version(): number {
    return this.currentVersion;
  }

  get state(): Readonly<AgreementState> {
    return this.s;
  }

  get status(): AgreementState['status'] {
    return this.s.status;
  }

  /** Whether the agrément is in force on `date`: granted and within its (possibly shortened) period. */
  inForceOn(date: CalendarDate): boolean {
    const { status, validFrom, validUntil } = this.s;
    if (status !== 'granted' || !validFrom || !validUntil) return false;
    return validFrom <= date && date <= validUntil;
  }

  /** The médecin inspecteur du travail's opinion, which every decision needs first (D.4622-48). */
  recordInspectorOpinion(opinion: InspectorOpinion, today: CalendarDate): void {
    this.expectStatus('requested', 'record the inspector opinion');
    if (this.s.inspectorOpinion) {
      throw new AgreementRuleViolation(
        'AGREEMENT.OPINION_ALREADY_RECORDED',
        409,
        'the médecin inspecteur du travail already gave an opinion on this application',
        null,
        'D.4622-48: one opinion per application',
      );
    }
    notInFuture('givenOn', opinion.givenOn, today);
    notBefore('givenOn', opinion.givenOn, 'the filing date', this.s.filedOn, 'D.4622-48');
    this.s = { ...this.s, inspectorOpinion: { ...opinion } };
    this.currentVersion++;
  }

  /**
   * Grants the agrément, plainly (five years) or conditionally (at most two years, against a dated
   * compliance commitment, never twice in a row: D.4622-51 1°).
   */
  grant(command: GrantCommand, context: { previousWasConditional: boolean; today: CalendarDate }): void {
    this.assertDecidable(command.decidedOn, context.today);
    let validUntil: CalendarDate;
    let commitment: ComplianceCommitment | null = null;
    if (command.outcome === 'granted') {
      validUntil = agreementEnd(command.validFrom);
      if (command.validUntil !== undefined && command.validUntil !== validUntil) {
        throw badDate(
          'validUntil',
          `must be ${validUntil}: an agrément lasts five years from its start`,
          'D.4622-48: agrément pour cinq ans',
        );
      }
    } else {
      if (context.previousWasConditional) {
        throw new AgreementRuleViolation(
          'AGREEMENT.CONDITIONAL_AFTER_CONDITIONAL',
          422,
          'this service’s previous agrément was conditional: another conditional one may not follow',
          'outcome',
          'D.4622-51 1°: agrément conditionnel non renouvelable',
        );
      }
      if (!command.complianceCommitment) {
        throw new AgreementRuleViolation(
          'AGREEMENT.COMMITMENT_REQUIRED',
          422,
          'complianceCommitment is required: a conditional agrément is granted against a precise, dated commitment',
          'complianceCommitment',
          'D.4622-51 1°: engagement précis et daté de mise en conformité',
        );
      }
      const latestEnd = conditionalLatestEnd(command.validFrom);
      validUntil = command.validUntil ?? latestEnd;
      if (validUntil > latestEnd) {
        throw badDate(
          'validUntil',
          `must be ${latestEnd} at the latest: a conditional agrément lasts at most two years`,
          'D.4622-51 1°: durée maximale de deux ans',
        );
      }
      if (validUntil < command.validFrom) {
        throw badDate('validUntil', 'must not be before validFrom', 'a period ends after it starts');
      }
      commitment = { ...command.complianceCommitment };
      if (commitment.dueOn < command.decidedOn || commitment.dueOn > validUntil) {
        throw badDate(
          'complianceCommitment.dueOn',
          `must fall between the decision (${command.decidedOn}) and the end of the agrément (${validUntil})`,
          'D.4622-51 1°: engagement daté de mise en conformité',
        );
      }
    }
    this.s = {
      ...this.s,
      status: 'granted',
      conditional: command.outcome === 'conditional',
      decision: {
        outcome: command.outcome,
        decidedOn: command.decidedOn,
        limits: command.limits,
        derogations: command.derogations,
        complianceCommitment: commitment,
      },
      validFrom: command.validFrom,
      validUntil,
    };
    this.currentVersion++;
  }

  /** Refuses the application; a refusal states its reasons. */
  refuse(decidedOn: CalendarDate, reasons: string, today: CalendarDate): void {
    this.assertDecidable(decidedOn, today);
    if (reasons.trim().length === 0) {
      throw new AgreementRuleViolation(
        'AGREEMENT.REASONS_REQUIRED',
        422,
        'reasons are required: a refusal states its reasons',
        'reasons',
        'a refusal of agrément is reasoned (domain.md; CRPA L.211-2)',
      );
    }
    this.s = { ...this.s, status: 'refused', decision: { outcome: 'refused', decidedOn, reasons } };
    this.currentVersion++;
  }

  /**
   * Silence four months after the complete application: an implicit agrément (R.4622-52), for five
   * years from that day, or from the day after the renewed agrément ends if that is later.
   * Answers false when a decision came first (nothing to do).
   */
  grantImplicitly(renewedValidUntil: CalendarDate | null): boolean {
    if (this.s.status !== 'requested') return false;
    const validFrom = renewedValidUntil
      ? latest(this.s.decisionDueOn, addDays(renewedValidUntil, 1))
      : this.s.decisionDueOn;
    this.s = {
      ...this.s,
      status: 'granted',
      decision: { outcome: 'implicit', decidedOn: this.s.decisionDueOn },
      validFrom,
      validUntil: agreementEnd(validFrom),
    };
    this.currentVersion++;
    return true;
  }

  /**
   * A renewal takes over from its start date: this agrément then ends the day before (at most one
   * agrément in force per service at any date). Answers whether the end moved.
   */
  supersede(renewalId: string, renewalValidFrom: CalendarDate): boolean {
    const { validUntil, validFrom } = this.s;
    if (!validUntil || !validFrom) throw wrongState('be renewed', this.s.status);
    const moved = renewalValidFrom <= validUntil;
    this.s = {
      ...this.s,
      supersededBy: renewalId,
      validUntil: moved ? addDays(renewalValidFrom, -1) : validUntil,
    };
    this.currentVersion++;
    return moved;
  }

  /** Puts the service on notice to comply within at most six months (D.4622-51 2°). */
  issueNotice(notice: Omit<ComplianceNotice, 'status' | 'metOn'>, today: CalendarDate): ComplianceNotice {
    this.expectStatus('granted', 'issue a compliance notice');
    if (!this.inForceOn(today)) throw wrongState('issue a compliance notice', 'not in force today');
    if (this.openNotice()) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NOTICE_ALREADY_OPEN',
        409,
        'a compliance notice is already running on this agrément',
        null,
        'D.4622-51 2°: one mise en demeure at a time',
      );
    }
    notInFuture('noticeOn', notice.noticeOn, today);
    notBefore(
      'noticeOn',
      notice.noticeOn,
      'the start of the agrément',
      this.s.validFrom as CalendarDate,
      'D.4622-51 2°',
    );
    const latestDeadline = latestNoticeDeadline(notice.noticeOn);
    if (notice.deadlineOn <= notice.noticeOn || notice.deadlineOn > latestDeadline) {
      throw badDate(
        'deadlineOn',
        `must be after the notice and on ${latestDeadline} at the latest (six months)`,
        'D.4622-51 2°: délai fixé par le directeur, au plus six mois',
      );
    }
    const issued: ComplianceNotice = { ...notice, status: 'open', metOn: null };
    this.s = { ...this.s, notices: [...this.s.notices, issued] };
    this.currentVersion++;
    return issued;
  }

  /** The service complied in time: no withdrawal may rest on this notice. */
  meetNotice(noticeId: string, metOn: CalendarDate, today: CalendarDate): ComplianceNotice {
    const notice = this.notice(noticeId);
    if (notice.status !== 'open') throw wrongState('record compliance', `notice ${notice.status}`);
    notInFuture('metOn', metOn, today);
    notBefore('metOn', metOn, 'the notice', notice.noticeOn, 'D.4622-51 2°');
    if (metOn > notice.deadlineOn) {
      throw badDate('metOn', `must be on ${notice.deadlineOn} at the latest`, 'D.4622-51 2°');
    }
    return this.replaceNotice({ ...notice, status: 'met', metOn });
  }

  /** The notice's deadline passed without compliance. Answers null when it was met or already lapsed. */
  lapseNotice(noticeId: string): ComplianceNotice | null {
    const notice = this.s.notices.find((n) => n.id === noticeId);
    if (notice?.status !== 'open') return null;
    return this.replaceNotice({ ...notice, status: 'lapsed' });
  }

  /** Withdraws the agrément from `decidedOn` on, after a lapsed notice (D.4622-51 2°). */
  withdraw(command: SanctionCommand, today: CalendarDate): void {
    const notice = this.assertSanctionable(command, today);
    const previousValidUntil = this.s.validUntil as CalendarDate;
    this.s = {
      ...this.s,
      status: 'withdrawn',
      validUntil: addDays(command.decidedOn, -1),
      sanction: { kind: 'withdrawal', noticeId: notice.id, previousValidUntil, ...command },
      memberInformation: { dueSince: command.decidedOn, doneOn: null, text: null },
    };
    this.currentVersion++;
  }

  /** Shortens the agrément to end on `validUntil`, after a lapsed notice (D.4622-51 2°). */
  shorten(command: SanctionCommand & { validUntil: CalendarDate }, today: CalendarDate): void {
    const { validUntil, ...sanction } = command;
    const notice = this.assertSanctionable(sanction, today);
    const previousValidUntil = this.s.validUntil as CalendarDate;
    if (validUntil >= previousValidUntil || validUntil < command.decidedOn) {
      throw badDate(
        'validUntil',
        `must fall between the decision (${command.decidedOn}) and the current end (${previousValidUntil}), excluded`,
        'D.4622-51 2°: réduction de la durée',
      );
    }
    this.s = {
      ...this.s,
      validUntil,
      sanction: { kind: 'shortening', noticeId: notice.id, previousValidUntil, ...sanction },
      memberInformation: { dueSince: command.decidedOn, doneOn: null, text: null },
    };
    this.currentVersion++;
  }

  /** The service's president informed every member company of the withdrawal or shortening (D.4622-51). */
  recordMembersInformed(doneOn: CalendarDate, text: string | null, today: CalendarDate): void {
    const task = this.s.memberInformation;
    if (!task || task.doneOn)
      throw wrongState('record the information of member companies', 'without such a task');
    notInFuture('informedOn', doneOn, today);
    notBefore('informedOn', doneOn, 'the decision', task.dueSince, 'D.4622-51');
    this.s = { ...this.s, memberInformation: { ...task, doneOn, text } };
    this.currentVersion++;
  }

  /** Reaching the end date. Answers false when there is nothing to expire (withdrawn, already expired). */
  expire(): boolean {
    if (this.s.status !== 'granted') return false;
    this.s = { ...this.s, status: 'expired' };
    this.currentVersion++;
    return true;
  }

  openNotice(): ComplianceNotice | undefined {
    return this.s.notices.find((n) => n.status === 'open');
  }

  notice(noticeId: string): ComplianceNotice {
    const notice = this.s.notices.find((n) => n.id === noticeId);
    if (!notice) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NOTICE_NOT_FOUND',
        404,
        `no compliance notice ${noticeId} on this agrément`,
        'noticeId',
        'D.4622-51 2°',
      );
    }
    return notice;
  }

  private replaceNotice(notice: ComplianceNotice): ComplianceNotice {
    this.s = { ...this.s, notices: this.s.notices.map((n) => (n.id === notice.id ? notice : n)) };
    this.currentVersion++;
    return notice;
  }

  private assertDecidable(decidedOn: CalendarDate, today: CalendarDate): void {
    this.expectStatus('requested', 'decide');
    const opinion = this.s.inspectorOpinion;
    if (!opinion) {
      throw new AgreementRuleViolation(
        'AGREEMENT.OPINION_MISSING',
        409,
        'no decision before the médecin inspecteur du travail’s opinion is recorded',
        'decidedOn',
        'D.4622-48: décision après avis du médecin inspecteur du travail',
      );
    }
    notInFuture('decidedOn', decidedOn, today);
    notBefore('decidedOn', decidedOn, 'the inspector opinion', opinion.givenOn, 'D.4622-48');
  }

  /** A withdrawal or shortening needs a notice whose deadline lapsed without compliance. */
  private assertSanctionable(command: SanctionCommand, today: CalendarDate): ComplianceNotice {
    this.expectStatus('granted', 'withdraw or shorten');
    const lapsed = this.s.notices.filter((n) => n.status === 'lapsed');
    const notice = lapsed[lapsed.length - 1];
    if (!notice || (this.s.sanction && this.s.sanction.noticeId === notice.id)) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NO_LAPSED_NOTICE',
        409,
        'withdrawal or shortening only after a compliance notice has lapsed without compliance',
        null,
        'D.4622-51 2°: retrait ou réduction après mise en demeure restée sans effet',
      );
    }
    notInFuture('decidedOn', command.decidedOn, today);
    if (command.decidedOn <= notice.deadlineOn) {
      throw badDate('decidedOn', `must be after the notice deadline (${notice.deadlineOn})`, 'D.4622-51 2°');
    }
    if (this.s.validUntil && command.decidedOn > this.s.validUntil) {
      throw wrongState('withdraw or shorten', 'already ended');
    }
    return notice;
  }

  private expectStatus(expected: AgreementState['status'], action: string): void {
    if (this.s.status !== expected) throw wrongState(action, this.s.status);
  }
}

function notInFuture(field: string, date: CalendarDate, today: CalendarDate): void {
  if (date > today)
    throw badDate(field, `must not be after today (${today})`, 'a recorded fact has happened');
}

function notBefore(field: string, date: CalendarDate, what: string, other: CalendarDate, rule: string): void {
  if (date < other) throw badDate(field, `must not be before ${what} (${other})`, rule);
}
