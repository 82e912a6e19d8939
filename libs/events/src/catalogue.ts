import type { z } from 'zod';
import * as agreement from './agreement/agreement-events';
import * as consultation from './consultation/consultation-events';
import * as contract from './contract/contract-events';
import * as protocol from './contract/partnership-protocol-events';
import type { EventDefinition } from './event-definition';
import { organisationRegistered, organisationUpdated } from './organisation/organisation-events';
import * as serviceProject from './service-project/service-project-events';

/**
 * Every domain event of the platform, by routing key.
 *
 * DO NOT rename or remove an entry without a migration plan: the key is the RabbitMQ routing key,
 * queues are bound to it, and old messages, outbox rows and parked messages carry it.
 * Each entry is the event's current version (what producers write); its earlier versions, each with the
 * upcaster to the next, stay in the entry (`nextVersion`) for as long as such messages may exist.
 * Only an added optional field with a default keeps the version; any other change is a new version.
 */
export const eventCatalogue = {
  [organisationRegistered.type]: organisationRegistered,
  [organisationUpdated.type]: organisationUpdated,
  [agreement.agreementRequested.type]: agreement.agreementRequested,
  [agreement.agreementInspectorOpinionRecorded.type]: agreement.agreementInspectorOpinionRecorded,
  [agreement.agreementGranted.type]: agreement.agreementGranted,
  [agreement.agreementRefused.type]: agreement.agreementRefused,
  [agreement.agreementRecorded.type]: agreement.agreementRecorded,
  [agreement.agreementImplicitlyGranted.type]: agreement.agreementImplicitlyGranted,
  [agreement.agreementDecisionDue.type]: agreement.agreementDecisionDue,
  [agreement.agreementComplianceNoticeIssued.type]: agreement.agreementComplianceNoticeIssued,
  [agreement.agreementComplianceNoticeDue.type]: agreement.agreementComplianceNoticeDue,
  [agreement.agreementComplianceNoticeMet.type]: agreement.agreementComplianceNoticeMet,
  [agreement.agreementComplianceNoticeLapsed.type]: agreement.agreementComplianceNoticeLapsed,
  [agreement.agreementShortened.type]: agreement.agreementShortened,
  [agreement.agreementWithdrawn.type]: agreement.agreementWithdrawn,
  [agreement.agreementRenewalDue.type]: agreement.agreementRenewalDue,
  [agreement.agreementExpired.type]: agreement.agreementExpired,
  [serviceProject.serviceProjectAdopted.type]: serviceProject.serviceProjectAdopted,
  [serviceProject.serviceProjectApproved.type]: serviceProject.serviceProjectApproved,
  [serviceProject.serviceProjectRevised.type]: serviceProject.serviceProjectRevised,
  [serviceProject.serviceProjectWithdrawn.type]: serviceProject.serviceProjectWithdrawn,
  [contract.contractDrafted.type]: contract.contractDrafted,
  [contract.contractSubmitted.type]: contract.contractSubmitted,
  [contract.contractSubmissionWithdrawn.type]: contract.contractSubmissionWithdrawn,
  [contract.contractReadyToSign.type]: contract.contractReadyToSign,
  [contract.contractSigned.type]: contract.contractSigned,
  [contract.contractRecorded.type]: contract.contractRecorded,
  [contract.contractAmended.type]: contract.contractAmended,
  [contract.contractReviewDue.type]: contract.contractReviewDue,
  [contract.contractReviewOverdue.type]: contract.contractReviewOverdue,
  [contract.contractReviewCompleted.type]: contract.contractReviewCompleted,
  [contract.contractTermDue.type]: contract.contractTermDue,
  [contract.contractEvaluationOverdue.type]: contract.contractEvaluationOverdue,
  [contract.contractExpired.type]: contract.contractExpired,
  [contract.contractEvaluated.type]: contract.contractEvaluated,
  [contract.contractAgreementLapsed.type]: contract.contractAgreementLapsed,
  [protocol.partnershipProtocolNegotiationOpened.type]: protocol.partnershipProtocolNegotiationOpened,
  [protocol.partnershipProtocolConcluded.type]: protocol.partnershipProtocolConcluded,
  [protocol.partnershipProtocolProgressRecorded.type]: protocol.partnershipProtocolProgressRecorded,
  [protocol.partnershipProtocolEnded.type]: protocol.partnershipProtocolEnded,
  [consultation.consultationRequested.type]: consultation.consultationRequested,
  [consultation.consultationSessionScheduled.type]: consultation.consultationSessionScheduled,
  [consultation.consultationOpinionDelivered.type]: consultation.consultationOpinionDelivered,
  [consultation.consultationCompleted.type]: consultation.consultationCompleted,
  [consultation.consultationAnswerDue.type]: consultation.consultationAnswerDue,
  [consultation.consultationAnswerOverdue.type]: consultation.consultationAnswerOverdue,
  [consultation.consultationClosed.type]: consultation.consultationClosed,
  [consultation.agrementPolicyReportDue.type]: consultation.agrementPolicyReportDue,
  [consultation.agrementPolicyReportPresented.type]: consultation.agrementPolicyReportPresented,
} as const satisfies Record<string, EventDefinition>;

export type EventCatalogue = Readonly<Record<string, EventDefinition>>;
/** The platform's catalogue as a type: what `OutboxWriter.append` checks producers against (current versions). */
export type PlatformCatalogue = typeof eventCatalogue;

/**
 * An event of catalogue `C` as a producer hands it over: its type and its payload (the schema's input), as a
 * union discriminated by `type`, so `{ type: 'agreement.granted', payload }` is checked against that event.
 */
export type CatalogueEvent<C extends EventCatalogue, T extends keyof C & string = keyof C & string> = {
  [K in T]: { type: K; payload: z.input<C[K]['schema']> };
}[T];

/** An event of the platform's catalogue, typed (see `CatalogueEvent`). */
export type PlatformEvent<T extends PlatformEventType = PlatformEventType> = CatalogueEvent<
  PlatformCatalogue,
  T
>;
export type PlatformEventType = keyof typeof eventCatalogue;
/** The payload of the current version of `T`: what producers write and handlers receive (older ones upcast). */
export type PayloadOf<T extends PlatformEventType> = z.infer<(typeof eventCatalogue)[T]['schema']>;
