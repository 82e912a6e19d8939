import { addDays, type CalendarDate, latest } from '@tripartite/calendar';
import { AgreementRuleViolation, badDate, PLATFORM_RULE, wrongState } from './agreement.errors';
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
  RenewalExamination,
} from './agreement.types';
import {
  agreementEnd,
  conditionalLatestEnd,
  decisionDueOn,
  isLateRenewal,
  latestNoticeDeadline,
} from './agreement-term.rule';
import {
  DEROGATION_RULE,
  DEROGATION_WITHOUT_CONDITION,
  derogationsWithoutCondition,
} from './derogation.rule';

/** The agrément a renewal takes over from, as the application needs it. */
export interface PreviousAgreement {
  id: string;
  validUntil: CalendarDate;
}

/** The terms of a decision granting an agrément: taken on the platform, or recorded as it was taken before. */
export interface GrantTerms {
  outcome: 'granted' | 'conditional';
  decidedOn: CalendarDate;
  validFrom: CalendarDate;
  /** Only for a conditional agrément (at most two years); a plain one lasts five years. */
  validUntil?: CalendarDate;
  limits: AgreementLimits;
  derogations: Derogation[];
  complianceCommitment?: ComplianceCommitment | null;
}

export interface GrantCommand extends GrantTerms {
  /** Required with a decision on a renewal (seed 002 I.1), refused otherwise. */
  renewalExamination?: RenewalExamination | null;
}

export interface RefusalCommand {
  decidedOn: CalendarDate;
  reasons: string;
  renewalExamination?: RenewalExamination | null;
}

/** A withdrawal: from `withdrawnOn`; the grounds are the lapsed notice's (given or taken from it). */
export interface WithdrawalCommand {
  withdrawnOn: CalendarDate;
  grounds?: ComplianceGrounds;
  text: string;
}

/** A shortening decided on `decidedOn`: the agrément now ends on `validUntil`. */
export interface ShorteningCommand {
  decidedOn: CalendarDate;
  validUntil: CalendarDate;
  grounds?: ComplianceGrounds;
  text: string;
}

/** An agrément granted before the region joined the platform, with its real dates (ADR 0009). */
export interface ExistingAgreementRecord extends GrantTerms {
  service: AgreementService;
  inspectorOpinion: InspectorOpinion | null;
  /** The decision's reference (arrêté, letter…), as the DIRECCTE files it. */
  reference: string | null;
  today: CalendarDate;
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
        origin: { kind: 'application' },
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

  /**
   * Records an agrément granted before the region joined the platform, as it stands: granted (or expired, if
   * its end has passed), with its real decision and dates, and no application, opinion deadline or warning
   * (ADR 0009). The same rules bound it as a decision taken here (five years; conditional at most two).
   */
  static recordExisting(id: string, record: ExistingAgreementRecord): Agreement {
    notInFuture('decidedOn', record.decidedOn, record.today);
    if (record.inspectorOpinion) {
      notInFuture('inspectorOpinion.givenOn', record.inspectorOpinion.givenOn, record.today);
      notBefore(
        'decidedOn',
        record.decidedOn,
        'the inspector opinion',
        record.inspectorOpinion.givenOn,
        'D.4622-48',
      );
    }
    const { validUntil, commitment } = grantedPeriod(record, false);
    return new Agreement(
      id,
      {
        ...record.service,
        regions: [...record.service.regions],
        origin: { kind: 'existing', reference: record.reference, recordedOn: record.today },
        application: 'first',
        filedOn: null,
        decisionDueOn: null,
        previousAgreementId: null,
        lateRenewal: false,
        status: validUntil < record.today ? 'expired' : 'granted',
        inspectorOpinion: record.inspectorOpinion ? { ...record.inspectorOpinion } : null,
        decision: {
          outcome: record.outcome,
          decidedOn: record.decidedOn,
          limits: record.limits,
          derogations: record.derogations,
          complianceCommitment: commitment,
          renewalExamination: null,
        },
        conditional: record.outcome === 'conditional',
        validFrom: record.validFrom,
        validUntil,
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
    const { filedOn } = this.pendingApplication('record the inspector opinion');
    if (this.s.inspectorOpinion) {
      throw new AgreementRuleViolation(
        'AGREEMENT.OPINION_ALREADY_RECORDED',
        'the médecin inspecteur du travail already gave an opinion on this application',
        null,
        `one opinion per application, recorded once (${PLATFORM_RULE})`,
      );
    }
    notInFuture('givenOn', opinion.givenOn, today);
    notBefore('givenOn', opinion.givenOn, 'the filing date', filedOn, 'D.4622-48: avis sur la demande');
    this.s = { ...this.s, inspectorOpinion: { ...opinion } };
    this.currentVersion++;
  }

  /**
   * Grants the agrément, plainly (five years) or conditionally (at most two years, against a dated
   * compliance commitment, never twice in a row: D.4622-51 1°).
   */
  grant(command: GrantCommand, context: { previousWasConditional: boolean; today: CalendarDate }): void {
    this.assertDecidable(command.decidedOn, context.today);
    const renewalExamination = this.examinationFor(command.renewalExamination);
    const { validUntil, commitment } = grantedPeriod(command, context.previousWasConditional);
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
        renewalExamination,
      },
      validFrom: command.validFrom,
      validUntil,
    };
    this.currentVersion++;
  }

  /** Refuses the application; a refusal states its reasons. */
  refuse(command: RefusalCommand, today: CalendarDate): void {
    const { decidedOn, reasons } = command;
    this.assertDecidable(decidedOn, today);
    const renewalExamination = this.examinationFor(command.renewalExamination);
    if (reasons.trim().length === 0) {
      throw new AgreementRuleViolation(
        'AGREEMENT.REASONS_REQUIRED',
        'reasons are required: a refusal states its reasons',
        'reasons',
        'a refusal of agrément is reasoned (CRPA L.211-2)',
      );
    }
    this.s = {
      ...this.s,
      status: 'refused',
      decision: { outcome: 'refused', decidedOn, reasons, renewalExamination },
    };
    this.currentVersion++;
  }

  /**
   * Silence four months after the complete application: an implicit agrément (R.4622-52), for five
   * years from that day, or from the day after the renewed agrément ends if that is later.
   * Answers false when a decision came first (nothing to do).
   */
  grantImplicitly(renewedValidUntil: CalendarDate | null): boolean {
    const { status, decisionDueOn } = this.s;
    if (status !== 'requested' || !decisionDueOn) return false;
    const validFrom = implicitAgreementStart(decisionDueOn, renewedValidUntil);
    this.s = {
      ...this.s,
      status: 'granted',
      decision: { outcome: 'implicit', decidedOn: decisionDueOn },
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
        'a compliance notice is already running on this agrément',
        null,
        `one mise en demeure at a time (${PLATFORM_RULE})`,
      );
    }
    if (notice.grounds === 'no_cpom' && this.s.serviceType !== 'SSTI') {
      throw new AgreementRuleViolation(
        'AGREEMENT.NO_CPOM_GROUND_FOR_SSTA',
        `${this.s.serviceName} is an autonomous service (SSTA): it concludes no CPOM, so "no_cpom" cannot be a ground`,
        'grounds',
        'L.4622-10: the CPOM concerns inter-company services only',
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

  /** Withdraws the agrément from `withdrawnOn` on, after a lapsed notice (D.4622-51 2°). */
  withdraw(command: WithdrawalCommand, today: CalendarDate): void {
    const { notice, grounds } = this.assertSanctionable(
      { field: 'withdrawnOn', date: command.withdrawnOn, grounds: command.grounds },
      today,
    );
    const previousValidUntil = this.s.validUntil as CalendarDate;
    this.s = {
      ...this.s,
      status: 'withdrawn',
      validUntil: addDays(command.withdrawnOn, -1),
      sanction: {
        kind: 'withdrawal',
        noticeId: notice.id,
        previousValidUntil,
        decidedOn: command.withdrawnOn,
        grounds,
        text: command.text,
      },
      memberInformation: { dueSince: command.withdrawnOn, doneOn: null, text: null },
    };
    this.currentVersion++;
  }

  /** Shortens the agrément to end on `validUntil`, after a lapsed notice (D.4622-51 2°). */
  shorten(command: ShorteningCommand, today: CalendarDate): void {
    const { notice, grounds } = this.assertSanctionable(
      { field: 'decidedOn', date: command.decidedOn, grounds: command.grounds },
      today,
    );
    const previousValidUntil = this.s.validUntil as CalendarDate;
    if (command.validUntil >= previousValidUntil || command.validUntil < command.decidedOn) {
      throw badDate(
        'validUntil',
        `must fall between the decision (${command.decidedOn}) and the current end (${previousValidUntil}), excluded`,
        'D.4622-51 2°: réduction de la durée',
      );
    }
    this.s = {
      ...this.s,
      validUntil: command.validUntil,
      sanction: {
        kind: 'shortening',
        noticeId: notice.id,
        previousValidUntil,
        decidedOn: command.decidedOn,
        grounds,
        text: command.text,
      },
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
    this.pendingApplication('decide');
    const opinion = this.s.inspectorOpinion;
    if (!opinion) {
      // A state of the application, not a field of the request: no field to name.
      throw new AgreementRuleViolation(
        'AGREEMENT.OPINION_MISSING',
        'no decision before the médecin inspecteur du travail’s opinion is recorded',
        null,
        'D.4622-48: décision après avis du médecin inspecteur du travail',
      );
    }
    notInFuture('decidedOn', decidedOn, today);
    notBefore('decidedOn', decidedOn, 'the inspector opinion', opinion.givenOn, 'D.4622-48');
  }

  /** The application being decided on, with its dates (an agrément recorded as existing has none). */
  private pendingApplication(action: string): { filedOn: CalendarDate; decisionDueOn: CalendarDate } {
    this.expectStatus('requested', action);
    const { filedOn, decisionDueOn } = this.s;
    if (!filedOn || !decisionDueOn) throw wrongState(action, 'recorded without an application');
    return { filedOn, decisionDueOn };
  }

  /**
   * A decision on a renewal records what the DIRECCTE found of the CPOM and of the service project (seed 002
   * I.1, "Au moment du renouvellement…"); a first application has nothing to examine.
   */
  private examinationFor(examination: RenewalExamination | null | undefined): RenewalExamination | null {
    if (this.s.application === 'renewal') {
      if (!examination) {
        throw new AgreementRuleViolation(
          'AGREEMENT.RENEWAL_EXAMINATION_REQUIRED',
          'renewalExamination is required with a decision on a renewal: the implementation of the CPOM and of the ' +
            'service project, or that none exists',
          'renewalExamination',
          'seed 002 I.1: au renouvellement, la DIRECCTE examine la mise en œuvre du CPOM et du projet de service',
        );
      }
      return examination;
    }
    if (examination) {
      throw new AgreementRuleViolation(
        'AGREEMENT.RENEWAL_EXAMINATION_UNEXPECTED',
        'renewalExamination belongs to a decision on a renewal; this is a first application',
        'renewalExamination',
        'seed 002 I.1: examen au moment du renouvellement',
      );
    }
    return null;
  }

  /** A withdrawal or shortening needs a notice whose deadline lapsed without compliance, and rests on its grounds. */
  private assertSanctionable(
    command: { field: string; date: CalendarDate; grounds: ComplianceGrounds | undefined },
    today: CalendarDate,
  ): { notice: ComplianceNotice; grounds: ComplianceGrounds } {
    this.expectStatus('granted', 'withdraw or shorten');
    const lapsed = this.s.notices.filter((n) => n.status === 'lapsed');
    const notice = lapsed[lapsed.length - 1];
    if (!notice || (this.s.sanction && this.s.sanction.noticeId === notice.id)) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NO_LAPSED_NOTICE',
        'withdrawal or shortening only after a compliance notice has lapsed without compliance',
        null,
        'D.4622-51 2°: retrait ou réduction après mise en demeure restée sans effet',
      );
    }
    if (command.grounds !== undefined && command.grounds !== notice.grounds) {
      throw new AgreementRuleViolation(
        'AGREEMENT.GROUNDS_DIFFER_FROM_NOTICE',
        `grounds must be those of the lapsed notice (${notice.grounds}): the sanction rests on what the service ` +
          'was put on notice to correct',
        'grounds',
        'D.4622-51 2°: retrait ou réduction pour les manquements de la mise en demeure',
      );
    }
    notInFuture(command.field, command.date, today);
    if (command.date <= notice.deadlineOn) {
      throw badDate(
        command.field,
        `must be after the notice deadline (${notice.deadlineOn})`,
        'D.4622-51 2°',
      );
    }
    if (this.s.validUntil && command.date > this.s.validUntil) {
      throw wrongState('withdraw or shorten', 'already ended');
    }
    return { notice, grounds: notice.grounds };
  }

  private expectStatus(expected: AgreementState['status'], action: string): void {
    if (this.s.status !== expected) throw wrongState(action, this.s.status);
  }
}

/**
 * The period of an explicit grant: five years, or, conditionally, at most two years against a precise and
 * dated commitment, never after a conditional one (D.4622-48, D.4622-51 1°). Derogations state their conditions.
 */
function grantedPeriod(
  command: Pick<
    GrantCommand,
    'outcome' | 'decidedOn' | 'validFrom' | 'validUntil' | 'complianceCommitment' | 'derogations'
  >,
  previousWasConditional: boolean,
): { validUntil: CalendarDate; commitment: ComplianceCommitment | null } {
  const bare = derogationsWithoutCondition(command.derogations);
  if (bare.length > 0) {
    const errors = bare.map((index) => ({
      field: `derogations[${index}].conditions`,
      rule: DEROGATION_RULE,
      message: DEROGATION_WITHOUT_CONDITION,
    }));
    throw new AgreementRuleViolation(
      'AGREEMENT.DEROGATION_WITHOUT_CONDITION',
      `${errors[0].field} ${DEROGATION_WITHOUT_CONDITION}`,
      errors[0].field,
      DEROGATION_RULE,
      errors,
    );
  }
  if (command.outcome === 'granted') {
    const validUntil = agreementEnd(command.validFrom);
    if (command.validUntil !== undefined && command.validUntil !== validUntil) {
      throw badDate(
        'validUntil',
        `must be ${validUntil}: an agrément lasts five years from its start`,
        'D.4622-48: agrément pour cinq ans',
      );
    }
    return { validUntil, commitment: null };
  }
  if (previousWasConditional) {
    throw new AgreementRuleViolation(
      'AGREEMENT.CONDITIONAL_AFTER_CONDITIONAL',
      'this service’s previous agrément was conditional: another conditional one may not follow',
      'outcome',
      'D.4622-51 1°: agrément conditionnel non renouvelable',
    );
  }
  if (!command.complianceCommitment) {
    throw new AgreementRuleViolation(
      'AGREEMENT.COMMITMENT_REQUIRED',
      'complianceCommitment is required: a conditional agrément is granted against a precise, dated commitment',
      'complianceCommitment',
      'D.4622-51 1°: engagement précis et daté de mise en conformité',
    );
  }
  const latestEnd = conditionalLatestEnd(command.validFrom);
  const validUntil = command.validUntil ?? latestEnd;
  if (validUntil > latestEnd) {
    throw badDate(
      'validUntil',
      `must be ${latestEnd} at the latest: a conditional agrément lasts at most two years`,
      'D.4622-51 1°: durée maximale de deux ans',
    );
  }
  if (validUntil < command.validFrom) {
    throw badDate(
      'validUntil',
      'must not be before validFrom',
      `a period ends after it starts (${PLATFORM_RULE})`,
    );
  }
  const commitment = { ...command.complianceCommitment };
  if (commitment.dueOn < command.decidedOn || commitment.dueOn > validUntil) {
    throw badDate(
      'complianceCommitment.dueOn',
      `must fall between the decision (${command.decidedOn}) and the end of the agrément (${validUntil})`,
      'D.4622-51 1°: engagement daté de mise en conformité',
    );
  }
  return { validUntil, commitment };
}

/**
 * The start of an implicit agrément (R.4622-52): the day silence becomes a decision, or, for a renewal, the
 * day after the renewed agrément ends if that is later (the two never overlap). Exported so that what the
 * e-mails preview is computed as the domain computes it.
 */
export function implicitAgreementStart(
  decisionDueOn: CalendarDate,
  renewedValidUntil: CalendarDate | null,
): CalendarDate {
  return renewedValidUntil ? latest(decisionDueOn, addDays(renewedValidUntil, 1)) : decisionDueOn;
}

function notInFuture(field: string, date: CalendarDate, today: CalendarDate): void {
  if (date > today)
    throw badDate(
      field,
      `must not be after today (${today})`,
      `a recorded fact has happened (${PLATFORM_RULE})`,
    );
}

function notBefore(field: string, date: CalendarDate, what: string, other: CalendarDate, rule: string): void {
  if (date < other) throw badDate(field, `must not be before ${what} (${other})`, rule);
}
