import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ServiceProjectModule } from '../service-project/service-project.module';
import { AgreementController } from './api/agreement.controller';
import { AgreementCommands } from './application/agreement-commands';
import { AgreementDeadlineEffects } from './application/agreement-deadline-effects';
import { AgreementDeadlines } from './application/agreement-deadlines';
import { CpomEventsConsumer } from './application/cpom-events.consumer';
import { RenewalViewQuery } from './application/renewal-view.query';
import { AgreementRepository } from './infrastructure/agreement.repository';
import { AgreementChangeRecorder } from './infrastructure/agreement-change.recorder';
import { CpomProjectionRepository } from './infrastructure/cpom-projection.repository';

/** Agréments: applications, the MIT opinion, decisions, compliance notices, withdrawal, renewal, expiry. */
@Module({
  imports: [OrganisationModule, ServiceProjectModule],
  controllers: [AgreementController, CpomEventsConsumer],
  providers: [
    AgreementCommands,
    AgreementDeadlines,
    AgreementDeadlineEffects,
    AgreementRepository,
    CpomProjectionRepository,
    RenewalViewQuery,
    AgreementChangeRecorder,
  ],
})
export class AgreementModule {}
