import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ServiceProjectModule } from '../service-project/service-project.module';
import { AgreementController } from './api/agreement.controller';
import { AgreedServices } from './application/agreed-services';
import { AgreementAuthority } from './application/agreement-authority';
import { AgreementChanges } from './application/agreement-changes';
import { AgreementDeadlineEffects } from './application/agreement-deadline-effects';
import { AgreementDeadlines } from './application/agreement-deadlines';
import { CpomEventsConsumer } from './application/cpom-events.consumer';
import { DecideApplicationHandler } from './application/decide-application.handler';
import { FileApplicationHandler } from './application/file-application.handler';
import { IssueComplianceNoticeHandler } from './application/issue-compliance-notice.handler';
import { RecordComplianceMetHandler } from './application/record-compliance-met.handler';
import { RecordExistingAgreementHandler } from './application/record-existing-agreement.handler';
import { RecordInspectorOpinionHandler } from './application/record-inspector-opinion.handler';
import { RecordMemberInformationHandler } from './application/record-member-information.handler';
import { RenewalDocuments } from './application/renewal-documents';
import { RenewalTakeover } from './application/renewal-takeover';
import { RenewalViewQuery } from './application/renewal-view.query';
import { ShortenAgreementHandler } from './application/shorten-agreement.handler';
import { WithdrawAgreementHandler } from './application/withdraw-agreement.handler';
import { AgreementRepository } from './infrastructure/agreement.repository';
import { CpomProjectionRepository } from './infrastructure/cpom-projection.repository';

/** Agréments: applications, the MIT opinion, decisions, compliance notices, withdrawal, renewal, expiry. */
@Module({
  imports: [OrganisationModule, ServiceProjectModule],
  controllers: [AgreementController, CpomEventsConsumer],
  providers: [
    // One handler per command.
    FileApplicationHandler,
    RecordExistingAgreementHandler,
    RecordInspectorOpinionHandler,
    DecideApplicationHandler,
    IssueComplianceNoticeHandler,
    RecordComplianceMetHandler,
    WithdrawAgreementHandler,
    ShortenAgreementHandler,
    RecordMemberInformationHandler,
    // The steps they share, and the deadlines.
    AgreementChanges,
    AgreementAuthority,
    AgreedServices,
    RenewalTakeover,
    RenewalDocuments,
    AgreementDeadlines,
    AgreementDeadlineEffects,
    // Reads and projections.
    AgreementRepository,
    CpomProjectionRepository,
    RenewalViewQuery,
  ],
})
export class AgreementModule {}
