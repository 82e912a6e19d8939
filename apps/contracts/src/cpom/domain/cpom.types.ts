import type { CalendarDate } from '@tripartite/calendar';
import type {
  indicatorDirections,
  indicatorFrequencies,
  indicatorKinds,
  indicatorPurposes,
  PriorityOrigin,
} from '@tripartite/events';

/**
 * A CPOM's contents in the order of seed 002 part II.4: context, shared priorities, action programmes
 * (each party's commitments, means, indicators, expected results), follow-up, annexes.
 */

/** The three contracting parties (L.4622-10): the SSTi, the DIRECCTE of its region, its competent Caisse. */
export const cpomParties = ['service', 'direccte', 'caisse'] as const;
export type CpomParty = (typeof cpomParties)[number];

/** Seed 002 II.4, "Le contexte". */
export interface CpomContext {
  /** The region's shared diagnosis, "en chapeau de tous les CPOM d'une même région" (regional-diagnoses). */
  regionalDiagnosisId: string | null;
  /** Common references: the regional health-at-work plan (PRST) and the regional COG AT-MP. */
  commonReferences: { prst: string | null; cogAtmp: string | null };
  /** The service's local diagnosis. */
  localDiagnosis: string;
}

export interface CpomPriorityContent {
  priorityId: string;
  title: string;
  /** Where it comes from: service project, PRST, COG AT-MP, common to DIRECCTE and Caisse (seed 002 II.4). */
  origins: PriorityOrigin[];
  /** Other services of the region sharing this priority ("certaines priorités pourront être communes"). */
  sharedWithServiceIds: string[];
}

/** A means a party mobilises: a code of the note's reference list for the DIRECCTE and the Caisse, or free text. */
export interface CpomMean {
  party: 'direccte' | 'caisse';
  code: string | null;
  text: string | null;
}

export interface CpomIndicatorContent {
  indicatorId: string;
  name: string;
  kind: (typeof indicatorKinds)[number];
  purpose: (typeof indicatorPurposes)[number];
  unit: string | null;
  baseline: number | null;
  target: number | null;
  direction: (typeof indicatorDirections)[number] | null;
  frequency: (typeof indicatorFrequencies)[number];
}

export interface CpomActionContent {
  actionId: string;
  priorityId: string;
  title: string;
  /** A code of `actionThemes`, or an extension code of the region. */
  theme: string;
  /** "les engagements respectifs de chacune des trois parties contractantes" (seed 002 II.4); '' while missing. */
  commitments: Record<CpomParty, string>;
  means: CpomMean[];
  indicators: CpomIndicatorContent[];
  expectedResults: string;
}

export const followUpBodies = ['cmt', 'board'] as const;
export const reviewFrequencies = ['yearly', 'half_yearly'] as const;

/** Seed 002 II.4: "un examen au moins annuel par les trois parties", the CMT and the board informed. */
export interface CpomFollowUp {
  reviewFrequency: (typeof reviewFrequencies)[number];
  bodiesInformed: (typeof followUpBodies)[number][];
}

export const annexKinds = [
  'l422_6_convention',
  'oppbtp_convention',
  'partnership_protocol',
  'other',
] as const;
export type AnnexKind = (typeof annexKinds)[number];

export interface CpomAnnex {
  kind: AnnexKind;
  title: string;
  date: CalendarDate | null;
  parties: string[];
  reference: string | null;
}

/** What the parties write and sign: the text of one content version. */
export interface CpomContent {
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  context: CpomContext;
  priorities: CpomPriorityContent[];
  actions: CpomActionContent[];
  followUp: CpomFollowUp;
  annexes: CpomAnnex[];
}

export const cpomStatuses = [
  'DRAFT',
  'IN_CONSULTATION',
  'READY_TO_SIGN',
  'SIGNED',
  'EXPIRED',
  'EVALUATED',
] as const;
export type CpomStatus = (typeof cpomStatuses)[number];

/** The three parties' organisations and where the CPOM lives. */
export interface CpomPartiesIds {
  serviceId: string;
  direccteId: string;
  caisseId: string;
  regions: string[];
}

export type OpinionOutcome = 'favourable' | 'unfavourable' | 'reserved';

/** An opinion of a consulted body (CRPRP or its successor, ARS: L.4622-10, D.4622-44), kept with its version. */
export interface CpomOpinion {
  consultationId: string;
  contentVersion: number;
  bodyKind: string;
  bodyName: string;
  outcome: OpinionOutcome;
  deliveredOn: CalendarDate;
  text: string;
}

export interface CpomSignature {
  party: CpomParty;
  organisationId: string;
  /** Who signed: the token's subject and roles. */
  signatory: string;
  role: string;
  signedOn: CalendarDate;
  /** Required when an opinion on the version is unfavourable or reserved. */
  justification: string | null;
}

/** A frozen, signed content version with the SHA-256 of its canonical form (tamper evidence). */
export interface CpomSignedVersion {
  number: number;
  content: CpomContent;
  contentHash: string;
  signedOn: CalendarDate;
  /** 0 for the CPOM itself, n for the n-th amendment. */
  amendmentNumber: number;
}

/** One indicator's value or comment at a review or at the final evaluation. */
export interface IndicatorReading {
  indicatorId: string;
  value: number | null;
  comment: string | null;
}

/** "Un examen au moins annuel par les trois parties contractantes" (seed 002 II.4). */
export interface CpomReview {
  reviewId: string;
  reviewedOn: CalendarDate;
  /** The review date it answers. */
  dueOn: CalendarDate | null;
  participants: { name: string; party: CpomParty; function: string | null }[];
  indicators: IndicatorReading[];
  difficulties: string;
  /** Decisions: changed modalities of actions, or new priorities (which then need an amendment). */
  decisions: string;
}

/** "Une évaluation et un bilan" at the term (seed 002 II.4), weighed at the agrément renewal. */
export interface CpomEvaluation {
  evaluatedOn: CalendarDate;
  summary: string;
  indicators: IndicatorReading[];
}

/** An amendment (avenant) to a signed CPOM (D.4622-47; seed 002 II.4): the full new text, signed by the three parties. */
export interface CpomAmendment {
  number: number;
  /** The content version it was drafted on. */
  basedOnVersion: number;
  draftedOn: CalendarDate;
  summary: string;
  content: CpomContent;
  status: 'DRAFT' | 'SIGNED';
  signatures: CpomSignature[];
  signedOn: CalendarDate | null;
}
