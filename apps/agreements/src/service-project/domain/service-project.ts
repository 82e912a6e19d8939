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
 * again; the last approved version stays in force until the next one is approved.
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
    const current = this.latest;
    if (current.status !== 'draft') throw ServiceProjectStepConflictError.notADraft(current);
    throwIfAny(
      recordedDateProblems('adoptedOn', step.adoptedOn, today, {
        notBefore: current.revisedOn,
        rule: 'not-before-revision',
        what: 'the revision it adopts',
      }),
    );
    return this.replaceLatest({
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
    const current = this.latest;
    if (current.status !== 'adopted') throw ServiceProjectStepConflictError.notAdopted(current);
    throwIfAny(
      recordedDateProblems('approvedOn', step.approvedOn, today, {
        notBefore: current.adoptedOn,
        rule: 'not-before-adoption',
        what: 'the CMT adoption',
      }),
    );
    this.texts = this.texts.map((text) =>
      text.status === 'approved' ? { ...text, status: 'superseded' as const } : text,
    );
    return this.replaceLatest({ ...current, status: 'approved', approvedOn: step.approvedOn });
  }

  /**
   * The project "peut être révisé régulièrement" (L.4622-14): a new draft, copied from the version in force
   * with the changes, which goes through the CMT and the board again. One revision at a time: the version
   * in force must be the latest.
   */
  revise(
    step: { revisedOn: CalendarDate; reason: string; changes: RevisionChanges },
    today: CalendarDate,
  ): ProjectVersion {
    const current = this.latest;
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
      number: current.number + 1,
      status: 'draft',
      draftedOn: step.revisedOn,
      revisedOn: step.revisedOn,
      revisionReason: step.reason,
      adoptedOn: null,
      cmtText: null,
      approvedOn: null,
    });
    this.aggregateVersion++;
    return this.latest;
  }

  get version(): number {
    return this.aggregateVersion;
  }

  /** Every version, the first text first. */
  get versions(): readonly ProjectVersion[] {
    return this.texts;
  }

  /** The version being worked on, or the one in force when nothing is pending. */
  get latest(): ProjectVersion {
    return this.texts[this.texts.length - 1];
  }

  /** The approved version that applies, if the board approved one; it stays until the next approval. */
  get inForce(): ProjectVersion | null {
    return this.texts.find((text) => text.status === 'approved') ?? null;
  }

  get status(): ServiceProjectStatus {
    return this.latest.status as ServiceProjectStatus;
  }

  /** A revision (version 2 or later) is drafted or adopted but not yet approved. */
  get pendingRevision(): boolean {
    return this.latest.number > 1 && this.latest.status !== 'approved';
  }

  /** What is accepted but worth saying about the latest version (ADR 0008: a period beyond five years). */
  warnings(): RuleWarning[] {
    return periodWarnings(this.latest.periodStart, this.latest.periodEnd);
  }

  private replaceLatest(text: ProjectVersion): ProjectVersion {
    this.texts[this.texts.length - 1] = text;
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
