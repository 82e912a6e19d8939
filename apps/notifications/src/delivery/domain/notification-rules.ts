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

/** The fields `names` of `source`, as they are (what a template shows unchanged from its event). */
function fields<S, F extends keyof S>(source: S, ...names: F[]): Pick<S, F> {
  return Object.fromEntries(names.map((name) => [name, source[name]])) as Pick<S, F>;
}

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
) => fields(p, 'decidedOn', 'validFrom', 'validUntil', 'conditional');
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

/** The event types whose payload has the fields `P`. */
type TypesWith<P> = { [T in PlatformEventType]: PayloadOf<T> extends P ? T : never }[PlatformEventType];

/**
 * The rows of one family of events (an agrément's, a CPOM's…): the same link and the same data every message
 * of the family shows (`common`: the resource and its parties, named). A row names its template, its
 * recipients and why, and what its event adds to the common data.
 */
function ruleFamily<P, C extends object>(
  link: (e: { payload: P }) => string,
  common: (e: { payload: P }, names: PartyNames) => C,
) {
  return <T extends TypesWith<P>, K extends TemplateKey>(row: {
    template: K;
    to: readonly Party[];
    why: string;
    data: (payload: PayloadOf<T>) => Omit<TemplateDataOf<K>, keyof CommonTemplateData | keyof C>;
  }): NotificationRule<T, K> => {
    // `T extends TypesWith<P>`: its payload has the family's fields, which the compiler cannot see through `T`.
    const ofFamily = (e: EnvelopeFor<T>) => e as unknown as { payload: P };
    return {
      template: row.template,
      to: row.to,
      why: row.why,
      link: (e) => link(ofFamily(e)),
      data: (e, names) =>
        ({ ...common(ofFamily(e), names), ...row.data(e.payload) }) as Omit<
          TemplateDataOf<K>,
          keyof CommonTemplateData
        >,
    };
  };
}
const agreementRule = ruleFamily(agreementLink, agreement);
const projectRule = ruleFamily(projectLink, project);
const contractRule = ruleFamily(contractLink, contract);
const consultationRule = ruleFamily(consultationLink, consultation);
const protocolRule = ruleFamily(protocolLink, protocol);
const reportRule = ruleFamily(reportLink, report);

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
  'agreement.requested': agreementRule({
    template: 'agreement-requested',
    to: SERVICE_AND_DIRECCTE,
    why: 'The service has its filing acknowledged with the decision date; the DIRECCTE has a file to instruct (R.4622-52).',
    data: (p) => ({
      application: APPLICATION_IN_WORDS[p.application] ?? p.application,
      ...fields(p, 'filedOn', 'decisionDueOn', 'lateRenewal'),
    }),
  }),
  'agreement.inspector_opinion_recorded': agreementRule({
    template: 'agreement-inspector-opinion-recorded',
    to: ['direccte'],
    why: 'The médecin inspecteur du travail’s opinion is an input of the DIRECCTE’s decision (D.4622-48); the service hears of the decision itself.',
    data: (p) => ({ verdict: OPINION_IN_WORDS[p.verdict] ?? p.verdict, ...fields(p, 'givenOn', 'text') }),
  }),
  'agreement.granted': agreementRule({
    template: 'agreement-granted',
    to: AGREEMENT_PARTIES,
    why: 'The decision binds the service; the DIRECCTE and the service’s competent Caisse, parties to its CPOM (none for an SSTA, L.4622-10), align on its period.',
    data: (p) => ({
      ...grantPeriod(p),
      commitment: p.complianceCommitment ? fields(p.complianceCommitment, 'description', 'dueOn') : null,
      maxEmployeesPerDoctor: numberInWords(p.limits.maxEmployeesPerDoctor),
      derogations: p.derogations.length,
    }),
  }),
  'agreement.recorded': agreementRule({
    template: 'agreement-recorded',
    to: ['service'],
    why:
      'An agrément granted before the region joined is entered with its real dates: the service checks them; ' +
      'it is no new decision, so the Caisse and national steering are not told.',
    data: (p) => ({ ...grantPeriod(p), inForce: p.status === 'granted', reference: p.reference }),
  }),
  'agreement.refused': agreementRule({
    template: 'agreement-refused',
    to: AGREEMENT_PARTIES,
    why: 'A refusal states its reasons to the service; the CPOM parties must know the service is not agréé.',
    data: (p) => fields(p, 'decidedOn', 'reasons'),
  }),
  'agreement.implicitly_granted': agreementRule({
    template: 'agreement-implicitly-granted',
    to: [...AGREEMENT_PARTIES, 'dgt'],
    why: 'Silence for four months grants the agrément (R.4622-52): the parties must know, and national steering (DGT) follows such lapses.',
    data: (p) => fields(p, 'decisionDueOn', 'validFrom', 'validUntil'),
  }),
  'agreement.decision_due': agreementRule({
    template: 'agreement-decision-due',
    to: ['direccte'],
    why: 'R.4622-52: the DIRECCTE must be warned before its silence grants the agrément; nobody else acts on it.',
    data: (p) => fields(p, 'decisionDueOn', 'daysLeft'),
  }),
  'agreement.compliance_notice_issued': agreementRule({
    template: 'compliance-notice-issued',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-51 2°: the service must comply within the deadline; the DIRECCTE keeps a dated trace.',
    data: (p) => ({ grounds: grounds(p.grounds), ...fields(p, 'noticeOn', 'deadlineOn', 'text') }),
  }),
  'agreement.compliance_notice_due': agreementRule({
    template: 'compliance-notice-due',
    to: SERVICE_AND_DIRECCTE,
    why: 'Reminder of a compliance deadline to the one who must comply and the one who will check (D.4622-51).',
    data: (p) => ({ grounds: grounds(p.grounds), ...fields(p, 'deadlineOn', 'daysLeft') }),
  }),
  'agreement.compliance_notice_met': agreementRule({
    template: 'compliance-notice-met',
    to: SERVICE_AND_DIRECCTE,
    why: 'The service learns the notice is closed: no withdrawal may follow it (D.4622-51).',
    data: (p) => ({ grounds: grounds(p.grounds), ...fields(p, 'metOn', 'deadlineOn') }),
  }),
  'agreement.compliance_notice_lapsed': agreementRule({
    template: 'compliance-notice-lapsed',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-51 2°: withdrawal or shortening is now open to the DIRECCTE; the service is told where it stands.',
    data: (p) => ({ grounds: grounds(p.grounds), deadlineOn: p.deadlineOn }),
  }),
  'agreement.shortened': agreementRule({
    template: 'agreement-shortened',
    to: AGREEMENT_PARTIES,
    why: 'D.4622-51: the service’s president must inform every member company; the CPOM parties see the new end.',
    data: (p) => ({
      grounds: grounds(p.grounds),
      ...fields(p, 'decidedOn', 'previousValidUntil', 'validUntil', 'text'),
    }),
  }),
  'agreement.withdrawn': agreementRule({
    template: 'agreement-withdrawn',
    to: [...AGREEMENT_PARTIES, 'dgt', 'drp'],
    why: 'D.4622-51: the service must inform its member companies; the CPOM parties and national steering (DGT, DRP) lose a contracted service.',
    data: (p) => ({ grounds: grounds(p.grounds), ...fields(p, 'withdrawnOn', 'text') }),
  }),
  'agreement.renewal_due': agreementRule({
    template: 'agreement-renewal-due',
    to: SERVICE_AND_DIRECCTE,
    why: 'D.4622-50: the renewal is filed at least four months before the end; the service files, the DIRECCTE expects it.',
    data: (p) => ({ ...fields(p, 'validUntil', 'filingDeadline'), reminder: durationInWords(p.reminder) }),
  }),
  'agreement.expired': agreementRule({
    template: 'agreement-expired',
    to: AGREEMENT_PARTIES,
    why: 'The end of an agrément changes what the service may do and what its CPOM rests on.',
    data: (p) => ({ validUntil: p.validUntil, renewed: p.renewedBy !== null }),
  }),

  // --- Service projects (L.4622-14) ---
  'service_project.adopted': projectRule({
    template: 'service-project-adopted',
    to: ['service'],
    why: 'An internal step (the CMT adopted it); the board’s approval is what the other parties hear of.',
    data: (p) => fields(p, 'adoptedOn'),
  }),
  'service_project.approved': projectRule({
    template: 'service-project-approved',
    to: AGREEMENT_PARTIES,
    why: 'The approved project grounds the CPOM’s priorities: its three parties need it, the Caisse being the one competent for the service.',
    data: (p) => fields(p, 'approvedOn'),
  }),
  'service_project.revised': projectRule({
    template: 'service-project-revised',
    to: SERVICE_AND_DIRECCTE,
    why: 'A revision under way may change what the service commits to; the DIRECCTE follows it.',
    data: (p) => fields(p, 'revisedOn', 'reason'),
  }),
  'service_project.withdrawn': projectRule({
    template: 'service-project-withdrawn',
    to: SERVICE_AND_DIRECCTE,
    why: 'Those told of the adoption or revision learn the text is off; the version in force, if any, stays.',
    data: (p) => fields(p, 'withdrawnOn', 'reason', 'projectWithdrawn'),
  }),

  // --- CPOM (L.4622-10, D.4622-44, D.4622-47; seed 002 II.4) ---
  'contract.submitted': contractRule({
    template: 'contract-submitted',
    to: CPOM_PARTIES,
    why: 'The three parties follow their draft to the opinions (the bodies consulted hear of it by consultation.requested).',
    data: (p) => fields(p, 'submittedOn', 'periodStart', 'periodEnd'),
  }),
  'contract.ready_to_sign': contractRule({
    template: 'contract-ready-to-sign',
    to: CPOM_PARTIES,
    why: 'D.4622-44: both opinions are in; the three parties may sign.',
    data: (p) => fields(p, 'readyOn'),
  }),
  'contract.signed': contractRule({
    template: 'contract-signed',
    to: [...CPOM_PARTIES, 'crprp', 'ars'],
    why: 'The three parties are bound; the CRPRP and the ARS, whose opinions preceded it (L.4622-10), learn it was concluded.',
    data: (p) => fields(p, 'signedOn', 'periodStart', 'periodEnd'),
  }),
  'contract.recorded': contractRule({
    template: 'contract-recorded',
    to: CPOM_PARTIES,
    why: 'A CPOM signed before the region joined is on the platform: its three parties check its dates; no new signature, so the CRPRP and the ARS are not told again.',
    data: (p) => ({
      ...fields(p, 'signedOn', 'periodStart', 'periodEnd', 'reference'),
      inForce: p.status === 'signed',
    }),
  }),
  'contract.amended': contractRule({
    template: 'contract-amended',
    to: CPOM_PARTIES,
    why: 'D.4622-47: an amendment binds the three parties.',
    data: (p) => fields(p, 'amendmentNumber', 'signedOn', 'summary'),
  }),
  'contract.review_due': contractRule({
    template: 'contract-review-due',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the three parties examine the CPOM at least yearly; the .ics puts the date in their calendars.',
    data: (p) => fields(p, 'dueOn', 'daysLeft'),
  }),
  'contract.review_overdue': contractRule({
    template: 'contract-review-overdue',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the yearly review was missed; the three parties must hold it.',
    data: (p) => fields(p, 'dueOn'),
  }),
  'contract.review_completed': contractRule({
    template: 'contract-review-completed',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: each party keeps the outcome of the yearly review.',
    data: (p) => fields(p, 'reviewedOn', 'summary'),
  }),
  'contract.evaluated': contractRule({
    template: 'contract-evaluated',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: the final evaluation is shared by the parties and weighed by the DIRECCTE at renewal.',
    data: (p) => fields(p, 'evaluatedOn', 'summary'),
  }),

  'contract.drafted': contractRule({
    template: 'contract-drafted',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.2: the three parties write the CPOM together; each learns the draft is open.',
    data: (p) => fields(p, 'draftedOn', 'periodStart', 'periodEnd'),
  }),
  'contract.submission_withdrawn': contractRule({
    template: 'contract-submission-withdrawn',
    to: CPOM_PARTIES,
    why: 'The three parties told of the submission learn it is back to draft (the bodies consulted hear of it by consultation.closed).',
    data: (p) => fields(p, 'withdrawnOn', 'reason', 'contentVersion'),
  }),
  'contract.term_due': contractRule({
    template: 'contract-term-due',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: at the term, an evaluation the DIRECCTE weighs at renewal, and the next generation to prepare.',
    data: (p) => ({ periodEnd: p.periodEnd, months: p.monthsLeft }),
  }),
  'contract.evaluation_overdue': contractRule({
    template: 'contract-evaluation-overdue',
    to: CPOM_PARTIES,
    why: 'Seed 002 II.4: months after the term no final evaluation is recorded; the three parties owe it, the DIRECCTE weighs it at renewal.',
    data: (p) => fields(p, 'periodEnd', 'monthsSinceEnd'),
  }),
  'contract.expired': contractRule({
    template: 'contract-expired',
    to: CPOM_PARTIES,
    why: 'D.4622-47: the CPOM ended; its three parties owe its final evaluation (seed 002 II.4).',
    data: (p) => fields(p, 'periodEnd'),
  }),
  'contract.agreement_lapsed': contractRule({
    template: 'contract-agreement-lapsed',
    to: CPOM_PARTIES,
    why: 'Seed 002 I.1: no CPOM without agrément; the three parties must decide what becomes of the contract.',
    data: (p) => ({ lapsedOn: p.lapsedOn, reasonText: AGREEMENT_LAPSE_IN_WORDS[p.reason] }),
  }),

  // --- Consultations (L.4622-10, D.4622-44) ---
  'consultation.requested': consultationRule({
    template: 'consultation-opinion-requested',
    to: CONSULTATION_PARTIES,
    why: 'L.4622-10: the body consulted must answer by the date; the three parties wait for its opinion.',
    data: (p) => fields(p, 'requestedOn', 'answerDueOn'),
  }),
  'consultation.opinion_delivered': consultationRule({
    template: 'consultation-opinion-delivered',
    to: CONSULTATION_PARTIES,
    why: 'The three parties read the opinion before signing; the body consulted has it acknowledged.',
    data: (p) => ({
      outcome: OPINION_IN_WORDS[p.outcome] ?? p.outcome,
      ...fields(p, 'deliveredOn', 'text'),
      votes: votesInWords(p.votes),
    }),
  }),
  'consultation.answer_overdue': consultationRule({
    template: 'consultation-opinion-overdue',
    to: CONSULTATION_PARTIES,
    why: 'The body consulted is reminded; the three parties know the CPOM waits for it.',
    data: (p) => fields(p, 'answerDueOn'),
  }),

  // --- Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6) ---
  'partnership_protocol.negotiation_opened': protocolRule({
    template: 'partnership-protocol-negotiation-opened',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE is "systématiquement informé de la négociation"; the two parties have it acknowledged.',
    data: (p) => fields(p, 'openedOn'),
  }),
  'partnership_protocol.concluded': protocolRule({
    template: 'partnership-protocol-concluded',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE is told "de la conclusion de ces protocoles ainsi que des thèmes choisis"; the parties are bound.',
    data: (p) => fields(p, 'concludedOn', 'startsOn', 'endsOn'),
  }),
  'partnership_protocol.progress_recorded': protocolRule({
    template: 'partnership-protocol-progress-recorded',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE follows "la mise en œuvre des actions"; both parties see the point recorded.',
    data: (p) => fields(p, 'recordedOn', 'summary'),
  }),
  'partnership_protocol.ended': protocolRule({
    template: 'partnership-protocol-ended',
    to: PROTOCOL_PARTIES,
    why: 'Seed 000: the DIRECCTE, told of the protocol at every step, learns it ended; so do both parties.',
    data: (p) => fields(p, 'endedOn', 'reason'),
  }),
  'consultation.session_scheduled': consultationRule({
    template: 'consultation-session-scheduled',
    to: CONSULTATION_PARTIES,
    why: 'D.4622-44: the session’s date and the members recused; the parties know when their CPOM is examined.',
    data: (p) => ({
      sessionOn: p.sessionOn,
      recused: p.recusedMembers.map((m) => fields(m, 'name', 'link')),
    }),
  }),
  'consultation.answer_due': consultationRule({
    template: 'consultation-answer-due',
    to: ['consulted'],
    why: 'The body consulted is reminded before its answer deadline (platform setting: no legal deadline).',
    data: (p) => fields(p, 'answerDueOn', 'daysLeft'),
  }),
  'consultation.closed': consultationRule({
    template: 'consultation-closed',
    to: CONSULTATION_PARTIES,
    why: 'Opinions bear on the version that is signed: the body stops, the parties know no opinion comes on it.',
    data: (p) => ({ closedOn: p.closedOn, reason: CLOSE_REASON_IN_WORDS[p.reason] ?? p.reason }),
  }),
  'consultation.completed': contractRule({
    template: 'consultation-completed',
    to: CPOM_PARTIES,
    why: 'L.4622-10, D.4622-44: every opinion is in; the three parties may sign.',
    data: (p) => ({
      ...fields(p, 'contractVersion', 'completedOn'),
      opinions: p.opinions.map((o) => ({
        bodyName: o.bodyName,
        body: bodyInWords(o.bodyKind),
        outcome: OPINION_IN_WORDS[o.outcome] ?? o.outcome,
        deliveredOn: o.deliveredOn,
      })),
    }),
  }),
  'consultation.agrement_policy_report_due': reportRule({
    template: 'agrement-policy-report-due',
    to: ['direccte'],
    why: 'Seed 002 I.2: the DIRECCTE informs the body yearly of its agrément policy; reminded before the date.',
    data: (p) => fields(p, 'dueOn', 'daysLeft'),
  }),
  'consultation.agrement_policy_report_presented': reportRule({
    template: 'agrement-policy-report-presented',
    to: ['crprp', 'direccte'],
    why: 'Seed 002 I.2: the secretariat circulates the figures presented; the DIRECCTE has it acknowledged.',
    data: (p) => ({ presentedOn: p.presentedOn, ...p.figures }),
  }),
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
