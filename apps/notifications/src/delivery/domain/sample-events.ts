import { addDays, addMonths, type CalendarDate, lastDayOfMonths, lastDayOfYears } from '@tripartite/calendar';
import {
  type EventEnvelope,
  eventCatalogue,
  type PayloadOf,
  type PlatformEventType,
} from '@tripartite/events';

/** The organisations and records a sample event names. */
export interface SampleParties {
  serviceId: string;
  serviceName: string;
  caisseId: string;
  direccteId: string;
  consultedOrganisationId: string;
  regions: string[];
  agreementId: string;
  contractId: string;
}

/** The parties of the previews: a service of Bretagne, its DREETS, its CARSAT and the ARS consulted. */
export const SAMPLE_PARTIES: Readonly<SampleParties> = {
  serviceId: '0193a3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
  serviceName: 'Santé Travail Bretagne',
  caisseId: '0193a3c4-5e6f-7a8b-9c0d-6e2f3a4b5c6d',
  direccteId: '0193a3c4-5e6f-7a8b-9c0d-7e2f3a4b5c6d',
  consultedOrganisationId: '0193a3c4-5e6f-7a8b-9c0d-8e2f3a4b5c6d',
  regions: ['53'],
  agreementId: '0193a3c4-5e6f-7a8b-9c0d-2e2f3a4b5c6d',
  contractId: '0193a3c4-5e6f-7a8b-9c0d-3e2f3a4b5c6d',
};

// The calendar rules the producing services apply (the agreements service's agreement-term.rule.ts and
// Agreement.grantImplicitly), restated because an app never imports another: a preview must show the
// dates the platform really computes, with the same helpers of libs/calendar.
/** Silence four months after a complete application grants the agrément, from that day (R.4622-52). */
const DECISION_MONTHS = 4;
/** An agrément lasts five years (D.4622-48); its last day is the eve of the fifth anniversary. */
const AGREEMENT_YEARS = 5;
/** A renewal is filed at least four months before the term, the day after the last day (D.4622-50). */
const RENEWAL_FILING_MONTHS = 4;
/** A conditional agrément lasts two years at most (D.4622-51 1°). */
const CONDITIONAL_MAX_MONTHS = 24;
/** A compliance notice gives six months at most (D.4622-51 2°). */
const NOTICE_MAX_MONTHS = 6;
/** A CPOM lasts five years at most (D.4622-47) and is examined at least yearly (seed 002 II.4). */
const CPOM_YEARS = 5;
/** The delay given to the CRPRP and the ARS for their opinion: a platform setting (no legal delay). */
const OPINION_DAYS = 30;

/**
 * The dates of the sample story, each derived from the one it rests on as the platform derives it:
 * an agrément in force since 15 July 2022 whose renewal is due, a first application left unanswered, a
 * conditional agrément, a compliance notice and its sanction, a CPOM and its consultations.
 */
export function sampleDates() {
  const inForceFrom: CalendarDate = '2022-07-15';
  const inForceUntil = lastDayOfYears(inForceFrom, AGREEMENT_YEARS);
  const filingDeadline = addMonths(addDays(inForceUntil, 1), -RENEWAL_FILING_MONTHS);
  const filedOn: CalendarDate = '2026-09-10';
  const decisionDueOn = addMonths(filedOn, DECISION_MONTHS);
  const conditionalFrom: CalendarDate = '2027-01-01';
  const noticeOn: CalendarDate = '2027-03-01';
  const noticeDeadline = addMonths(noticeOn, NOTICE_MAX_MONTHS);
  const cpomStart: CalendarDate = '2027-07-01';
  const opinionAskedOn: CalendarDate = '2027-02-03';
  return {
    inForceFrom,
    inForceUntil,
    filingDeadline,
    filedOn,
    /** A renewal filed after the filing deadline is accepted, flagged late (D.4622-50). */
    lateRenewal: filedOn > filingDeadline,
    decisionDueOn,
    implicitFrom: decisionDueOn,
    implicitUntil: lastDayOfYears(decisionDueOn, AGREEMENT_YEARS),
    conditionalDecidedOn: '2026-12-15' as CalendarDate,
    conditionalFrom,
    conditionalUntil: lastDayOfMonths(conditionalFrom, CONDITIONAL_MAX_MONTHS),
    noticeOn,
    noticeDeadline,
    noticeMetOn: addMonths(noticeOn, 4),
    sanctionOn: addDays(noticeDeadline, 30),
    sanctionedUntil: lastDayOfYears(conditionalFrom, AGREEMENT_YEARS),
    cpomStart,
    cpomEnd: lastDayOfYears(cpomStart, CPOM_YEARS),
    firstReviewDue: lastDayOfYears(cpomStart, 1),
    opinionAskedOn,
    opinionDueOn: addDays(opinionAskedOn, OPINION_DAYS),
  };
}

type SamplePayloads = { [T in Exclude<PlatformEventType, 'organisation.updated'>]: PayloadOf<T> };

/**
 * A valid payload for every event type a person hears of (the catalogue's schemas check them in the
 * specs), naming the given parties, with the dates of `sampleDates`. The previews render them; the tests
 * publish them as the other services will.
 */
export function samplePayloads(p: SampleParties): SamplePayloads {
  const d = sampleDates();
  const agreement = {
    agreementId: p.agreementId,
    serviceId: p.serviceId,
    serviceName: p.serviceName,
    regions: p.regions,
    serviceType: 'SSTI' as const,
    caisseId: p.caisseId,
  };
  const notice = {
    ...agreement,
    noticeId: '0193a3c4-0000-7000-8000-0000000000c1',
    grounds: 'no_cpom' as const,
    deadlineOn: d.noticeDeadline,
  };
  const project = {
    projectId: '0193a3c4-0000-7000-8000-0000000000d1',
    serviceId: p.serviceId,
    serviceName: p.serviceName,
    regions: p.regions,
    caisseId: p.caisseId,
    projectVersion: 2,
    periodStart: '2027-01-01',
    periodEnd: '2031-12-31',
    priorities: ['Prévention des troubles musculo-squelettiques', 'Maintien dans l’emploi'],
  };
  const contract = { contractId: p.contractId, serviceId: p.serviceId, regions: p.regions };
  const parties = { caisseId: p.caisseId, direccteId: p.direccteId };
  const protocol = {
    protocolId: '0193a3c4-0000-7000-8000-0000000000b1',
    serviceId: p.serviceId,
    ...parties,
    regions: p.regions,
    themes: ['desinsertion_professionnelle' as const, 'visites_pre_reprise' as const],
  };
  const consultation = {
    consultationId: '0193a3c4-0000-7000-8000-0000000000e1',
    contractId: p.contractId,
    serviceId: p.serviceId,
    regions: p.regions,
    contractVersion: 1,
    bodyId: '0193a3c4-0000-7000-8000-0000000000e2',
    bodyKind: 'ARS' as const,
    bodyName: 'ARS Bretagne',
    consultedOrganisationId: p.consultedOrganisationId,
  };
  const cpomContent = {
    contentVersion: 1,
    contentHash: 'a3f1c2d4e5b60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    priorities: [
      {
        priorityId: '0193a3c4-0000-7000-8000-0000000000f1',
        title: 'Prévenir la désinsertion professionnelle',
        origins: ['service_project' as const, 'prst' as const],
      },
    ],
    actions: [
      {
        actionId: '0193a3c4-0000-7000-8000-0000000000f2',
        priorityId: '0193a3c4-0000-7000-8000-0000000000f1',
        title: 'Repérer tôt les salariés en risque de désinsertion',
        theme: 'desinsertion',
        expectedResults: 'Des visites de pré-reprise plus nombreuses et plus précoces.',
      },
    ],
    indicators: [
      {
        indicatorId: '0193a3c4-0000-7000-8000-0000000000f3',
        actionId: '0193a3c4-0000-7000-8000-0000000000f2',
        name: 'Visites de pré-reprise réalisées',
        kind: 'quantitative' as const,
        purpose: 'result' as const,
        unit: 'visites',
        baseline: 120,
        target: 200,
        direction: 'increase' as const,
        frequency: 'yearly' as const,
      },
    ],
  };
  const signed = {
    ...contract,
    ...parties,
    signedOn: '2027-05-20',
    periodStart: d.cpomStart,
    periodEnd: d.cpomEnd,
    ...cpomContent,
  };
  return {
    'organisation.registered': {
      organisationId: p.serviceId,
      type: 'SSTI',
      name: p.serviceName,
      regions: p.regions,
      contacts: [],
      caisseKind: null,
      siret: null,
      service: {
        employeesFollowed: 48000,
        memberCompanies: 3900,
        btp: false,
        sectors: ['Rennes'],
        caisseId: p.caisseId,
      },
    },
    'agreement.requested': {
      ...agreement,
      application: 'renewal',
      filedOn: d.filedOn,
      decisionDueOn: d.decisionDueOn,
      previousAgreementId: '0193a3c4-0000-7000-8000-0000000000a0',
      lateRenewal: d.lateRenewal,
    },
    'agreement.inspector_opinion_recorded': {
      ...agreement,
      verdict: 'reserved',
      givenOn: '2026-11-02',
      text: 'Effectifs conformes ; couverture des secteurs ruraux à renforcer.',
    },
    'agreement.granted': {
      ...agreement,
      decidedOn: d.conditionalDecidedOn,
      validFrom: d.conditionalFrom,
      validUntil: d.conditionalUntil,
      conditional: true,
      complianceCommitment: {
        description: 'Conclure un CPOM avec la DREETS et la CARSAT',
        dueOn: '2027-12-31',
      },
      limits: { maxEmployeesPerDoctor: 3300, maxEmployeesPerTeam: null, doctorsPerSector: [] },
      derogations: [],
      employeesFollowed: 48000,
      renewalOf: null,
    },
    'agreement.recorded': {
      ...agreement,
      status: 'granted',
      decidedOn: addDays(d.inForceFrom, -20),
      validFrom: d.inForceFrom,
      validUntil: d.inForceUntil,
      conditional: false,
      complianceCommitment: null,
      limits: { maxEmployeesPerDoctor: 3300, maxEmployeesPerTeam: null, doctorsPerSector: [] },
      derogations: [],
      employeesFollowed: 48000,
      reference: 'Arrêté DREETS-53-2022-017',
    },
    'agreement.refused': {
      ...agreement,
      decidedOn: d.conditionalDecidedOn,
      reasons: 'Effectif de médecins du travail insuffisant pour les secteurs déclarés.',
    },
    'agreement.implicitly_granted': {
      ...agreement,
      decisionDueOn: d.decisionDueOn,
      validFrom: d.implicitFrom,
      validUntil: d.implicitUntil,
      employeesFollowed: null,
      renewalOf: null,
    },
    'agreement.decision_due': { ...agreement, decisionDueOn: d.decisionDueOn, daysLeft: 7 },
    'agreement.compliance_notice_issued': {
      ...notice,
      noticeOn: d.noticeOn,
      text: 'Le service transmettra un projet de CPOM signé par ses instances.',
    },
    'agreement.compliance_notice_due': { ...notice, daysLeft: 30 },
    'agreement.compliance_notice_met': { ...notice, metOn: d.noticeMetOn },
    'agreement.compliance_notice_lapsed': notice,
    'agreement.shortened': {
      ...agreement,
      decidedOn: d.sanctionOn,
      previousValidUntil: d.sanctionedUntil,
      validUntil: '2028-06-30',
      grounds: 'staffing_limits',
      text: 'Les effectifs suivis dépassent de 20 % le plafond fixé.',
      memberCompaniesToInform: true,
    },
    'agreement.withdrawn': {
      ...agreement,
      withdrawnOn: d.sanctionOn,
      grounds: 'no_cpom',
      text: 'Aucun CPOM n’a été conclu dans le délai de la mise en demeure.',
      memberCompaniesToInform: true,
    },
    'agreement.renewal_due': {
      ...agreement,
      validUntil: d.inForceUntil,
      filingDeadline: d.filingDeadline,
      reminder: 'P6M',
    },
    'agreement.expired': { ...agreement, validUntil: d.inForceUntil, renewedBy: null },
    'service_project.adopted': { ...project, adoptedOn: '2026-11-20' },
    'service_project.approved': { ...project, approvedOn: '2026-12-10' },
    'service_project.revised': {
      ...project,
      projectVersion: 3,
      revisedOn: '2028-01-15',
      reason: 'Intégrer les priorités du nouveau plan régional santé travail.',
    },
    'service_project.withdrawn': {
      ...project,
      withdrawnOn: '2028-03-01',
      reason: 'Le diagnostic territorial doit être repris.',
      projectWithdrawn: false,
    },
    'contract.submitted': {
      ...contract,
      ...parties,
      contentVersion: 1,
      submittedOn: '2027-02-01',
      periodStart: d.cpomStart,
      periodEnd: d.cpomEnd,
    },
    'contract.ready_to_sign': {
      ...contract,
      ...parties,
      contentVersion: 1,
      readyOn: '2027-04-02',
      withReservations: false,
    },
    'contract.signed': signed,
    // A CPOM signed before the region joined: the signed payload, with its status and reference.
    'contract.recorded': {
      ...signed,
      status: 'signed',
      reference: 'CPOM-2027-014',
    },
    'contract.amended': {
      ...contract,
      ...parties,
      periodStart: d.cpomStart,
      periodEnd: d.cpomEnd,
      amendmentNumber: 1,
      signedOn: '2028-09-12',
      summary: 'Ajout d’un programme d’action sur le risque routier.',
      ...cpomContent,
      contentVersion: 2,
    },
    'contract.review_due': { ...contract, ...parties, dueOn: d.firstReviewDue, daysLeft: 30 },
    'contract.review_overdue': { ...contract, ...parties, dueOn: d.firstReviewDue },
    'contract.review_completed': {
      ...contract,
      reviewedOn: '2028-06-12',
      summary: 'Objectifs de l’année atteints ; indicateur TMS à revoir.',
      nextReviewDueOn: null,
    },
    'contract.evaluated': {
      ...contract,
      evaluatedOn: '2032-07-10',
      summary: 'Sept objectifs sur neuf atteints.',
    },
    'consultation.requested': {
      ...consultation,
      requestedOn: d.opinionAskedOn,
      answerDueOn: d.opinionDueOn,
    },
    'consultation.opinion_delivered': {
      ...consultation,
      outcome: 'favourable',
      deliveredOn: '2027-03-01',
      text: 'Avis favorable, sous réserve d’un suivi des actions de prévention en milieu hospitalier.',
      votes: { for: 12, against: 2, abstentions: 1 },
    },
    'consultation.answer_overdue': { ...consultation, answerDueOn: d.opinionDueOn },
    'contract.drafted': {
      ...contract,
      ...parties,
      draftedOn: '2026-12-01',
      periodStart: d.cpomStart,
      periodEnd: d.cpomEnd,
    },
    'contract.submission_withdrawn': {
      ...contract,
      ...parties,
      contentVersion: 1,
      withdrawnOn: '2027-02-15',
      reason: 'Le programme d’action sur les TMS doit être repris.',
    },
    'contract.term_due': { ...contract, ...parties, periodEnd: d.cpomEnd, monthsLeft: 6 },
    'contract.evaluation_overdue': { ...contract, ...parties, periodEnd: d.cpomEnd, monthsSinceEnd: 3 },
    'contract.expired': { ...contract, ...parties, periodEnd: d.cpomEnd },
    'contract.agreement_lapsed': {
      ...contract,
      ...parties,
      agreementId: p.agreementId,
      reason: 'withdrawn',
      lapsedOn: '2029-03-01',
    },
    'partnership_protocol.negotiation_opened': { ...protocol, openedOn: '2027-01-10' },
    'partnership_protocol.concluded': {
      ...protocol,
      concludedOn: '2027-04-01',
      startsOn: '2027-04-01',
      endsOn: '2029-12-31',
    },
    'partnership_protocol.progress_recorded': {
      ...protocol,
      recordedOn: '2028-01-15',
      summary: 'Quarante visites de pré-reprise coordonnées avec le service social de la Caisse.',
    },
    'partnership_protocol.ended': {
      ...protocol,
      endedOn: '2029-12-31',
      reason: 'Terme du protocole.',
    },
    'consultation.session_scheduled': {
      ...consultation,
      sessionOn: '2027-02-20',
      recusedMembers: [
        {
          memberId: '0193a3c4-0000-7000-8000-0000000000e3',
          name: 'Mme Le Goff',
          link: 'membre du conseil d’administration du service',
        },
      ],
    },
    'consultation.completed': {
      contractId: p.contractId,
      contractVersion: 1,
      serviceId: p.serviceId,
      regions: p.regions,
      completedOn: '2027-03-01',
      opinions: [
        {
          consultationId: consultation.consultationId,
          bodyKind: 'ARS',
          bodyName: 'ARS Bretagne',
          outcome: 'favourable',
          deliveredOn: '2027-03-01',
          text: 'Avis favorable.',
        },
      ],
    },
    'consultation.answer_due': { ...consultation, answerDueOn: d.opinionDueOn, daysLeft: 14 },
    'consultation.closed': { ...consultation, closedOn: '2027-02-15', reason: 'submission_withdrawn' },
    'consultation.agrement_policy_report_due': {
      reportId: '0193a3c4-0000-7000-8000-0000000000e4',
      regions: p.regions,
      year: 2027,
      dueOn: '2027-11-30',
      daysLeft: 30,
    },
    'consultation.agrement_policy_report_presented': {
      reportId: '0193a3c4-0000-7000-8000-0000000000e4',
      regions: p.regions,
      year: 2027,
      bodyId: consultation.bodyId,
      presentedOn: '2027-11-20',
      figures: { granted: 3, conditional: 1, implicit: 0, refused: 0, withdrawn: 0, expiringNextYear: 2 },
    },
  };
}

/** An event of the sample story as the transport hands it to a consumer. */
export function sampleEnvelope<T extends PlatformEventType>(
  type: T,
  payload: PayloadOf<T>,
): EventEnvelope<PayloadOf<T>, T> {
  const regions = (payload as { regions?: string[] }).regions;
  return {
    id: '0193a3c4-0000-7000-8000-000000000001',
    type,
    version: eventCatalogue[type].version,
    occurredAt: '2027-01-15T08:00:00.000Z',
    producer: 'agreements',
    aggregateId: '0193a3c4-0000-7000-8000-0000000000aa',
    aggregateVersion: 1,
    region: regions?.[0] ?? null,
    correlationId: 'sample',
    causationId: null,
    payload,
  };
}
