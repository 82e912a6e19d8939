import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { AgreementController } from './api/agreement.controller';
import { AgreementCommands } from './application/agreement-commands';
import { AgreementDeadlineEffects } from './application/agreement-deadline-effects';
import { AgreementDeadlines } from './application/agreement-deadlines';
import { AgreementRepository } from './infrastructure/agreement.repository';
import { AgreementChangeRecorder } from './infrastructure/agreement-change.recorder';

/** Agréments: applications, the MIT opinion, decisions, compliance notices, withdrawal, renewal, expiry. */
@Module({
  imports: [OrganisationModule],
  controllers: [AgreementController],
  providers: [
    AgreementCommands,
    AgreementDeadlines,
    AgreementDeadlineEffects,
    AgreementRepository,
    AgreementChangeRecorder,
  ],
})
export class AgreementModule {}
