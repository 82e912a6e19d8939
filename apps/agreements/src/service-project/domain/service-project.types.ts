import type { CalendarDate } from '@tripartite/calendar';

/** One action priority of the project: what the service means to do, drawn from its local diagnosis. */
export interface Priority {
  title: string;
  description: string;
}

/**
 * Where one version of the text stands (L.4622-14): drafted by the service, adopted by the commission
 * médico-technique (CMT), approved by the board (conseil d'administration). An approved version stays in
 * force until the next one is approved; it is then superseded. A version not yet approved may be
 * withdrawn by the service: it stays in the history, and no longer counts.
 */
export const versionStatuses = ['draft', 'adopted', 'approved', 'superseded', 'withdrawn'] as const;
export type VersionStatus = (typeof versionStatuses)[number];

/**
 * A project's status is its latest version's (the pending one, else the one in force): a superseded
 * version is never the latest, and a withdrawn one only when the project itself was withdrawn before
 * any approval.
 */
export const projectStatuses = ['draft', 'adopted', 'approved', 'withdrawn'] as const;
export type ServiceProjectStatus = (typeof projectStatuses)[number];

/** The text of one version: what the service drafts, and what a revision may change. */
export interface ProjectContent {
  title: string;
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  /** The local diagnostics the project starts from. */
  diagnosis: string;
  priorities: Priority[];
}

/** One version of the project: its text and the dates of its life. */
export interface ProjectVersion extends ProjectContent {
  /** 1 for the first text, then one more per revision. */
  number: number;
  status: VersionStatus;
  /** The day the service drafted this version: the day it was entered, or the revision's date. */
  draftedOn: CalendarDate;
  revisedOn: CalendarDate | null;
  revisionReason: string | null;
  adoptedOn: CalendarDate | null;
  /** What the CMT recorded with its adoption (minutes, remarks), if anything. */
  cmtText: string | null;
  approvedOn: CalendarDate | null;
  /** The day the service withdrew this version before the board approved it, and why. */
  withdrawnOn: CalendarDate | null;
  withdrawalReason: string | null;
}

/** A field-level problem: which field, which rule, why. Answered as the problem's `errors[]`. */
export type { RuleProblem } from '@tripartite/errors';

/** Something accepted but worth saying (answered in `warnings[]`, never refused). */
export interface RuleWarning {
  code: string;
  field: string;
  message: string;
}

/** The occupational health service a project belongs to, as the directory knows it now. */
export interface ProjectService {
  id: string;
  /** The directory's type: only an SSTI has a service project. */
  type: string;
  name: string;
  /** The project's regions are its service's. */
  regions: readonly string[];
  /** Its competent Caisse, which the project's events name (the Caisse, not every Caisse of the region, is told). */
  caisseId: string | null;
}

/** The organisations that draft a service project: inter-company services (L.4622-14), not SSTA. */
export const serviceTypes: readonly string[] = ['SSTI'];
