import { randomUUID } from 'node:crypto';
import type { PayloadOf, PlatformEventType } from '@tripartite/events';

/** The organisations an event names; fresh ids unless the test gives its own. */
export interface EventParties {
  serviceId: string;
  serviceName: string;
  caisseId: string;
  direccteId: string;
  consultedOrganisationId: string;
  regions: string[];
  agreementId: string;
  contractId: string;
}

export function eventParties(overrides: Partial<EventParties> = {}): EventParties {
  return {
    serviceId: randomUUID(),
    serviceName: 'Santé Travail Ouest',
    caisseId: randomUUID(),
    direccteId: randomUUID(),
    consultedOrganisationId: randomUUID(),
    regions: ['53'],
    agreementId: randomUUID(),
    contractId: randomUUID(),
    ...overrides,
  };
}

type SamplePayloads = { [T in Exclude<PlatformEventType, `organisation.${string}`>]: PayloadOf<T> };

/**
 * A valid payload for every event type a person hears of (the catalogue's schemas check them in the
 * rule table spec), naming the given parties: the test producer publishes them as the other services
 * will.
 */
export function samplePayloads(p: EventParties): SamplePayloads {
  const agreement = {
    agreementId: p.agreementId,
    serviceId: p.serviceId,
    serviceName: p.serviceName,
    regions: p.regions,
  };
  const notice = {
    ...agreement,
    noticeId: '0193a3c4-0000-7000-8000-0000000000c1',
    grounds: 'no_cpom' as const,
    deadlineOn: '2027-09-01',
  };
  const project = {
    projectId: '0193a3c4-0000-7000-8000-0000000000d1',
    serviceId: p.serviceId,
    serviceName: p.serviceName,
    regions: p.regions,
    projectVersion: 2,
    periodStart: '2027-01-01',
    periodEnd: '2031-12-31',
    priorities: ['Prévention des TMS', 'Maintien dans l’emploi'],
  };
  const contract = { contractId: p.contractId, serviceId: p.serviceId, regions: p.regions };
  const parties = { caisseId: p.caisseId, direccteId: p.direccteId };
  const consultation = {
    consultationId: '0193a3c4-0000-7000-8000-0000000000e1',
    contractId: p.contractId,
    serviceId: p.serviceId,
    regions: p.regions,
    body: 'ARS' as const,
    consultedOrganisationId: p.consultedOrganisationId,
  };
  return {
    'agreement.requested': {
      ...agreement,
      application: 'renewal',
      filedOn: '2026-09-10',
      decisionDueOn: '2027-01-10',
      previousAgreementId: null,
      lateRenewal: true,
    },
    'agreement.inspector_opinion_recorded': {
      ...agreement,
      verdict: 'reserved',
      givenOn: '2026-11-02',
      text: 'Couverture rurale à renforcer.',
    },
    'agreement.granted': {
      ...agreement,
      decidedOn: '2026-12-15',
      validFrom: '2027-01-01',
      validUntil: '2028-12-31',
      conditional: true,
      complianceCommitment: { description: 'Conclure un CPOM', dueOn: '2027-12-31' },
      limits: { maxEmployeesPerDoctor: 3300, maxEmployeesPerTeam: null, doctorsPerSector: [] },
      derogations: [],
      employeesFollowed: 48000,
      renewalOf: null,
    },
    'agreement.refused': { ...agreement, decidedOn: '2026-12-15', reasons: 'Effectif médical insuffisant.' },
    'agreement.recorded': {
      ...agreement,
      status: 'granted',
      decidedOn: '2023-02-14',
      validFrom: '2023-03-01',
      validUntil: '2028-02-29',
      conditional: false,
      complianceCommitment: null,
      limits: { maxEmployeesPerDoctor: 3300, maxEmployeesPerTeam: null, doctorsPerSector: [] },
      derogations: [],
      employeesFollowed: 48000,
      reference: 'Arrêté DREETS-53-2023-017',
    },
    'agreement.implicitly_granted': {
      ...agreement,
      decisionDueOn: '2027-01-10',
      validFrom: '2027-01-11',
      validUntil: '2032-01-10',
      employeesFollowed: null,
      renewalOf: null,
    },
    'agreement.decision_due': { ...agreement, decisionDueOn: '2027-01-10', daysLeft: 7 },
    'agreement.compliance_notice_issued': {
      ...notice,
      noticeOn: '2027-03-01',
      text: 'Transmettre un projet de CPOM.',
    },
    'agreement.compliance_notice_due': { ...notice, daysLeft: 30 },
    'agreement.compliance_notice_met': { ...notice, metOn: '2027-07-15' },
    'agreement.compliance_notice_lapsed': notice,
    'agreement.shortened': {
      ...agreement,
      decidedOn: '2027-10-01',
      previousValidUntil: '2031-12-31',
      validUntil: '2028-06-30',
      grounds: 'staffing_limits',
      text: '',
      memberCompaniesToInform: true,
    },
    'agreement.withdrawn': {
      ...agreement,
      withdrawnOn: '2027-10-01',
      grounds: 'no_cpom',
      text: 'Aucun CPOM conclu.',
      memberCompaniesToInform: true,
    },
    'agreement.renewal_due': {
      ...agreement,
      validUntil: '2027-07-15',
      filingDeadline: '2027-03-15',
      reminder: 'P6M',
    },
    'agreement.expired': { ...agreement, validUntil: '2027-07-15', renewedBy: null },
    'service_project.adopted': { ...project, adoptedOn: '2026-11-20' },
    'service_project.approved': { ...project, approvedOn: '2026-12-10' },
    'service_project.revised': { ...project, revisedOn: '2028-01-15', reason: 'Nouveau plan régional.' },
    'service_project.withdrawn': {
      ...project,
      withdrawnOn: '2028-02-01',
      reason: 'Diagnostic à reprendre.',
      projectWithdrawn: false,
    },
    'contract.submitted': {
      ...contract,
      ...parties,
      submittedOn: '2027-02-01',
      periodStart: '2027-07-01',
      periodEnd: '2032-06-30',
    },
    'contract.ready_to_sign': { ...contract, ...parties, readyOn: '2027-04-02' },
    'contract.signed': {
      ...contract,
      ...parties,
      signedOn: '2027-05-20',
      periodStart: '2027-07-01',
      periodEnd: '2032-06-30',
    },
    'contract.amended': {
      ...contract,
      amendmentNumber: 1,
      signedOn: '2028-09-12',
      summary: 'Risque routier.',
    },
    'contract.review_due': { ...contract, ...parties, dueOn: '2028-06-30', daysLeft: 30 },
    'contract.review_overdue': { ...contract, ...parties, dueOn: '2028-06-30' },
    'contract.review_completed': { ...contract, reviewedOn: '2028-06-12', summary: 'Objectifs atteints.' },
    'contract.evaluated': { ...contract, evaluatedOn: '2032-07-10', summary: '' },
    'consultation.opinion_requested': {
      ...consultation,
      requestedOn: '2027-02-03',
      answerDueOn: '2027-03-05',
    },
    'consultation.opinion_delivered': {
      ...consultation,
      outcome: 'favourable',
      deliveredOn: '2027-03-01',
      text: 'Favorable.',
    },
    'consultation.opinion_overdue': { ...consultation, answerDueOn: '2027-03-05' },
  };
}
