import type { CalendarDate } from '@tripartite/calendar';
import type { applicationKinds, complianceGrounds, inspectorVerdicts } from '@tripartite/events';

export type ApplicationKind = (typeof applicationKinds)[number];
export type InspectorVerdict = (typeof inspectorVerdicts)[number];
export type ComplianceGrounds = (typeof complianceGrounds)[number];

/**
 * Where an agrément stands. `granted` covers an agrément not started yet, in force, and (after its
 * end, until the expiry deadline records it) ended: `inForceOn` answers for a given day.
 */
export type AgreementStatus = 'requested' | 'granted' | 'refused' | 'withdrawn' | 'expired';

export interface InspectorOpinion {
  verdict: InspectorVerdict;
  givenOn: CalendarDate;
  text: string;
}

export interface AgreementLimits {
  maxEmployeesPerDoctor: number;
  maxEmployeesPerTeam: number | null;
  doctorsPerSector: { sector: string; doctors: number }[];
}

export interface Derogation {
  subject: string;
  periodicityMonths: number | null;
  conditions: {
    nurseInterviews: boolean;
    annualPluridisciplinaryActions: boolean;
    goodPracticeRecommendations: boolean;
  };
  text: string | null;
}

export interface ComplianceCommitment {
  description: string;
  dueOn: CalendarDate;
}

/** What the DIRECCTE found of one document it examines at renewal: its implementation, or that none exists. */
export type ExaminedDocument =
  | { exists: true; documentId: string | null; assessment: string }
  | { exists: false; note: string | null };

/**
 * "Au moment du renouvellement de l'agrément, la DIRECCTE examine la mise en œuvre du CPOM préalablement conclu
 * et celle du projet pluriannuel de service" (seed 002 I.1): recorded with every decision on a renewal.
 */
export interface RenewalExamination {
  cpom: ExaminedDocument;
  serviceProject: ExaminedDocument;
}

/** What the DIRECCTE decided, or what silence decided (R.4622-52). */
export type Decision =
  | {
      outcome: 'granted' | 'conditional';
      decidedOn: CalendarDate;
      limits: AgreementLimits;
      derogations: Derogation[];
      complianceCommitment: ComplianceCommitment | null;
      renewalExamination: RenewalExamination | null;
    }
  | {
      outcome: 'refused';
      decidedOn: CalendarDate;
      reasons: string;
      renewalExamination: RenewalExamination | null;
    }
  | { outcome: 'implicit'; decidedOn: CalendarDate };

export type NoticeStatus = 'open' | 'met' | 'lapsed';

/** A mise en demeure (D.4622-51 2°): comply by a deadline at most six months after the notice. */
export interface ComplianceNotice {
  id: string;
  grounds: ComplianceGrounds;
  noticeOn: CalendarDate;
  deadlineOn: CalendarDate;
  text: string;
  status: NoticeStatus;
  metOn: CalendarDate | null;
}

/** A withdrawal or a shortening, decided after a lapsed notice (D.4622-51 2°). */
export interface Sanction {
  kind: 'withdrawal' | 'shortening';
  decidedOn: CalendarDate;
  noticeId: string;
  grounds: ComplianceGrounds;
  text: string;
  previousValidUntil: CalendarDate;
}

/** After a withdrawal or shortening the service's president informs every member company (D.4622-51). */
export interface MemberInformationTask {
  dueSince: CalendarDate;
  doneOn: CalendarDate | null;
  text: string | null;
}

/** SSTI (inter-company) or SSTA (autonomous): only an SSTI has a service project and a CPOM (L.4622-14, L.4622-10). */
export type ServiceType = 'SSTI' | 'SSTA';

/** Who the agrément is for, copied from the directory when the application is filed (or the agrément recorded). */
export interface AgreementService {
  serviceId: string;
  serviceName: string;
  serviceType: ServiceType;
  regions: string[];
  employeesFollowed: number | null;
  /** The service's competent Caisse (an SSTI's, chosen per service); null for an SSTA or while unknown. */
  caisseId: string | null;
}

/**
 * How the agrément came onto the platform: through an application filed here, or recorded as it already was
 * when the region joined (granted years before, with its real dates: ADR 0009).
 */
export type AgreementOrigin =
  | { kind: 'application' }
  | { kind: 'existing'; reference: string | null; recordedOn: CalendarDate };

export interface AgreementState extends AgreementService {
  origin: AgreementOrigin;
  application: ApplicationKind;
  /** The day the complete application reached the DIRECCTE; null for an agrément recorded as existing. */
  filedOn: CalendarDate | null;
  /** Complete application + four months: silence after that is an implicit agrément (R.4622-52); null if recorded. */
  decisionDueOn: CalendarDate | null;
  previousAgreementId: string | null;
  lateRenewal: boolean;
  status: AgreementStatus;
  inspectorOpinion: InspectorOpinion | null;
  decision: Decision | null;
  conditional: boolean;
  validFrom: CalendarDate | null;
  validUntil: CalendarDate | null;
  /** The renewal that took over from this one. */
  supersededBy: string | null;
  notices: ComplianceNotice[];
  sanction: Sanction | null;
  memberInformation: MemberInformationTask | null;
}
