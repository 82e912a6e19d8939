import type { EventEnvelope, PayloadOf, PlatformEventType } from '@tripartite/events';
import type { CommonTemplateData } from '../../templates/notification-template';
import type { TemplateDataOf, TemplateKey } from '../../templates/template-catalogue';
import {
  APPLICATION_IN_WORDS,
  COMPLIANCE_GROUNDS_IN_WORDS,
  CONSULTED_BODY_IN_WORDS,
  durationInWords,
  frenchList,
  numberInWords,
  OPINION_IN_WORDS,
  PARTNERSHIP_THEME_IN_WORDS,
  regionsInWords,
} from './french-wording';
import type { Party, PartyNames } from './parties.rule';

type EnvelopeFor<T extends PlatformEventType> = EventEnvelope<PayloadOf<T>, T>;

/** Who is told about one event type, why, and with which message. */
export interface NotificationRule<T extends PlatformEventType, K extends TemplateKey> {
  template: K;
  /**
   * The parties whose contacts who accept notifications receive the message (see `parties.rule.ts` for
   * how each is found in the directory). Their order is the order of the recipients.
   */
  to: readonly Party[];
  /** Why these recipients, with the rule's source when the law names one. */
  why: string;
  /** Path of the resource concerned, appended to the platform's public address. */
  link(event: EnvelopeFor<T>): string;
  /** What the template shows besides the recipient and the link; `names` are the parties' names. */
  data(event: EnvelopeFor<T>, names: PartyNames): Omit<TemplateDataOf<K>, keyof CommonTemplateData>;
}

/** A rule of event type `T`, with whichever template (the template fixes the data's type). */
export type RuleOf<T extends PlatformEventType> = { [K in TemplateKey]: NotificationRule<T, K> }[TemplateKey];

const SERVICE_AND_DIRECCTE: readonly Party[] = ['service', 'direccte'];
/**
 * An agrément decision or an approved service project matters to the future CPOM's parties: the third is
 * the Caisse competent for the service, never every Caisse of its region, and none for an SSTA (L.4622-10).
 */
const AGREEMENT_PARTIES: readonly Party[] = ['service', 'direccte', 'competentCaisse'];
const CPOM_PARTIES: readonly Party[] = ['service', 'caisse', 'direccte'];
const CONSULTATION_PARTIES: readonly Party[] = ['consulted', 'service', 'caisse', 'direccte'];

const agreementLink = (e: { payload: { agreementId: string } }) =>
  `/api/v1/agreements/${e.payload.agreementId}`;
const projectLink = (e: { payload: { projectId: string } }) =>
  `/api/v1/service-projects/${e.payload.projectId}`;
const contractLink = (e: { payload: { contractId: string } }) => `/api/v1/cpoms/${e.payload.contractId}`;
const consultationLink = (e: { payload: { consultationId: string } }) =>
  `/api/v1/consultations/${e.payload.consultationId}`;
const reportLink = (e: { payload: { reportId: string } }) =>
  `/api/v1/agrement-policy-reports/${e.payload.reportId}`;
const report = (e: { payload: { reportId: string; year: number; regions: string[] } }) => ({
  reportId: e.payload.reportId,
  year: e.payload.year,
  ...regionsInWords(e.payload.regions),
});
const votesInWords = (votes: { for: number; against: number; abstentions: number } | null) =>
  votes
    ? `${votes.for} pour, ${votes.against} contre, ${votes.abstentions} abstention${votes.abstentions > 1 ? 's' : ''}`
    : '';
const CLOSE_REASON_IN_WORDS: Readonly<Record<string, string>> = {
  superseded: 'une nouvelle version du projet de CPOM a été soumise',
  submission_withdrawn: 'la soumission du projet de CPOM a été retirée',
};

type AgreementPayload = { agreementId: string; regions: string[] };
const agreement = (e: { payload: AgreementPayload }, names: PartyNames) => ({
  agreementId: e.payload.agreementId,
  service: names.service,
  direccte: names.direccte,
  ...regionsInWords(e.payload.regions),
});
/** The decision and period of an explicit grant, decided on the platform or recorded as it stood. */
const grantPeriod = (
  p: Pick<PayloadOf<'agreement.granted'>, 'decidedOn' | 'validFrom' | 'validUntil' | 'conditional'>,
) => ({
  decidedOn: p.decidedOn,
  validFrom: p.validFrom,
  validUntil: p.validUntil,
  conditional: p.conditional,
});
const grounds = (code: string) => COMPLIANCE_GROUNDS_IN_WORDS[code] ?? code;

type ProjectPayload = PayloadOf<'service_project.adopted'>;
const project = (e: { payload: Omit<ProjectPayload, 'adoptedOn'> }, names: PartyNames) => ({
  projectId: e.payload.projectId,
  service: names.service,
  projectVersion: e.payload.projectVersion,
  periodStart: e.payload.periodStart,
  periodEnd: e.payload.periodEnd,
  priorities: [...e.payload.priorities],
});

/** How a lapse reads in a sentence: "L’agrément de X {reasonText} le …". */
const AGREEMENT_LAPSE_IN_WORDS: Record<'withdrawn' | 'refused_at_renewal' | 'expired', string> = {
  withdrawn: 'a été retiré',
  refused_at_renewal: 'n’a pas été renouvelé (refus de renouvellement)',
  expired: 'a expiré sans renouvellement',
};

const contract = (e: { payload: { contractId: string; regions: string[] } }, names: PartyNames) => ({
  contractId: e.payload.contractId,
  service: names.service,
  caisse: names.caisse,
  direccte: names.direccte,
  ...regionsInWords(e.payload.regions),
});

/** Seed 000: the DIRECCTE is told of every step of a protocol; the service and the Caisse are its parties. */
const PROTOCOL_PARTIES: readonly Party[] = ['direccte', 'service', 'caisse'];
const protocolLink = (e: { payload: { protocolId: string } }) =>
  `/api/v1/partnership-protocols/${e.payload.protocolId}`;
type ProtocolPayload = { protocolId: string; regions: string[]; themes: readonly string[] };
const protocol = (e: { payload: ProtocolPayload }, names: PartyNames) => ({
  protocolId: e.payload.protocolId,
  service: names.service,
  caisse: names.caisse,
  direccte: names.direccte,
  themes: frenchList(e.payload.themes.map((theme) => PARTNERSHIP_THEME_IN_WORDS[theme] ?? theme)),
  ...regionsInWords(e.payload.regions),
});

type ConsultationPayload = Pick<
  PayloadOf<'consultation.requested'>,
  'consultationId' | 'contractId' | 'contractVersion' | 'bodyKind' | 'bodyName'
>;
const bodyInWords = (kind: string) => CONSULTED_BODY_IN_WORDS[kind] ?? kind;
const consultation = (e: { payload: ConsultationPayload }, names: PartyNames) => ({
  consultationId: e.payload.consultationId,
  contractId: e.payload.contractId,
  contractVersion: e.payload.contractVersion,
  body: bodyInWords(e.payload.bodyKind),
  bodyName: e.payload.bodyName,
  consulted: names.consulted,
  service: names.service,
  caisse: names.caisse,
  direccte: names.direccte,
});

/**
 * THE RULE TABLE: for each event type of the catalogue, who receives an e-mail, why, and which one.
 * An event type absent from it sends nothing (its consumer still keeps the projections up to date).
 * One row per event type; a new message is one row here plus one template file under src/templates.
 *
 * | event                                   | to                                          |
 * |-----------------------------------------|---------------------------------------------|
 * | organisation.registered                 | the organisation                            |
 * | organisation.updated                    | nobody (the directory changes silently)     |
 * | agreement.requested                     | service, DIRECCTE                           |
 * | agreement.inspector_opinion_recorded    | DIRECCTE                                    |
 * | agreement.granted / refused / expired   | service, DIRECCTE, competent Caisse         |
 * | agreement.implicitly_granted            | service, DIRECCTE, competent Caisse, DGT    |
 * | agreement.decision_due                  | DIRECCTE                                    |
 * | agreement.compliance_notice_*           | service, DIRECCTE                           |
 * | agreement.shortened                     | service, DIRECCTE, competent Caisse         |
 * | agreement.withdrawn                     | service, DIRECCTE, competent Caisse, DGT, DRP |
 * | agreement.renewal_due (+ .ics)          | service, DIRECCTE                           |
 * | service_project.adopted                 | service                                     |
 * | service_project.approved                | service, DIRECCTE, competent Caisse         |
 * | service_project.revised                 | service, DIRECCTE                           |
 * | service_project.withdrawn               | service, DIRECCTE                           |
 * | contract.signed                         | service, Caisse, DIRECCTE, CRPRP, ARS       |
 * | contract.recorded                       | service, Caisse, DIRECCTE (no CRPRP, ARS)   |
 * | contract.* others (review_due + .ics)   | service, Caisse, DIRECCTE                   |
 * | consultation.requested / session_scheduled / opinion_delivered / answer_overdue / closed | consulted body, service, Caisse, DIRECCTE |
 * | consultation.answer_due                 | consulted body                              |
 * | consultation.completed                  | service, Caisse, DIRECCTE                   |
 * | consultation.agrement_policy_report_due | DIRECCTE                                    |
 * | consultation.agrement_policy_report_presented | CRPRP (CROCT), DIRECCTE               |
 * |   (drafted, submission_withdrawn, term_due, evaluation_overdue, expired, agreement_lapsed included) | |
 * | partnership_protocol.*                  | DIRECCTE, service, Caisse (the protocol's)  |
 *
 * "Competent Caisse" is the service's own (the event's `caisseId`, else the directory's), "Caisse" the
 * CPOM's (the event's, the contract's, else the region's): see `parties.rule.ts`.
 */
export const notificationRules: { readonly [T in PlatformEventType]?: RuleOf<T> } = {
  'organisation.registered': {
    template: 'organisation-registered',
    to: ['organisation'],
    why: 'Its contacts learn that their organisation is on the platform and how to reach it.',
    link: (e) => `/api/v1/organisations/${e.payload.organisationId}`,
    data: (e) => ({ organisation: { name: e.payload.name, ...regionsInWords(e.payload.regions) } }),
  },
  // 'organisation.updated': no e-mail; the directory changes silently.

  // --- Agréments (D.4622-48 to D.4622-51, R.4622-52) ---
  'agreement.requested': {
    template: 'agreement-requested',
    to: SERVICE_AND_DIRECCTE,
    why: 'The service has its filing acknowledged with the decision date; the DIRECCTE has a file to instruct (R.4622-52).',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      application: APPLICATION_IN_WORDS[e.payload.application] ?? e.payload.application,
      filedOn: e.payload.filedOn,
      decisionDueOn: e.payload.decisionDueOn,
      lateRenewal: e.payload.lateRenewal,
    }),
  },
  'agreement.inspector_opinion_recorded': {
    template: 'agreement-inspector-opinion-recorded',
    to: ['direccte'],
    why: 'The médecin inspecteur du travail’s opinion is an input of the DIRECCTE’s decision (D.4622-48); the service hears of the decision itself.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      verdict: OPINION_IN_WORDS[e.payload.verdict] ?? e.payload.verdict,
      givenOn: e.payload.givenOn,
      text: e.payload.text,
    }),
  },
  'agreement.granted': {
    template: 'agreement-granted',
    to: AGREEMENT_PARTIES,
    why: 'The decision binds the service; the DIRECCTE and the service’s competent Caisse, parties to its CPOM (none for an SSTA, L.4622-10), align on its period.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      ...grantPeriod(e.payload),
      commitment: e.payload.complianceCommitment
        ? {
            description: e.payload.complianceCommitment.description,
            dueOn: e.payload.complianceCommitment.dueOn,
          }
        : null,
      maxEmployeesPerDoctor: numberInWords(e.payload.limits.maxEmployeesPerDoctor),
      derogations: e.payload.derogations.length,
    }),
  },
  'agreement.recorded': {
    template: 'agreement-recorded',
    to: ['service'],
    why:
      'An agrément granted before the region joined is entered with its real dates: the service checks them; ' +
      'it is no new decision, so the Caisse and national steering are not told.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      ...grantPeriod(e.payload),
      inForce: e.payload.status === 'granted',
      reference: e.payload.reference,
    }),
  },
  'agreement.refused': {
    template: 'agreement-refused',
    to: AGREEMENT_PARTIES,
    why: 'A refusal states its reasons to the service; the CPOM parties must know the service is not agréé.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      decidedOn: e.payload.decidedOn,
      reasons: e.payload.reasons,
    }),
  },
  'agreement.implicitly_granted': {
    template: 'agreement-implicitly-granted',
    to: [...AGREEMENT_PARTIES, 'dgt'],
    why: 'Silence for four months grants the agrément (R.4622-52): the parties must know, and national steering (DGT) follows such lapses.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      decisionDueOn: e.payload.decisionDueOn,
      validFrom: e.payload.validFrom,
      validUntil: e.payload.validUntil,
    }),
  },
  'agreement.decision_due': {
    template: 'agreement-decision-due',
    to: ['direccte'],
    why: 'R.4622-52: the DIRECCTE must be warned before its silence grants the agrément; nobody else acts on it.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      decisionDueOn: e.payload.decisionDueOn,
      daysLeft: e.payload.daysLeft,
    }),
  },
  'agreement.compliance_notice_issued': {
    template: 'compliance-notice-issued',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-51 2°: the service must comply within the deadline; the DIRECCTE keeps a dated trace.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      noticeOn: e.payload.noticeOn,
      deadlineOn: e.payload.deadlineOn,
      text: e.payload.text,
    }),
  },
  'agreement.compliance_notice_due': {
    template: 'compliance-notice-due',
    to: SERVICE_AND_DIRECCTE,
    why: 'Reminder of a compliance deadline to the one who must comply and the one who will check (D.4622-51).',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      deadlineOn: e.payload.deadlineOn,
      daysLeft: e.payload.daysLeft,
    }),
  },
  'agreement.compliance_notice_met': {
    template: 'compliance-notice-met',
    to: SERVICE_AND_DIRECCTE,
    why: 'The service learns the notice is closed: no withdrawal may follow it (D.4622-51).',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      metOn: e.payload.metOn,
      deadlineOn: e.payload.deadlineOn,
    }),
  },
  'agreement.compliance_notice_lapsed': {
    template: 'compliance-notice-lapsed',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-51 2°: withdrawal or shortening is now open to the DIRECCTE; the service is told where it stands.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      deadlineOn: e.payload.deadlineOn,
    }),
  },
  'agreement.shortened': {
    template: 'agreement-shortened',
    to: AGREEMENT_PARTIES,
    why: 'D.4622-51: the service’s president must inform every member company; the CPOM parties see the new end.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      decidedOn: e.payload.decidedOn,
      previousValidUntil: e.payload.previousValidUntil,
      validUntil: e.payload.validUntil,
      text: e.payload.text,
    }),
  },
  'agreement.withdrawn': {
    template: 'agreement-withdrawn',
    to: [...AGREEMENT_PARTIES, 'dgt', 'drp'],
    why: 'D.4622-51: the service must inform its member companies; the CPOM parties and national steering (DGT, DRP) lose a contracted service.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      grounds: grounds(e.payload.grounds),
      withdrawnOn: e.payload.withdrawnOn,
      text: e.payload.text,
    }),
  },
  'agreement.renewal_due': {
    template: 'agreement-renewal-due',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-50: the renewal is filed at least four months before the end; the service files, the DIRECCTE expects it.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      validUntil: e.payload.validUntil,
      filingDeadline: e.payload.filingDeadline,
      reminder: durationInWords(e.payload.reminder),
    }),
  },
  'agreement.expired': {
    template: 'agreement-expired',
    to: AGREEMENT_PARTIES,
    why: 'The end of an agrément changes what the service may do and what its CPOM rests on.',
    link: agreementLink,
    data: (e, names) => ({
      ...agreement(e, names),
      validUntil: e.payload.validUntil,
      renewed: e.payload.renewedBy !== null,
    }),
  },

  // --- Service projects (L.4622-14) ---
  'service_project.adopted': {
    template: 'service-project-adopted',
    to: ['service'],
    why: 'An internal step (the CMT adopted it); the board’s approval is what the other parties hear of.',
    link: projectLink,
    data: (e, names) => ({ ...project(e, names), adoptedOn: e.payload.adoptedOn }),
  },
  'service_project.approved': {
    template: 'service-project-approved',
    to: AGREEMENT_PARTIES,
    why: 'The approved project grounds the CPOM’s priorities: its three parties need it, the Caisse being the one competent for the service.',
    link: projectLink,
    data: (e, names) => ({ ...project(e, names), approvedOn: e.payload.approvedOn }),
  },
  'service_project.revised': {
    template: 'service-project-revised',
    to: SERVICE_AND_DIRECCTE,
    why: 'A revision under way may change what the service commits to; the DIRECCTE follows it.',
    link: projectLink,
    data: (e, names) => ({ ...project(e, names), revisedOn: e.payload.revisedOn, reason: e.payload.reason }),
  },
  'service_project.withdrawn': {
    template: 'service-project-withdrawn',
    to: SERVICE_AND_DIRECCTE,
    why: 'Those told of the adoption or revision learn the text is off; the version in force, if any, stays.',
    link: projectLink,
    data: (e, names) => ({
      ...project(e, names),
      withdrawnOn: e.payload.withdrawnOn,
      reason: e.payload.reason,
      projectWithdrawn: e.payload.projectWithdrawn,
    }),
  },

  // --- CPOM (L.4622-10, D.4622-44, D.4622-47; seed 002 II.4) ---
  'contract.submitted': {
    template: 'contract-submitted',
    to: CPOM_PARTIES,
    why: 'The three parties follow their draft to the opinions (the bodies consulted hear of it by consultation.requested).',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      submittedOn: e.payload.submittedOn,
      periodStart: e.payload.periodStart,
      periodEnd: e.payload.periodEnd,
    }),
  },
  'contract.ready_to_sign': {
    template: 'contract-ready-to-sign',
    to: CPOM_PARTIES,
    why: 'D.4622-44: both opinions are in; the three parties may sign.',
    link: contractLink,
    data: (e, names) => ({ ...contract(e, names), readyOn: e.payload.readyOn }),
  },
  'contract.signed': {
    template: 'contract-signed',
    to: [...CPOM_PARTIES, 'crprp', 'ars'],
    why: 'The three parties are bound; the CRPRP and the ARS, whose opinions preceded it (L.4622-10), learn it was concluded.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      signedOn: e.payload.signedOn,
      periodStart: e.payload.periodStart,
      periodEnd: e.payload.periodEnd,
    }),
  },
  'contract.recorded': {
    template: 'contract-recorded',
    to: CPOM_PARTIES,
    why: 'A CPOM signed before the region joined is on the platform: its three parties check its dates; no new signature, so the CRPRP and the ARS are not told again.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      signedOn: e.payload.signedOn,
      periodStart: e.payload.periodStart,
      periodEnd: e.payload.periodEnd,
      inForce: e.payload.status === 'signed',
      reference: e.payload.reference,
    }),
  },
  'contract.amended': {
    template: 'contract-amended',
    to: CPOM_PARTIES,
    why: 'D.4622-47: an amendment binds the three parties.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      amendmentNumber: e.payload.amendmentNumber,
      signedOn: e.payload.signedOn,
      summary: e.payload.summary,
    }),
  },
  'contract.review_due': {
    template: 'contract-review-due',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the three parties examine the CPOM at least yearly; the .ics puts the date in their calendars.',
    link: contractLink,
    data: (e, names) => ({ ...contract(e, names), dueOn: e.payload.dueOn, daysLeft: e.payload.daysLeft }),
  },
  'contract.review_overdue': {
    template: 'contract-review-overdue',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the yearly review was missed; the three parties must hold it.',
    link: contractLink,
    data: (e, names) => ({ ...contract(e, names), dueOn: e.payload.dueOn }),
  },
  'contract.review_completed': {
    template: 'contract-review-completed',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: each party keeps the outcome of the yearly review.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      reviewedOn: e.payload.reviewedOn,
      summary: e.payload.summary,
    }),
  },
  'contract.evaluated': {
    template: 'contract-evaluated',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the final evaluation is shared by the parties and weighed by the DIRECCTE at renewal.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      evaluatedOn: e.payload.evaluatedOn,
      summary: e.payload.summary,
    }),
  },

  'contract.drafted': {
    template: 'contract-drafted',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.2: the three parties write the CPOM together; each learns the draft is open.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      draftedOn: e.payload.draftedOn,
      periodStart: e.payload.periodStart,
      periodEnd: e.payload.periodEnd,
    }),
  },
  'contract.submission_withdrawn': {
    template: 'contract-submission-withdrawn',
    to: CPOM_PARTIES,
    why: 'The three parties told of the submission learn it is back to draft (the bodies consulted hear of it by consultation.closed).',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      withdrawnOn: e.payload.withdrawnOn,
      reason: e.payload.reason,
      contentVersion: e.payload.contentVersion,
    }),
  },
  'contract.term_due': {
    template: 'contract-term-due',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: at the term, an evaluation the DIRECCTE weighs at renewal, and the next generation to prepare.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      periodEnd: e.payload.periodEnd,
      months: e.payload.monthsLeft,
    }),
  },
  'contract.evaluation_overdue': {
    template: 'contract-evaluation-overdue',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: months after the term no final evaluation is recorded; the three parties owe it, the DIRECCTE weighs it at renewal.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      periodEnd: e.payload.periodEnd,
      monthsSinceEnd: e.payload.monthsSinceEnd,
    }),
  },
  'contract.expired': {
    template: 'contract-expired',
    to: CPOM_PARTIES,
    why: 'D.4622-47: the CPOM ended; its three parties owe its final evaluation (seed 002 II.4).',
    link: contractLink,
    data: (e, names) => ({ ...contract(e, names), periodEnd: e.payload.periodEnd }),
  },
  'contract.agreement_lapsed': {
    template: 'contract-agreement-lapsed',
    to: CPOM_PARTIES,
    why: 'Seed 002 I.1: no CPOM without agrément; the three parties must decide what becomes of the contract.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      lapsedOn: e.payload.lapsedOn,
      reasonText: AGREEMENT_LAPSE_IN_WORDS[e.payload.reason],
    }),
  },

  // --- Consultations (L.4622-10, D.4622-44) ---
  'consultation.requested': {
    template: 'consultation-opinion-requested',
    to: CONSULTATION_PARTIES,
    why: 'L.4622-10: the body consulted must answer by the date; the three parties wait for its opinion.',
    link: consultationLink,
    data: (e, names) => ({
      ...consultation(e, names),
      requestedOn: e.payload.requestedOn,
      answerDueOn: e.payload.answerDueOn,
    }),
  },
  'consultation.opinion_delivered': {
    template: 'consultation-opinion-delivered',
    to: CONSULTATION_PARTIES,
    why: 'The three parties read the opinion before signing; the body consulted has it acknowledged.',
    link: consultationLink,
    data: (e, names) => ({
      ...consultation(e, names),
      outcome: OPINION_IN_WORDS[e.payload.outcome] ?? e.payload.outcome,
      deliveredOn: e.payload.deliveredOn,
      text: e.payload.text,
      votes: votesInWords(e.payload.votes),
    }),
  },
  'consultation.answer_overdue': {
    template: 'consultation-opinion-overdue',
    to: CONSULTATION_PARTIES,
    why: 'The body consulted is reminded; the three parties know the CPOM waits for it.',
    link: consultationLink,
    data: (e, names) => ({ ...consultation(e, names), answerDueOn: e.payload.answerDueOn }),
  },

  // --- Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6) ---
  'partnership_protocol.negotiation_opened': {
    template: 'partnership-protocol-negotiation-opened',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE is "systématiquement informé de la négociation"; the two parties have it acknowledged.',
    link: protocolLink,
    data: (e, names) => ({ ...protocol(e, names), openedOn: e.payload.openedOn }),
  },
  'partnership_protocol.concluded': {
    template: 'partnership-protocol-concluded',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE is told "de la conclusion de ces protocoles ainsi que des thèmes choisis"; the parties are bound.',
    link: protocolLink,
    data: (e, names) => ({
      ...protocol(e, names),
      concludedOn: e.payload.concludedOn,
      startsOn: e.payload.startsOn,
      endsOn: e.payload.endsOn,
    }),
  },
  'partnership_protocol.progress_recorded': {
    template: 'partnership-protocol-progress-recorded',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE follows "la mise en œuvre des actions"; both parties see the point recorded.',
    link: protocolLink,
    data: (e, names) => ({
      ...protocol(e, names),
      recordedOn: e.payload.recordedOn,
      summary: e.payload.summary,
    }),
  },
  'partnership_protocol.ended': {
    template: 'partnership-protocol-ended',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE, told of the protocol at every step, learns it ended; so do both parties.',
    link: protocolLink,
    data: (e, names) => ({ ...protocol(e, names), endedOn: e.payload.endedOn, reason: e.payload.reason }),
  },
  'consultation.session_scheduled': {
    template: 'consultation-session-scheduled',
    to: CONSULTATION_PARTIES,
    why: 'D.4622-44: the session’s date and the members recused; the parties know when their CPOM is examined.',
    link: consultationLink,
    data: (e, names) => ({
      ...consultation(e, names),
      sessionOn: e.payload.sessionOn,
      recused: e.payload.recusedMembers.map((m) => ({ name: m.name, link: m.link })),
    }),
  },
  'consultation.answer_due': {
    template: 'consultation-answer-due',
    to: ['consulted'],
    why: 'The body consulted is reminded before its answer deadline (platform setting: no legal deadline).',
    link: consultationLink,
    data: (e, names) => ({
      ...consultation(e, names),
      answerDueOn: e.payload.answerDueOn,
      daysLeft: e.payload.daysLeft,
    }),
  },
  'consultation.closed': {
    template: 'consultation-closed',
    to: CONSULTATION_PARTIES,
    why: 'Opinions bear on the version that is signed: the body stops, the parties know no opinion comes on it.',
    link: consultationLink,
    data: (e, names) => ({
      ...consultation(e, names),
      closedOn: e.payload.closedOn,
      reason: CLOSE_REASON_IN_WORDS[e.payload.reason] ?? e.payload.reason,
    }),
  },
  'consultation.completed': {
    template: 'consultation-completed',
    to: CPOM_PARTIES,
    why: 'L.4622-10, D.4622-44: every opinion is in; the three parties may sign.',
    link: contractLink,
    data: (e, names) => ({
      ...contract(e, names),
      contractVersion: e.payload.contractVersion,
      completedOn: e.payload.completedOn,
      opinions: e.payload.opinions.map((o) => ({
        bodyName: o.bodyName,
        body: bodyInWords(o.bodyKind),
        outcome: OPINION_IN_WORDS[o.outcome] ?? o.outcome,
        deliveredOn: o.deliveredOn,
      })),
    }),
  },
  'consultation.agrement_policy_report_due': {
    template: 'agrement-policy-report-due',
    to: ['direccte'],
    why: 'Seed 002 I.2: the DIRECCTE informs the body yearly of its agrément policy; reminded before the date.',
    link: reportLink,
    data: (e) => ({ ...report(e), dueOn: e.payload.dueOn, daysLeft: e.payload.daysLeft }),
  },
  'consultation.agrement_policy_report_presented': {
    template: 'agrement-policy-report-presented',
    to: ['crprp', 'direccte'],
    why: 'Seed 002 I.2: the secretariat circulates the figures presented; the DIRECCTE has it acknowledged.',
    link: reportLink,
    data: (e) => ({ ...report(e), presentedOn: e.payload.presentedOn, ...e.payload.figures }),
  },
};

/** The rule of an event type, if it sends anything; the event is the one the transport validated. */
export function ruleFor(type: string): RuleOf<PlatformEventType> | undefined {
  return (notificationRules as Record<string, RuleOf<PlatformEventType> | undefined>)[type];
}

/** The event types whose rule uses a template (for the template list). */
export function eventTypesOf(template: string): PlatformEventType[] {
  return (Object.entries(notificationRules) as [PlatformEventType, RuleOf<PlatformEventType>][])
    .filter(([, rule]) => rule.template === template)
    .map(([type]) => type);
}

/** The event types the table sends an e-mail for. */
export function notifiedEventTypes(): PlatformEventType[] {
  return Object.keys(notificationRules) as PlatformEventType[];
}
