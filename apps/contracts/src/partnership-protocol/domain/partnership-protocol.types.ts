import type { CalendarDate } from '@tripartite/calendar';
import type { partnershipThemes } from '@tripartite/events';

/** Negotiation → concluded → ended (seed 000: "la négociation puis … la conclusion de ces protocoles"). */
export const protocolStatuses = ['NEGOTIATION', 'CONCLUDED', 'ENDED'] as const;
export type ProtocolStatus = (typeof protocolStatuses)[number];

export type PartnershipTheme = (typeof partnershipThemes)[number];

/** A progress point on the protocol's actions, which the DIRECCTE follows (seed 000). */
export interface ProgressPoint {
  number: number;
  recordedOn: CalendarDate;
  summary: string;
}

/** The organisations of a protocol as the directory knows them when it is opened. */
export interface ProtocolParties {
  serviceId: string;
  caisseId: string;
  /** The DIRECCTE of the service's region: not a party, told at each step (seed 000). */
  direccteId: string;
  /** The service's regions. */
  regions: string[];
}

export interface ProtocolState extends ProtocolParties {
  title: string;
  themes: PartnershipTheme[];
  status: ProtocolStatus;
  openedOn: CalendarDate;
  concludedOn: CalendarDate | null;
  startsOn: CalendarDate | null;
  /** Null: concluded without a term. */
  endsOn: CalendarDate | null;
  endedOn: CalendarDate | null;
  endReason: string | null;
  progressPoints: ProgressPoint[];
}
