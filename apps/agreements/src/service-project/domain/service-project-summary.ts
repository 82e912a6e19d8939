import type { CalendarDate } from '@tripartite/calendar';
import type { ServiceProject } from './service-project';
import type { ServiceProjectStatus } from './service-project.types';

/**
 * What other parts of the agreements service need of a service's project, as plain data: at the
 * renewal of an agrément, "la DIRECCTE examine la mise en œuvre … du projet pluriannuel de service"
 * (seed 002, part I.1). The figures are those of the version in force, else of the latest version.
 */
export interface ServiceProjectSummary {
  projectId: string;
  title: string;
  projectVersion: number;
  status: ServiceProjectStatus;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  /** The titles of the action priorities. */
  priorities: string[];
  adoptedOn: CalendarDate | null;
  approvedOn: CalendarDate | null;
  /** A newer version is drafted or adopted but not yet approved. */
  pendingRevision: boolean;
}

/**
 * The project that speaks for a service: one with a version in force (the one whose period covers
 * `today`, else the one starting last); when none was approved, the latest drafted. A withdrawn project
 * never speaks for its service: it is history.
 * `projects` come newest first.
 */
export function projectSpeakingFor(
  projects: readonly ServiceProject[],
  today: CalendarDate,
): ServiceProject | null {
  const standing = projects.filter((project) => !project.withdrawn);
  const approved = standing.filter((project) => project.inForce !== null);
  if (approved.length === 0) return standing[0] ?? null;
  const covering = approved.find(
    (project) => project.inForce!.periodStart <= today && today <= project.inForce!.periodEnd,
  );
  if (covering) return covering;
  return [...approved].sort((a, b) => (a.inForce!.periodStart < b.inForce!.periodStart ? 1 : -1))[0];
}

export function summaryOf(project: ServiceProject): ServiceProjectSummary {
  const text = project.inForce ?? project.latest;
  return {
    projectId: project.id,
    title: text.title,
    projectVersion: text.number,
    // The version in force is approved; the latest is never superseded.
    status: text.status as ServiceProjectStatus,
    periodStart: text.periodStart,
    periodEnd: text.periodEnd,
    priorities: text.priorities.map((priority) => priority.title),
    adoptedOn: text.adoptedOn,
    approvedOn: text.approvedOn,
    pendingRevision: project.pendingRevision,
  };
}
