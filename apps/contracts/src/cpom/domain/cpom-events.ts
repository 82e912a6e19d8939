import type { PlatformEvent } from '@tripartite/events';
import type { Cpom } from './cpom';
import type { CpomSignedVersion } from './cpom.types';

/** What every `contract.*` event says of its subject and parties. */
export function subjectOf(cpom: Cpom) {
  const { parties } = cpom.state;
  return {
    contractId: cpom.id,
    serviceId: parties.serviceId,
    regions: [...parties.regions],
    caisseId: parties.caisseId,
    direccteId: parties.direccteId,
  };
}

function period(cpom: Cpom) {
  return { periodStart: cpom.content.periodStart, periodEnd: cpom.content.periodEnd };
}

/** The contents the indicators and agreements services project (libs/events cpom-content.ts). */
export function contentFieldsOf(version: CpomSignedVersion) {
  const { content } = version;
  return {
    contentVersion: version.number,
    contentHash: version.contentHash,
    priorities: content.priorities.map((p) => ({
      priorityId: p.priorityId,
      title: p.title,
      origins: [...p.origins],
    })),
    actions: content.actions.map((a) => ({
      actionId: a.actionId,
      priorityId: a.priorityId,
      title: a.title,
      theme: a.theme,
      expectedResults: a.expectedResults,
    })),
    indicators: content.actions.flatMap((a) =>
      a.indicators.map((i) => ({
        indicatorId: i.indicatorId,
        actionId: a.actionId,
        name: i.name,
        kind: i.kind,
        purpose: i.purpose,
        unit: i.unit,
        baseline: i.baseline,
        target: i.target,
        direction: i.direction,
        frequency: i.frequency,
      })),
    ),
  };
}

function signedPayloadOf(cpom: Cpom) {
  const version = cpom.currentSignedVersion;
  if (!version) throw new Error('the CPOM is not signed');
  return { ...subjectOf(cpom), ...period(cpom), signedOn: version.signedOn, ...contentFieldsOf(version) };
}

/**
 * The `contract.*` events, built from the CPOM's state and checked by the compiler against the catalogue
 * (libs/events/src/contract/contract-events.ts), and by the outbox again.
 */
export const cpomEvents = {
  drafted(cpom: Cpom): PlatformEvent<'contract.drafted'> {
    return {
      type: 'contract.drafted',
      payload: { ...subjectOf(cpom), ...period(cpom), draftedOn: cpom.state.draftedOn },
    };
  },

  submitted(cpom: Cpom): PlatformEvent<'contract.submitted'> {
    const { submittedVersion, submittedOn } = cpom.state;
    if (submittedVersion === null || submittedOn === null) throw new Error('no submission to publish');
    return {
      type: 'contract.submitted',
      payload: { ...subjectOf(cpom), ...period(cpom), contentVersion: submittedVersion, submittedOn },
    };
  },

  submissionWithdrawn(
    cpom: Cpom,
    withdrawal: { contentVersion: number; withdrawnOn: string; reason: string },
  ): PlatformEvent<'contract.submission_withdrawn'> {
    return { type: 'contract.submission_withdrawn', payload: { ...subjectOf(cpom), ...withdrawal } };
  },

  readyToSign(cpom: Cpom): PlatformEvent<'contract.ready_to_sign'> {
    const { readyOn, contentVersion } = cpom.state;
    if (readyOn === null) throw new Error('the CPOM is not ready to sign');
    return {
      type: 'contract.ready_to_sign',
      payload: { ...subjectOf(cpom), contentVersion, readyOn, withReservations: cpom.signedWithReservations },
    };
  },

  signed(cpom: Cpom): PlatformEvent<'contract.signed'> {
    return { type: 'contract.signed', payload: signedPayloadOf(cpom) };
  },

  /** A CPOM signed before the region joined: the same facts as `signed`, and the reference it was filed under. */
  recorded(cpom: Cpom, reference: string | null): PlatformEvent<'contract.recorded'> {
    const status = cpom.status === 'SIGNED' ? 'signed' : 'expired';
    return { type: 'contract.recorded', payload: { ...signedPayloadOf(cpom), status, reference } };
  },

  reviewCompleted(cpom: Cpom): PlatformEvent<'contract.review_completed'> {
    const review = cpom.state.reviews.at(-1);
    if (!review) throw new Error('no review to publish');
    const { contractId, serviceId, regions } = subjectOf(cpom);
    return {
      type: 'contract.review_completed',
      payload: {
        contractId,
        serviceId,
        regions,
        reviewedOn: review.reviewedOn,
        summary: review.decisions || review.difficulties || `Revue du ${review.reviewedOn}`,
        nextReviewDueOn: cpom.nextReviewDueOn,
      },
    };
  },

  expired(cpom: Cpom): PlatformEvent<'contract.expired'> {
    return { type: 'contract.expired', payload: { ...subjectOf(cpom), periodEnd: cpom.content.periodEnd } };
  },

  evaluated(cpom: Cpom): PlatformEvent<'contract.evaluated'> {
    const evaluation = cpom.state.evaluation;
    if (!evaluation) throw new Error('no evaluation to publish');
    const { contractId, serviceId, regions } = subjectOf(cpom);
    return {
      type: 'contract.evaluated',
      payload: {
        contractId,
        serviceId,
        regions,
        evaluatedOn: evaluation.evaluatedOn,
        summary: evaluation.summary,
      },
    };
  },

  agreementLapsed(cpom: Cpom): PlatformEvent<'contract.agreement_lapsed'> {
    const lapse = cpom.state.agreementLapse;
    if (!lapse) throw new Error('no lapse to publish');
    return { type: 'contract.agreement_lapsed', payload: { ...subjectOf(cpom), ...lapse } };
  },

  amended(cpom: Cpom): PlatformEvent<'contract.amended'> {
    const version = cpom.currentSignedVersion;
    const amendment = cpom.state.amendments.find((a) => a.number === version?.amendmentNumber);
    if (!version || !amendment) throw new Error('no applied amendment to publish');
    return {
      type: 'contract.amended',
      payload: {
        ...subjectOf(cpom),
        ...period(cpom),
        amendmentNumber: amendment.number,
        signedOn: version.signedOn,
        summary: amendment.summary,
        ...contentFieldsOf(version),
      },
    };
  },
};
