import { agreementDecisionDueTemplate } from './agreement/agreement-decision-due.template';
import { agreementExpiredTemplate } from './agreement/agreement-expired.template';
import { agreementGrantedTemplate } from './agreement/agreement-granted.template';
import { agreementImplicitlyGrantedTemplate } from './agreement/agreement-implicitly-granted.template';
import { agreementInspectorOpinionRecordedTemplate } from './agreement/agreement-inspector-opinion-recorded.template';
import { agreementRecordedTemplate } from './agreement/agreement-recorded.template';
import { agreementRefusedTemplate } from './agreement/agreement-refused.template';
import { agreementRenewalDueTemplate } from './agreement/agreement-renewal-due.template';
import { agreementRequestedTemplate } from './agreement/agreement-requested.template';
import { agreementShortenedTemplate } from './agreement/agreement-shortened.template';
import { agreementWithdrawnTemplate } from './agreement/agreement-withdrawn.template';
import { complianceNoticeDueTemplate } from './agreement/compliance-notice-due.template';
import { complianceNoticeIssuedTemplate } from './agreement/compliance-notice-issued.template';
import { complianceNoticeLapsedTemplate } from './agreement/compliance-notice-lapsed.template';
import { complianceNoticeMetTemplate } from './agreement/compliance-notice-met.template';
import { agrementPolicyReportDueTemplate } from './consultation/agrement-policy-report-due.template';
import { agrementPolicyReportPresentedTemplate } from './consultation/agrement-policy-report-presented.template';
import { consultationAnswerDueTemplate } from './consultation/consultation-answer-due.template';
import { consultationClosedTemplate } from './consultation/consultation-closed.template';
import { consultationCompletedTemplate } from './consultation/consultation-completed.template';
import { consultationOpinionDeliveredTemplate } from './consultation/consultation-opinion-delivered.template';
import { consultationOpinionOverdueTemplate } from './consultation/consultation-opinion-overdue.template';
import { consultationOpinionRequestedTemplate } from './consultation/consultation-opinion-requested.template';
import { consultationSessionScheduledTemplate } from './consultation/consultation-session-scheduled.template';
import { contractAgreementLapsedTemplate } from './contract/contract-agreement-lapsed.template';
import { contractAmendedTemplate } from './contract/contract-amended.template';
import { contractDraftedTemplate } from './contract/contract-drafted.template';
import { contractEvaluatedTemplate } from './contract/contract-evaluated.template';
import { contractEvaluationOverdueTemplate } from './contract/contract-evaluation-overdue.template';
import { contractExpiredTemplate } from './contract/contract-expired.template';
import { contractReadyToSignTemplate } from './contract/contract-ready-to-sign.template';
import { contractRecordedTemplate } from './contract/contract-recorded.template';
import { contractReviewCompletedTemplate } from './contract/contract-review-completed.template';
import { contractReviewDueTemplate } from './contract/contract-review-due.template';
import { contractReviewOverdueTemplate } from './contract/contract-review-overdue.template';
import { contractSignedTemplate } from './contract/contract-signed.template';
import { contractSubmissionWithdrawnTemplate } from './contract/contract-submission-withdrawn.template';
import { contractSubmittedTemplate } from './contract/contract-submitted.template';
import { contractTermDueTemplate } from './contract/contract-term-due.template';
import { organisationRegisteredTemplate } from './organisation/organisation-registered.template';
import { partnershipProtocolConcludedTemplate } from './partnership-protocol/partnership-protocol-concluded.template';
import { partnershipProtocolEndedTemplate } from './partnership-protocol/partnership-protocol-ended.template';
import { partnershipProtocolNegotiationOpenedTemplate } from './partnership-protocol/partnership-protocol-negotiation-opened.template';
import { partnershipProtocolProgressRecordedTemplate } from './partnership-protocol/partnership-protocol-progress-recorded.template';
import { serviceProjectAdoptedTemplate } from './service-project/service-project-adopted.template';
import { serviceProjectApprovedTemplate } from './service-project/service-project-approved.template';
import { serviceProjectRevisedTemplate } from './service-project/service-project-revised.template';
import { serviceProjectWithdrawnTemplate } from './service-project/service-project-withdrawn.template';

/**
 * Every message the service sends, by key. The key is stored with each delivery: do not rename one
 * without migrating the deliveries that carry it.
 */
export const templateCatalogue = {
  [organisationRegisteredTemplate.key]: organisationRegisteredTemplate,
  [agreementRequestedTemplate.key]: agreementRequestedTemplate,
  [agreementInspectorOpinionRecordedTemplate.key]: agreementInspectorOpinionRecordedTemplate,
  [agreementGrantedTemplate.key]: agreementGrantedTemplate,
  [agreementRecordedTemplate.key]: agreementRecordedTemplate,
  [agreementRefusedTemplate.key]: agreementRefusedTemplate,
  [agreementImplicitlyGrantedTemplate.key]: agreementImplicitlyGrantedTemplate,
  [agreementDecisionDueTemplate.key]: agreementDecisionDueTemplate,
  [complianceNoticeIssuedTemplate.key]: complianceNoticeIssuedTemplate,
  [complianceNoticeDueTemplate.key]: complianceNoticeDueTemplate,
  [complianceNoticeMetTemplate.key]: complianceNoticeMetTemplate,
  [complianceNoticeLapsedTemplate.key]: complianceNoticeLapsedTemplate,
  [agreementShortenedTemplate.key]: agreementShortenedTemplate,
  [agreementWithdrawnTemplate.key]: agreementWithdrawnTemplate,
  [agreementRenewalDueTemplate.key]: agreementRenewalDueTemplate,
  [agreementExpiredTemplate.key]: agreementExpiredTemplate,
  [serviceProjectAdoptedTemplate.key]: serviceProjectAdoptedTemplate,
  [serviceProjectApprovedTemplate.key]: serviceProjectApprovedTemplate,
  [serviceProjectRevisedTemplate.key]: serviceProjectRevisedTemplate,
  [serviceProjectWithdrawnTemplate.key]: serviceProjectWithdrawnTemplate,
  [contractSubmittedTemplate.key]: contractSubmittedTemplate,
  [contractReadyToSignTemplate.key]: contractReadyToSignTemplate,
  [contractSignedTemplate.key]: contractSignedTemplate,
  [contractRecordedTemplate.key]: contractRecordedTemplate,
  [contractAmendedTemplate.key]: contractAmendedTemplate,
  [contractReviewDueTemplate.key]: contractReviewDueTemplate,
  [contractReviewOverdueTemplate.key]: contractReviewOverdueTemplate,
  [contractReviewCompletedTemplate.key]: contractReviewCompletedTemplate,
  [contractEvaluatedTemplate.key]: contractEvaluatedTemplate,
  [contractDraftedTemplate.key]: contractDraftedTemplate,
  [contractSubmissionWithdrawnTemplate.key]: contractSubmissionWithdrawnTemplate,
  [contractTermDueTemplate.key]: contractTermDueTemplate,
  [contractEvaluationOverdueTemplate.key]: contractEvaluationOverdueTemplate,
  [contractExpiredTemplate.key]: contractExpiredTemplate,
  [contractAgreementLapsedTemplate.key]: contractAgreementLapsedTemplate,
  [consultationOpinionRequestedTemplate.key]: consultationOpinionRequestedTemplate,
  [consultationOpinionDeliveredTemplate.key]: consultationOpinionDeliveredTemplate,
  [consultationOpinionOverdueTemplate.key]: consultationOpinionOverdueTemplate,
  // Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6).
  [partnershipProtocolNegotiationOpenedTemplate.key]: partnershipProtocolNegotiationOpenedTemplate,
  [partnershipProtocolConcludedTemplate.key]: partnershipProtocolConcludedTemplate,
  [partnershipProtocolProgressRecordedTemplate.key]: partnershipProtocolProgressRecordedTemplate,
  [partnershipProtocolEndedTemplate.key]: partnershipProtocolEndedTemplate,
  [consultationSessionScheduledTemplate.key]: consultationSessionScheduledTemplate,
  [consultationAnswerDueTemplate.key]: consultationAnswerDueTemplate,
  [consultationClosedTemplate.key]: consultationClosedTemplate,
  [consultationCompletedTemplate.key]: consultationCompletedTemplate,
  [agrementPolicyReportDueTemplate.key]: agrementPolicyReportDueTemplate,
  [agrementPolicyReportPresentedTemplate.key]: agrementPolicyReportPresentedTemplate,
} as const;

export type TemplateKey = keyof typeof templateCatalogue;
/** The data template `K` is rendered with: what its rule row builds, plus the recipient and the link. */
export type TemplateDataOf<K extends TemplateKey> = NonNullable<(typeof templateCatalogue)[K]['dataShape']>;

export function isTemplateKey(key: string): key is TemplateKey {
  return Object.hasOwn(templateCatalogue, key);
}
