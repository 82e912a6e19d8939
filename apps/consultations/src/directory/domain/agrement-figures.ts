import type { CalendarDate } from '@tripartite/calendar';
import { stringify } from 'csv-stringify/sync';

/**
 * The year's agrément figures of a region (seed 002 I.2: the restricted formation "informés annuellement de
 * la politique régionale menée par la DIRECCTE en matière d'agrément"). Each decision counts once, in the year
 * of its date: `granted` an explicit grant (decided on the platform or recorded as it stood), `conditional` a
 * grant under D.4622-51 1°, `implicit` the silence of R.4622-52, `refused`, `withdrawn` (D.4622-51 2°);
 * `expiringNextYear` the agréments whose term ends the next year and that are neither withdrawn nor ended.
 */
export interface AgrementFigures {
  granted: number;
  conditional: number;
  implicit: number;
  refused: number;
  withdrawn: number;
  expiringNextYear: number;
}

export const decisionKinds = ['granted', 'conditional', 'implicit', 'refused', 'withdrawn'] as const;
export type DecisionKind = (typeof decisionKinds)[number];

/** A grant's kind: conditional when D.4622-51 1° applies, else granted. */
export function grantKind(grant: { conditional: boolean }): DecisionKind {
  return grant.conditional ? 'conditional' : 'granted';
}

/** The French headers of the figures' CSV, in order, with the field each shows. */
export const FIGURE_COLUMNS: readonly { field: keyof AgrementFigures; header: string }[] = [
  { field: 'granted', header: 'Agréments accordés' },
  { field: 'conditional', header: 'Agréments conditionnels' },
  { field: 'implicit', header: 'Agréments tacites' },
  { field: 'refused', header: 'Refus' },
  { field: 'withdrawn', header: 'Retraits' },
  { field: 'expiringNextYear', header: 'Agréments expirant l’année suivante' },
];

/**
 * The figures as the CSV the secretariat circulates: UTF-8 with a byte-order mark (spreadsheets read the
 * accents), `;` as separator (French locale), CRLF line ends, a first line of French headers.
 */
export function figuresCsv(report: { region: string; year: number }, figures: AgrementFigures): string {
  const headers = ['Région', 'Année', ...FIGURE_COLUMNS.map((c) => c.header)];
  const values = [report.region, String(report.year), ...FIGURE_COLUMNS.map((c) => String(figures[c.field]))];
  return stringify([headers, values], { bom: true, delimiter: ';', record_delimiter: '\r\n' });
}

/** The first and last day of a year. */
export function yearBounds(year: number): { from: CalendarDate; to: CalendarDate } {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
