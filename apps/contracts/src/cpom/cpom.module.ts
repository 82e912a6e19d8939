import { Module } from '@nestjs/common';
import { CpomDocumentModule } from '../cpom-document/cpom-document.module';
import { DirectoryModule } from '../directory/directory.module';
import { PartnershipProtocolModule } from '../partnership-protocol/partnership-protocol.module';
import { RegionalDiagnosisModule } from '../regional-diagnosis/regional-diagnosis.module';
import { CpomController } from './api/cpom.controller';
import { ConsultationEventsConsumer } from './application/consultation-events.consumer';
import { CpomAccess } from './application/cpom-access';
import { CpomAgreementLapses } from './application/cpom-agreement-lapses';
import { CpomChanges } from './application/cpom-changes';
import { CpomDeadlineEffects } from './application/cpom-deadline-effects';
import { CpomDeadlines } from './application/cpom-deadlines';
import { CpomDocumentQuery } from './application/cpom-document.query';
import { CpomParties } from './application/cpom-parties';
import { CpomPeriods } from './application/cpom-periods';
import { DraftCpomHandler } from './application/draft-cpom.handler';
import { DraftCpomAmendmentHandler } from './application/draft-cpom-amendment.handler';
import { EvaluateCpomHandler } from './application/evaluate-cpom.handler';
import { RecordCpomReviewHandler } from './application/record-cpom-review.handler';
import { RecordExistingCpomHandler } from './application/record-existing-cpom.handler';
import { ReviseCpomHandler } from './application/revise-cpom.handler';
import { SignCpomHandler } from './application/sign-cpom.handler';
import { SignCpomAmendmentHandler } from './application/sign-cpom-amendment.handler';
import { SubmitCpomHandler } from './application/submit-cpom.handler';
import { WithdrawCpomSubmissionHandler } from './application/withdraw-cpom-submission.handler';
import { CpomRepository } from './infrastructure/cpom.repository';

/** CPOMs: draft, submission, opinions, signatures (issue 11). */
@Module({
  imports: [DirectoryModule, CpomDocumentModule, RegionalDiagnosisModule, PartnershipProtocolModule],
  controllers: [CpomController, ConsultationEventsConsumer],
  providers: [
    // One handler per command.
    DraftCpomHandler,
    ReviseCpomHandler,
    SubmitCpomHandler,
    WithdrawCpomSubmissionHandler,
    SignCpomHandler,
    RecordCpomReviewHandler,
    EvaluateCpomHandler,
    RecordExistingCpomHandler,
    DraftCpomAmendmentHandler,
    SignCpomAmendmentHandler,
    // The steps they share, and the deadlines.
    CpomChanges,
    CpomAccess,
    CpomParties,
    CpomPeriods,
    CpomDeadlines,
    CpomDeadlineEffects,
    CpomAgreementLapses,
    CpomRepository,
    CpomDocumentQuery,
  ],
  exports: [CpomRepository],
})
export class CpomModule {}
