import { z } from 'zod';
import { calendarDateSchema } from '../calendar-date';
import { defineEvent } from '../event-definition';
import { regionCodeSchema } from '../event-envelope';

/** What every agrément event says of its subject, so a consumer needs no lookup to address people. */
const agreementSubject = {
  agreementId: z.uuid(),
  serviceId: z.uuid(),
  serviceName: z.string().min(1),
  regions: z.array(regionCodeSchema).min(1),
  /**
   * Added without a new version (optional: events written before it stay valid). SSTI or SSTA: an SSTA has
   * no service project and no CPOM (L.4622-14, L.4622-10).
   */
  serviceType: z.enum(['SSTI', 'SSTA']).optional(),
  /** The service's competent Caisse (null for an SSTA or while none is known); optional like serviceType. */
  caisseId: z.uuid().nullable().optional(),
};

export const applicationKinds = ['first', 'renewal'] as const;
export const inspectorVerdicts = ['favourable', 'unfavourable', 'reserved'] as const;
/** Grounds of a compliance notice or a withdrawal (D.4622-51); `no_cpom` is the one seed 002 I.1 names. */
export const complianceGrounds = ['no_cpom', 'staffing_limits', 'prescriptions_not_met', 'other'] as const;

/** What a decision fixes (seed 002 I.1: "fixe les effectifs maximum… le nombre de médecins du travail par secteur"). */
export const agreementLimitsSchema = z.object({
  maxEmployeesPerDoctor: z.number().int().positive(),
  maxEmployeesPerTeam: z.number().int().positive().nullable(),
  doctorsPerSector: z.array(z.object({ sector: z.string().min(1), doctors: z.number().int().nonnegative() })),
});

/** A derogation to the periodicity of medical visits and the conditions it comes with (seed 002 I.1). */
export const derogationSchema = z.object({
  subject: z.string().min(1),
  periodicityMonths: z.number().int().positive().nullable(),
  conditions: z.object({
    nurseInterviews: z.boolean(),
    annualPluridisciplinaryActions: z.boolean(),
    goodPracticeRecommendations: z.boolean(),
  }),
  text: z.string().nullable(),
});

export const complianceCommitmentSchema = z.object({
  description: z.string().min(1),
  dueOn: calendarDateSchema,
});

/** What the DIRECCTE found of one document at renewal: its implementation, or that none exists. */
export const examinedDocumentSchema = z.discriminatedUnion('exists', [
  z.object({ exists: z.literal(true), documentId: z.uuid().nullable(), assessment: z.string().min(1) }),
  z.object({ exists: z.literal(false), note: z.string().min(1).nullable() }),
]);

/** "Au moment du renouvellement… la DIRECCTE examine la mise en œuvre du CPOM… et celle du projet pluriannuel de service" (seed 002 I.1). */
export const renewalExaminationSchema = z.object({
  cpom: examinedDocumentSchema,
  serviceProject: examinedDocumentSchema,
});

export const agreementRequested = defineEvent(
  'agreement.requested',
  1,
  z.object({
    ...agreementSubject,
    application: z.enum(applicationKinds),
    filedOn: calendarDateSchema,
    decisionDueOn: calendarDateSchema,
    previousAgreementId: z.uuid().nullable(),
    /** A renewal filed less than four months before the end (D.4622-50): accepted, flagged. */
    lateRenewal: z.boolean(),
  }),
  'A service filed an agrément application (first or renewal).',
);

export const agreementInspectorOpinionRecorded = defineEvent(
  'agreement.inspector_opinion_recorded',
  1,
  z.object({
    ...agreementSubject,
    verdict: z.enum(inspectorVerdicts),
    givenOn: calendarDateSchema,
    text: z.string(),
  }),
  "The médecin inspecteur du travail's opinion on an application was recorded (D.4622-48).",
);

/** What an explicit grant fixes, decided on the platform or recorded as it stood (D.4622-48, D.4622-51 1°). */
const grantFields = {
  decidedOn: calendarDateSchema,
  validFrom: calendarDateSchema,
  validUntil: calendarDateSchema,
  conditional: z.boolean(),
  complianceCommitment: complianceCommitmentSchema.nullable(),
  limits: agreementLimitsSchema,
  derogations: z.array(derogationSchema),
  employeesFollowed: z.number().int().nonnegative().nullable(),
};

export const agreementGranted = defineEvent(
  'agreement.granted',
  1,
  z.object({
    ...agreementSubject,
    ...grantFields,
    renewalOf: z.uuid().nullable(),
    /** With a renewal only; added without a new version (optional: older events stay valid). */
    renewalExamination: renewalExaminationSchema.nullable().optional(),
  }),
  'The DIRECCTE granted an agrément, possibly conditional (D.4622-48, D.4622-51 1°).',
);

export const agreementRefused = defineEvent(
  'agreement.refused',
  1,
  z.object({
    ...agreementSubject,
    decidedOn: calendarDateSchema,
    reasons: z.string().min(1),
    /** With a renewal only; added without a new version (optional: older events stay valid). */
    renewalExamination: renewalExaminationSchema.nullable().optional(),
  }),
  'The DIRECCTE refused an application, with its reasons.',
);

export const agreementRecorded = defineEvent(
  'agreement.recorded',
  1,
  z.object({
    ...agreementSubject,
    /** `granted` while its period runs (or has yet to start), `expired` once it has ended. */
    status: z.enum(['granted', 'expired']),
    ...grantFields,
    /** The decision's reference (arrêté, letter…) as the DIRECCTE files it. */
    reference: z.string().min(1).nullable(),
  }),
  'An agrément granted before the region joined the platform was recorded with its real dates: consumers ' +
    'count it like a granted one; nobody is told of a new decision.',
);

export const agreementImplicitlyGranted = defineEvent(
  'agreement.implicitly_granted',
  1,
  z.object({
    ...agreementSubject,
    decisionDueOn: calendarDateSchema,
    validFrom: calendarDateSchema,
    validUntil: calendarDateSchema,
    employeesFollowed: z.number().int().nonnegative().nullable(),
    renewalOf: z.uuid().nullable(),
  }),
  'No decision four months after a complete application: the agrément is implicitly granted (R.4622-52).',
);

export const agreementDecisionDue = defineEvent(
  'agreement.decision_due',
  1,
  z.object({ ...agreementSubject, decisionDueOn: calendarDateSchema, daysLeft: z.number().int() }),
  'Warning to the DIRECCTE: without a decision by this date the agrément becomes implicit (R.4622-52).',
);

const noticeFields = {
  noticeId: z.uuid(),
  grounds: z.enum(complianceGrounds),
  deadlineOn: calendarDateSchema,
};

export const agreementComplianceNoticeIssued = defineEvent(
  'agreement.compliance_notice_issued',
  1,
  z.object({ ...agreementSubject, ...noticeFields, noticeOn: calendarDateSchema, text: z.string() }),
  'The DIRECCTE put the service on notice to comply within at most six months (D.4622-51 2°).',
);

export const agreementComplianceNoticeDue = defineEvent(
  'agreement.compliance_notice_due',
  1,
  z.object({ ...agreementSubject, ...noticeFields, daysLeft: z.number().int() }),
  'Reminder: the deadline of a compliance notice comes soon.',
);

export const agreementComplianceNoticeMet = defineEvent(
  'agreement.compliance_notice_met',
  1,
  z.object({ ...agreementSubject, ...noticeFields, metOn: calendarDateSchema }),
  'The DIRECCTE recorded that the service complied in time: no withdrawal may follow this notice.',
);

export const agreementComplianceNoticeLapsed = defineEvent(
  'agreement.compliance_notice_lapsed',
  1,
  z.object({ ...agreementSubject, ...noticeFields }),
  'A compliance notice passed its deadline without compliance: withdrawal or shortening is now open.',
);

export const agreementShortened = defineEvent(
  'agreement.shortened',
  1,
  z.object({
    ...agreementSubject,
    decidedOn: calendarDateSchema,
    previousValidUntil: calendarDateSchema,
    validUntil: calendarDateSchema,
    grounds: z.enum(complianceGrounds),
    text: z.string(),
    /** D.4622-51: the service's president must now inform every member company. */
    memberCompaniesToInform: z.literal(true),
  }),
  'The DIRECCTE shortened an agrément after a lapsed compliance notice (D.4622-51 2°).',
);

export const agreementWithdrawn = defineEvent(
  'agreement.withdrawn',
  1,
  z.object({
    ...agreementSubject,
    withdrawnOn: calendarDateSchema,
    grounds: z.enum(complianceGrounds),
    text: z.string(),
    memberCompaniesToInform: z.literal(true),
  }),
  'The DIRECCTE withdrew an agrément after a lapsed compliance notice (D.4622-51 2°).',
);

export const agreementRenewalDue = defineEvent(
  'agreement.renewal_due',
  1,
  z.object({
    ...agreementSubject,
    validUntil: calendarDateSchema,
    /** Last day to file the renewal application: four months before the end (D.4622-50). */
    filingDeadline: calendarDateSchema,
    /** Which reminder this is, as an ISO duration before the filing deadline (P6M, P3M, P1M, P7D). */
    reminder: z.string().min(1),
  }),
  'Reminder to the service (and the DIRECCTE): the renewal application is due soon (D.4622-50).',
);

export const agreementExpired = defineEvent(
  'agreement.expired',
  1,
  z.object({
    ...agreementSubject,
    validUntil: calendarDateSchema,
    /** The renewal that takes over the next day, if one was granted. */
    renewedBy: z.uuid().nullable(),
  }),
  'An agrément reached its end date.',
);
