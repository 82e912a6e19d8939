import type { CalendarDate } from '@tripartite/calendar';
import type { ConsultedBodyKind, consultationCloseReasons, opinionOutcomes } from '@tripartite/events';
import type { Recusal } from '../../body/domain/recusal.rule';
import type { PlanStep } from '../../consultation-plan/domain/consultation-plan';

export type ConsultationStatus = 'pending' | 'delivered' | 'closed';
export type OpinionOutcome = (typeof opinionOutcomes)[number];
export type CloseReason = (typeof consultationCloseReasons)[number];

export interface Votes {
  for: number;
  against: number;
  abstentions: number;
}

/** The session where a college body examines the CPOM, with the members who do not sit (D.4622-44). */
export interface Session {
  sessionOn: CalendarDate;
  recused: Recusal[];
}

/** A recused member who sat all the same, on a written justification (audited). */
export interface RecusalOverride {
  justification: string;
  members: Recusal[];
}

export interface Opinion {
  outcome: OpinionOutcome;
  deliveredOn: CalendarDate;
  text: string;
  /** Who sat and counts for attendance: the members present, less the recused (D.4622-44). */
  attending: { memberId: string; name: string }[];
  /** The members recused on the session day, whether or not they came. */
  recused: Recusal[];
  /** The college body's votes; null for the ARS. */
  votes: Votes | null;
  override: RecusalOverride | null;
}

/** What the consultation knows of the CPOM version it bears on (from `contract.submitted`). */
export interface ConsultedContract {
  contractId: string;
  contractVersion: number;
  serviceId: string;
  caisseId: string;
  direccteId: string;
  regions: string[];
}

export interface ConsultationState extends ConsultedContract {
  id: string;
  planId: string;
  step: PlanStep;
  bodyId: string;
  bodyKind: ConsultedBodyKind;
  bodyName: string;
  consultedOrganisationId: string;
  status: ConsultationStatus;
  requestedOn: CalendarDate;
  answerDueOn: CalendarDate;
  session: Session | null;
  opinion: Opinion | null;
  closedOn: CalendarDate | null;
  closeReason: CloseReason | null;
  version: number;
}
