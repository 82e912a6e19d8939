import type { CalendarDate } from '@tripartite/calendar';
import type { RuleProblem } from '@tripartite/errors';

export type { RuleProblem };

/** What a version of the regional diagnosis says, as its authors write it. */
export interface DiagnosisContent {
  title: string;
  /** The diagnosis itself: the region's health-at-work situation the CPOMs start from. */
  summary: string;
  /** What it rests on (PRST, AT-MP statistics, the services' reports…), one label each. */
  sources: string[];
  /** The day the diagnosis was established (shared by the DIRECCTE and the Caisse). */
  diagnosedOn: CalendarDate;
}

/** One version of the diagnosis: its text, when it was recorded and by which organisation. */
export interface DiagnosisVersion extends DiagnosisContent {
  number: number;
  recordedOn: CalendarDate;
  /** The organisation of who recorded it (the DIRECCTE or the Caisse); null for an administrator. */
  recordedBy: string | null;
}
