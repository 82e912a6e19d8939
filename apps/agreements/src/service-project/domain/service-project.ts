import { type CalendarDate, isAfter, isBefore } from '@tripartite/calendar';
import { ServiceProjectInvalidError, ServiceProjectStepConflictError } from './service-project.errors';
import type {
  ProjectContent,
  ProjectVersion,
  RuleProblem,
  RuleWarning,
  ServiceProjectStatus,
} from './service-project.types';
import { periodProblems, periodWarnings } from './service-project-period.rule';
import { priorityProblems } from './service-project-priorities.rule';

/** What a revision may change: everything but the start of the period. */
export type RevisionChanges = Partial<Omit<ProjectContent, 'periodStart'>>;

/**
 * A service's projet pluriannuel de service (L.4622-14): "élaboré par le service de santé au travail au
 * sein de la commission médico-technique avant d'être soumis à l'approbation du conseil d'administration",
 * and "peut être révisé régulièrement". Each revision is a new version going through the CMT and the board
 * again; the last approved version stays in force until the next one is approved. A version not yet
 * approved may be withdrawn: a first text takes the whole project with it, a revision leaves the version
 * in force as it was.
 *
 * `version` is the aggregate's version (ETag, If-Match); `projectVersion` numbers the texts (1, 2, …).
 */
export class ServiceProject {
  private constructor(
    readonly id: string,
    readonly serviceId: string,
    private texts: ProjectVersion[],
    private aggregateVersion: number,
  ) {}

  /** The service drafts its first text; nothing is in force until the board approves it. */
  static draft(id: string, serviceId: string, content: ProjectContent, today: CalendarDate): ServiceProject {
    throwIfAny(contentProblems(content));
    return new ServiceProject(
      id,
      serviceId,
      [
        {
          ...copyContent(content),
          number: 1,
          status: 'draft',
          draftedOn: today,
          revisedOn: null,
          revisionReason: null,
          adoptedOn: null,
          cmtText: null,
          approvedOn: null,
          withdrawnOn: null,
          withdrawalReason: null,
        },
      ],
      1,
    );
  }

  static restore(id: string, serviceId: string, texts: ProjectVersion[], version: number): ServiceProject {
    if (texts.length === 0) throw new Error(`service project ${id} has no version`);
    return new ServiceProject(
      id,
      serviceId,
      [...texts].sort((a, b) => a.number - b.number),
      version,
    );
  }

  /** The commission médico-technique adopts the current draft (L.4622-14). */
  adoptByCmt(step: { adoptedOn: CalendarDate; text?: string | null }, today: CalendarDate): ProjectVersion {
    const current = this.latestAt('draft', 'adoptedOn', step.adoptedOn, today, (draft) => ({
      notBefore: draft.revisedOn,
      rule: 'not-before-revision',
      what: 'the revision it adopts',
    }));
    return this.replaceText({
      ...current,
      status: 'adopted',
      adoptedOn: step.adoptedOn,
      cmtText: step.text ?? null,
    });
  }

  /**
   * The board approves the version the CMT adopted, never a draft (L.4622-14). The approved version comes
   * into force; the one it replaces is superseded.
   */
  approveByBoard(step: { approvedOn: CalendarDate }, today: CalendarDate): ProjectVersion {
    const current = this.latestAt('adopted', 'approvedOn', step.approvedOn, today, (adopted) => ({
      notBefore: adopted.adoptedOn,
      rule: 'not-before-adoption',
      what: 'the CMT adoption',
    }));
    this.texts = this.texts.map((text) =>
      text.status === 'approved' ? { ...text, status: 'superseded' as const } : text,
    );
    return this.replaceText({ ...current, status: 'approved', approvedOn: step.approvedOn });
  }

  /**
   * The project "peut être révisé régulièrement" (L.4622-14): a new draft, copied from the version in force
   * with the changes, which goes through the CMT and the board again. One revision at a time: the version
   * in force must be the latest. Numbers go on after a withdrawn revision (1, 2 withdrawn, 3).
   */
  revise(
    step: { revisedOn: CalendarDate; reason: string; changes: RevisionChanges },
    today: CalendarDate,
  ): ProjectVersion {
    const current = this.openLatest();
    if (current.status !== 'approved') throw ServiceProjectStepConflictError.revisionPending(current);
    const content = { ...copyContent(current), ...definedOnly(step.changes) };
    throwIfAny([
      ...recordedDateProblems('revisedOn', step.revisedOn, today, {
        notBefore: current.approvedOn,
        rule: 'not-before-approval',
        what: 'the approval of the version it revises',
      }),
      ...contentProblems(content),
    ]);
    this.texts.push({
      ...copyContent(content),
      number: this.texts[this.texts.length - 1].number + 1,
      status: 'draft',
      draftedOn: step.revisedOn,
      revisedOn: step.revisedOn,
      revisionReason: step.reason,
      adoptedOn: null,
      cmtText: null,
      approvedOn: null,
      withdrawnOn: null,
      withdrawalReason: null,
    });
    this.aggregateVersion++;
    return this.latest;
  }

  /**
   * The service withdraws the version not yet approved (drafted, or adopted by the CMT), before its board
   * approves it: the text stays in the history as withdrawn. A first text takes the project with it (no
   * version was ever in force: the project is withdrawn, its period free again); a revision leaves the
   * version in force as it was, and a new revision may be drafted. An approved version is never withdrawn
   * this way: it stands until the board approves a revision (L.4622-14).
   */
  withdraw(step: { withdrawnOn: CalendarDate; reason: string }, today: CalendarDate): ProjectVersion {
    const current = this.openLatest();
    if (current.status !== 'draft' && current.status !== 'adopted') {
      throw ServiceProjectStepConflictError.approvalStands(current);
    }
    const problems = recordedDateProblems('withdrawnOn', step.withdrawnOn, today, {
      notBefore: current.draftedOn,
      rule: current.revisedOn === null ? 'not-before-drafting' : 'not-before-revision',
      what:
        current.revisedOn === null ? 'the drafting of the text it withdraws' : 'the revision it withdraws',
    });
    // The CMT may have adopted a first text before it was entered here: its adoption is a bound of its own.
    if (current.adoptedOn !== null && isBefore(step.withdrawnOn, current.adoptedOn)) {
      problems.push({
        field: 'withdrawnOn',
        rule: 'not-before-adoption',
        message: `is before the CMT adoption of the text it withdraws (${current.adoptedOn})`,
      });
    }
    throwIfAny(problems);
    return this.replaceText({
      ...current,
      status: 'withdrawn',
      withdrawnOn: step.withdrawnOn,
      withdrawalReason: step.reason,
    });
  }

  get version(): number {
    return this.aggregateVersion;
  }

  /** Every version, the first text first. */
  get versions(): readonly ProjectVersion[] {
    return this.texts;
  }

  /**
   * The version being worked on, or the one in force when nothing is pending; a withdrawn version only
   * when the project itself was withdrawn (its first and only text).
   */
  get latest(): ProjectVersion {
    for (let i = this.texts.length - 1; i >= 0; i--) {
      if (this.texts[i].status !== 'withdrawn') return this.texts[i];
    }
    return this.texts[this.texts.length - 1];
  }

  /** The approved version that applies, if the board approved one; it stays until the next approval. */
  get inForce(): ProjectVersion | null {
    return this.texts.find((text) => text.status === 'approved') ?? null;
  }

  get status(): ServiceProjectStatus {
    return this.latest.status as ServiceProjectStatus;
  }

  /** Withdrawn before the board approved any version: history, counting for nothing. */
  get withdrawn(): boolean {
    return this.latest.status === 'withdrawn';
  }

  /** A revision is drafted or adopted but not yet approved, while an earlier version is in force. */
  get pendingRevision(): boolean {
    return this.inForce !== null && (this.latest.status === 'draft' || this.latest.status === 'adopted');
  }

  /**
   * What is accepted but worth saying about the latest version (ADR 0008: a period beyond five years);
   * nothing for a withdrawn project, which has no period left to align.
   */
  warnings(): RuleWarning[] {
    if (this.withdrawn) return [];
    return periodWarnings(this.latest.periodStart, this.latest.periodEnd);
  }

  /** The latest version, for a step: a withdrawn project takes none. */
  private openLatest(): ProjectVersion {
    if (this.withdrawn) throw ServiceProjectStepConflictError.withdrawn(this.latest);
    return this.latest;
  }

  /**
   * The latest version, for a step of the CMT or the board: it must stand at `status` (a draft to adopt, an
   * adopted text to approve), and the step's date `field` be recorded after it happened.
   */
  private latestAt(
    status: 'draft' | 'adopted',
    field: string,
    date: CalendarDate,
    today: CalendarDate,
    order: (current: ProjectVersion) => { notBefore: CalendarDate | null; rule: string; what: string },
  ): ProjectVersion {
    const current = this.openLatest();
    if (current.status !== status) {
      throw status === 'draft'
        ? ServiceProjectStepConflictError.notADraft(current)
        : ServiceProjectStepConflictError.notAdopted(current);
    }
    throwIfAny(recordedDateProblems(field, date, today, order(current)));
    return current;
  }

  /** Puts a changed text in place of the version with its number. */
  private replaceText(text: ProjectVersion): ProjectVersion {
    this.texts = this.texts.map((other) => (other.number === text.number ? text : other));
    this.aggregateVersion++;
    return text;
  }
}

function contentProblems(content: ProjectContent): RuleProblem[] {
  return [...periodProblems(content.periodStart, content.periodEnd), ...priorityProblems(content.priorities)];
}

/**
 * A step is recorded after it happened: its date is not in the future (Europe/Paris), nor before the step
 * it follows.
 */
function recordedDateProblems(
  field: string,
  date: CalendarDate,
  today: CalendarDate,
  order: { notBefore: CalendarDate | null; rule: string; what: string },
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (isAfter(date, today)) {
    problems.push({
      field,
      rule: 'not-in-future',
      message: `is after today (${today}): record a step once taken`,
    });
  }
  if (order.notBefore !== null && isBefore(date, order.notBefore)) {
    problems.push({ field, rule: order.rule, message: `is before ${order.what} (${order.notBefore})` });
  }
  return problems;
}

function throwIfAny(problems: RuleProblem[]): void {
  if (problems.length > 0) throw new ServiceProjectInvalidError(problems);
}

function copyContent(content: ProjectContent): ProjectContent {
  return {
    title: content.title,
    periodStart: content.periodStart,
    periodEnd: content.periodEnd,
    diagnosis: content.diagnosis,
    priorities: content.priorities.map((p) => ({ title: p.title, description: p.description })),
  };
}

function definedOnly(changes: RevisionChanges): RevisionChanges {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
}
