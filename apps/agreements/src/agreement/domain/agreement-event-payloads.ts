import type { Agreement } from './agreement';
import type { ComplianceNotice } from './agreement.types';
import { subjectOf } from './agreement-deadlines';

/**
 * The payloads of the `agreement.*` events, built from the agrément's state (schemas in
 * libs/events/src/agreement/agreement-events.ts; the outbox checks them against the catalogue).
 */
export const agreementPayloads = {
  requested(agreement: Agreement) {
    const s = agreement.state;
    return {
      ...subjectOf(agreement),
      application: s.application,
      filedOn: s.filedOn,
      decisionDueOn: s.decisionDueOn,
      previousAgreementId: s.previousAgreementId,
      lateRenewal: s.lateRenewal,
    };
  },

  inspectorOpinionRecorded(agreement: Agreement) {
    const opinion = agreement.state.inspectorOpinion;
    if (!opinion) throw new Error('no inspector opinion to publish');
    return { ...subjectOf(agreement), ...opinion };
  },

  granted(agreement: Agreement) {
    const s = agreement.state;
    if (s.decision?.outcome !== 'granted' && s.decision?.outcome !== 'conditional') {
      throw new Error('no explicit grant to publish');
    }
    return {
      ...subjectOf(agreement),
      decidedOn: s.decision.decidedOn,
      validFrom: known(s.validFrom, 'validFrom'),
      validUntil: known(s.validUntil, 'validUntil'),
      conditional: s.conditional,
      complianceCommitment: s.decision.complianceCommitment,
      limits: s.decision.limits,
      derogations: s.decision.derogations,
      employeesFollowed: s.employeesFollowed,
      renewalOf: s.previousAgreementId,
    };
  },

  refused(agreement: Agreement) {
    const decision = agreement.state.decision;
    if (decision?.outcome !== 'refused') throw new Error('no refusal to publish');
    return { ...subjectOf(agreement), decidedOn: decision.decidedOn, reasons: decision.reasons };
  },

  implicitlyGranted(agreement: Agreement) {
    const s = agreement.state;
    return {
      ...subjectOf(agreement),
      decisionDueOn: s.decisionDueOn,
      validFrom: known(s.validFrom, 'validFrom'),
      validUntil: known(s.validUntil, 'validUntil'),
      employeesFollowed: s.employeesFollowed,
      renewalOf: s.previousAgreementId,
    };
  },

  notice(agreement: Agreement, notice: ComplianceNotice) {
    return {
      ...subjectOf(agreement),
      noticeId: notice.id,
      grounds: notice.grounds,
      deadlineOn: notice.deadlineOn,
    };
  },

  withdrawn(agreement: Agreement) {
    const sanction = agreement.state.sanction;
    if (sanction?.kind !== 'withdrawal') throw new Error('no withdrawal to publish');
    return {
      ...subjectOf(agreement),
      withdrawnOn: sanction.decidedOn,
      grounds: sanction.grounds,
      text: sanction.text,
      memberCompaniesToInform: true as const,
    };
  },

  shortened(agreement: Agreement) {
    const s = agreement.state;
    if (s.sanction?.kind !== 'shortening') throw new Error('no shortening to publish');
    return {
      ...subjectOf(agreement),
      decidedOn: s.sanction.decidedOn,
      previousValidUntil: s.sanction.previousValidUntil,
      validUntil: known(s.validUntil, 'validUntil'),
      grounds: s.sanction.grounds,
      text: s.sanction.text,
      memberCompaniesToInform: true as const,
    };
  },

  expired(agreement: Agreement) {
    const s = agreement.state;
    return {
      ...subjectOf(agreement),
      validUntil: known(s.validUntil, 'validUntil'),
      renewedBy: s.supersededBy,
    };
  },
};

/** A date the state has by the time this event is published (a granted agrément has its period). */
function known<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`no ${what} to publish`);
  return value;
}
