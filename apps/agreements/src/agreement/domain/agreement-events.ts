import type { PlatformEvent } from '@tripartite/events';
import type { Agreement } from './agreement';
import type { ComplianceNotice } from './agreement.types';
import { subjectOf } from './agreement-deadlines';

/**
 * The `agreement.*` events, built from the agrément's state: each answers `{ type, payload }` checked by the
 * compiler against the catalogue (libs/events/src/agreement/agreement-events.ts), and by the outbox again.
 */
export const agreementEvents = {
  requested(agreement: Agreement): PlatformEvent<'agreement.requested'> {
    const s = agreement.state;
    return {
      type: 'agreement.requested',
      payload: {
        ...subjectOf(agreement),
        application: s.application,
        filedOn: known(s.filedOn, 'filedOn'),
        decisionDueOn: known(s.decisionDueOn, 'decisionDueOn'),
        previousAgreementId: s.previousAgreementId,
        lateRenewal: s.lateRenewal,
      },
    };
  },

  inspectorOpinionRecorded(agreement: Agreement): PlatformEvent<'agreement.inspector_opinion_recorded'> {
    const opinion = known(agreement.state.inspectorOpinion, 'inspector opinion');
    return { type: 'agreement.inspector_opinion_recorded', payload: { ...subjectOf(agreement), ...opinion } };
  },

  granted(agreement: Agreement): PlatformEvent<'agreement.granted'> {
    const { grant, decision } = grantOf(agreement);
    return {
      type: 'agreement.granted',
      payload: {
        ...grant,
        renewalOf: agreement.state.previousAgreementId,
        renewalExamination: decision.renewalExamination,
      },
    };
  },

  recorded(agreement: Agreement): PlatformEvent<'agreement.recorded'> {
    const { origin, status } = agreement.state;
    if (origin.kind !== 'existing') throw new Error('no recorded agrément to publish');
    return {
      type: 'agreement.recorded',
      payload: {
        ...grantOf(agreement).grant,
        status: status === 'expired' ? 'expired' : 'granted',
        reference: origin.reference,
      },
    };
  },

  refused(agreement: Agreement): PlatformEvent<'agreement.refused'> {
    const decision = agreement.state.decision;
    if (decision?.outcome !== 'refused') throw new Error('no refusal to publish');
    return {
      type: 'agreement.refused',
      payload: {
        ...subjectOf(agreement),
        decidedOn: decision.decidedOn,
        reasons: decision.reasons,
        renewalExamination: decision.renewalExamination,
      },
    };
  },

  implicitlyGranted(agreement: Agreement): PlatformEvent<'agreement.implicitly_granted'> {
    const s = agreement.state;
    return {
      type: 'agreement.implicitly_granted',
      payload: {
        ...subjectOf(agreement),
        decisionDueOn: known(s.decisionDueOn, 'decisionDueOn'),
        validFrom: known(s.validFrom, 'validFrom'),
        validUntil: known(s.validUntil, 'validUntil'),
        employeesFollowed: s.employeesFollowed,
        renewalOf: s.previousAgreementId,
      },
    };
  },

  noticeIssued(
    agreement: Agreement,
    notice: ComplianceNotice,
  ): PlatformEvent<'agreement.compliance_notice_issued'> {
    return {
      type: 'agreement.compliance_notice_issued',
      payload: { ...noticeSubject(agreement, notice), noticeOn: notice.noticeOn, text: notice.text },
    };
  },

  noticeMet(
    agreement: Agreement,
    notice: ComplianceNotice,
  ): PlatformEvent<'agreement.compliance_notice_met'> {
    return {
      type: 'agreement.compliance_notice_met',
      payload: { ...noticeSubject(agreement, notice), metOn: known(notice.metOn, 'metOn') },
    };
  },

  noticeLapsed(
    agreement: Agreement,
    notice: ComplianceNotice,
  ): PlatformEvent<'agreement.compliance_notice_lapsed'> {
    return { type: 'agreement.compliance_notice_lapsed', payload: noticeSubject(agreement, notice) };
  },

  withdrawn(agreement: Agreement): PlatformEvent<'agreement.withdrawn'> {
    const sanction = agreement.state.sanction;
    if (sanction?.kind !== 'withdrawal') throw new Error('no withdrawal to publish');
    return {
      type: 'agreement.withdrawn',
      payload: {
        ...subjectOf(agreement),
        withdrawnOn: sanction.decidedOn,
        grounds: sanction.grounds,
        text: sanction.text,
        memberCompaniesToInform: true,
      },
    };
  },

  shortened(agreement: Agreement): PlatformEvent<'agreement.shortened'> {
    const s = agreement.state;
    if (s.sanction?.kind !== 'shortening') throw new Error('no shortening to publish');
    return {
      type: 'agreement.shortened',
      payload: {
        ...subjectOf(agreement),
        decidedOn: s.sanction.decidedOn,
        previousValidUntil: s.sanction.previousValidUntil,
        validUntil: known(s.validUntil, 'validUntil'),
        grounds: s.sanction.grounds,
        text: s.sanction.text,
        memberCompaniesToInform: true,
      },
    };
  },

  expired(agreement: Agreement): PlatformEvent<'agreement.expired'> {
    const s = agreement.state;
    return {
      type: 'agreement.expired',
      payload: {
        ...subjectOf(agreement),
        validUntil: known(s.validUntil, 'validUntil'),
        renewedBy: s.supersededBy,
      },
    };
  },
};

/** What an explicit grant fixed, decided here or recorded as it stood. */
function grantOf(agreement: Agreement) {
  const s = agreement.state;
  const decision = s.decision;
  if (decision?.outcome !== 'granted' && decision?.outcome !== 'conditional') {
    throw new Error('no explicit grant to publish');
  }
  return {
    decision,
    grant: {
      ...subjectOf(agreement),
      decidedOn: decision.decidedOn,
      validFrom: known(s.validFrom, 'validFrom'),
      validUntil: known(s.validUntil, 'validUntil'),
      conditional: s.conditional,
      complianceCommitment: decision.complianceCommitment,
      limits: decision.limits,
      derogations: decision.derogations,
      employeesFollowed: s.employeesFollowed,
    },
  };
}

function noticeSubject(agreement: Agreement, notice: ComplianceNotice) {
  return {
    ...subjectOf(agreement),
    noticeId: notice.id,
    grounds: notice.grounds,
    deadlineOn: notice.deadlineOn,
  };
}

/** A value the state has by the time this event is published (a granted agrément has its period). */
function known<T>(value: T | null, what: string): T {
  if (value === null) throw new Error(`no ${what} to publish`);
  return value;
}
