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

/** What the DIRECCTE decided, or what silence decided (R.4622-52). */
export type Decision =
  | {
      outcome: 'granted' | 'conditional';
      decidedOn: CalendarDate;
      limits: AgreementLimits;
      derogations: Derogation[];
      complianceCommitment: ComplianceCommitment | null;
    }
  | { outcome: 'refused'; decidedOn: CalendarDate; reasons: string }
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

/** Who the agrément is for, copied from the directory when the application is filed. */
export interface AgreementService {
  serviceId: string;
  serviceName: string;
  regions: string[];
  employeesFollowed: number | null;
}

export interface AgreementState extends AgreementService {
  application: ApplicationKind;
  filedOn: CalendarDate;
  /** Complete application + four months: silence after that is an implicit agrément (R.4622-52). */
  decisionDueOn: CalendarDate;
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
