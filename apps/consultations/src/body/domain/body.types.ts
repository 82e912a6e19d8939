import type { CalendarDate } from '@tripartite/calendar';
import type { ConsultedBodyKind } from '@tripartite/events';

/** A consulted body, with the period it existed (bodies changed over time: seed 002 I.2, domain.md). */
export interface Body {
  id: string;
  kind: ConsultedBodyKind;
  region: string;
  name: string;
  /** The organisation of the directory that answers for it: its secretariat (a CRPRP) or the ARS. */
  organisationId: string;
  validFrom: CalendarDate;
  validUntil: CalendarDate | null;
  version: number;
}

/**
 * The colleges of the restricted formation (seed 002 I.2: "une formation restreinte composée des colleges des
 * représentants des administrations de l'Etat et des représentants des organisations d'employeurs et de
 * salariés"). The seeds name no college of qualified persons.
 */
export const colleges = ['state', 'employers', 'employees'] as const;
export type College = (typeof colleges)[number];

/** How a declaration of interests (D.4641-34) links a member to an organisation. */
export const interestLinks = ['board_seat', 'employment', 'mandate'] as const;
export type InterestLink = (typeof interestLinks)[number];

export interface DeclaredInterest {
  organisationId: string;
  link: InterestLink;
  from: CalendarDate;
  until: CalendarDate | null;
}

export interface Member {
  id: string;
  bodyId: string;
  name: string;
  college: College;
  /** The organisation the member represents (an administration, an employers' or employees' organisation). */
  organisationId: string | null;
  email: string;
  mandateFrom: CalendarDate;
  mandateUntil: CalendarDate | null;
  interests: DeclaredInterest[];
  version: number;
}

/** Whether `on` lies within `[from, until]` (an open end runs on). */
export function within(on: CalendarDate, from: CalendarDate, until: CalendarDate | null): boolean {
  return from <= on && (until === null || on <= until);
}
