import type { CalendarDate } from '@tripartite/calendar';
import type {
  ConsultedBodyKind,
  indicatorDirections,
  indicatorFrequencies,
  indicatorKinds,
  indicatorPurposes,
  opinionOutcomes,
  PriorityOrigin,
} from '@tripartite/events';

/**
 * Everything the printed CPOM shows, as plain data, in the order of the note's chapters (seed 002, part II.4).
 * Whoever renders it (`renderCpomPdf`) reads nothing else: the CPOM slice builds one from a version of the
 * contract, its regional diagnosis, its opinions and its signatures. Codes (origins, outcomes, parties,
 * frequencies) are the catalogue's; the renderer turns them into French. Texts are shown as given.
 */
export interface CpomDocumentView {
  readonly title: CpomDocumentTitle;
  /** 1. Contexte. */
  readonly context: CpomDocumentContext;
  /** 2. Priorités partagées. */
  readonly priorities: readonly CpomDocumentPriority[];
  /** 3. Programmes d'actions: every action, under the priority it serves (`priorityId`). */
  readonly actions: readonly CpomDocumentAction[];
  /** 4. Suivi et évaluation. */
  readonly followUp: CpomDocumentFollowUp;
  /** 5. Annexes. */
  readonly annexes: readonly CpomDocumentAnnex[];
  /** 6. Avis des instances consultées (CRPRP or its successor, ARS: L.4622-10, D.4622-44). */
  readonly opinions: readonly CpomDocumentOpinion[];
  /** 7. Signatures, as given (none yet on a version not signed). */
  readonly signatures: readonly CpomDocumentSignature[];
  /** SHA-256 (hex) of the canonical content of the signed version; null before signature. */
  readonly contentHash: string | null;
}

/** The three parties of a CPOM (seed 002, part I), named as the CPOM slice names them (`cpomParties`). */
export type CpomParty = 'service' | 'direccte' | 'caisse';

export interface CpomDocumentTitle {
  readonly serviceName: string;
  readonly direccteName: string;
  readonly caisseName: string;
  /** The region's name as people write it ("Bretagne"), not its code. */
  readonly regionName: string;
  readonly periodStart: CalendarDate;
  readonly periodEnd: CalendarDate;
  /** The content version printed (1 when signed, one more per amendment). */
  readonly contentVersion: number;
  /** Where the contract stands, in French ("Signé", "En consultation"), shown under the title. */
  readonly statusLabel: string;
}

export interface CpomDocumentContext {
  /** The region's shared diagnosis, "en chapeau de tous les CPOM d'une même région" (seed 002, part II.4). */
  readonly regionalDiagnosis: {
    readonly title: string;
    readonly version: number;
    readonly diagnosedOn: CalendarDate;
    readonly summary: string;
  } | null;
  /** The common references: the PRST, the regional COG AT-MP (and any other named). */
  readonly commonReferences: readonly { readonly title: string; readonly reference: string | null }[];
  /** The service's own diagnosis of its territory. */
  readonly localDiagnosis: string;
}

export interface CpomDocumentPriority {
  readonly priorityId: string;
  readonly title: string;
  readonly origins: readonly PriorityOrigin[];
}

export interface CpomDocumentCommitment {
  readonly party: CpomParty;
  readonly text: string;
}

export interface CpomDocumentIndicator {
  readonly name: string;
  readonly kind: (typeof indicatorKinds)[number];
  readonly purpose: (typeof indicatorPurposes)[number];
  /** Quantitative only (null when qualitative). */
  readonly unit: string | null;
  readonly baseline: number | null;
  readonly target: number | null;
  readonly direction: (typeof indicatorDirections)[number] | null;
  readonly frequency: (typeof indicatorFrequencies)[number];
}

export interface CpomDocumentAction {
  readonly priorityId: string;
  readonly title: string;
  /** A code of the action-theme list (`actionThemes`; its French label is printed) or a region's own code. */
  readonly theme: string;
  /** Each party's explicit commitments. */
  readonly commitments: readonly CpomDocumentCommitment[];
  /** The means each party mobilises (reference-list labels or free text). */
  readonly means: readonly CpomDocumentCommitment[];
  readonly indicators: readonly CpomDocumentIndicator[];
  readonly expectedResults: string;
}

export interface CpomDocumentFollowUp {
  /** How often the three parties review the contract (at least yearly), in French ("annuelle"). */
  readonly reviewFrequency: string;
  /** The bodies informed (the service's CMT and board). */
  readonly bodiesInformed: readonly string[];
}

export interface CpomDocumentAnnex {
  /** Its kind in French ("Convention L.422-6", "Convention quadripartite OPPBTP", "Protocole de partenariat"). */
  readonly kind: string;
  readonly title: string;
  readonly date: CalendarDate | null;
  readonly parties: readonly string[];
  readonly reference: string | null;
}

export interface CpomDocumentOpinion {
  readonly bodyKind: ConsultedBodyKind;
  readonly bodyName: string;
  readonly deliveredOn: CalendarDate;
  readonly outcome: (typeof opinionOutcomes)[number];
  readonly text: string;
  /** The parties' written justification when they sign despite a reserved or unfavourable opinion. */
  readonly justification: string | null;
}

export interface CpomDocumentSignature {
  readonly party: CpomParty;
  readonly organisationName: string;
  readonly signatoryName: string;
  readonly signedOn: CalendarDate;
}
