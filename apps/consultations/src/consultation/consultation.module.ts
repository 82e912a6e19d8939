import { Module } from '@nestjs/common';
import { BodyModule } from '../body/body.module';
import { ConsultationPlanModule } from '../consultation-plan/consultation-plan.module';
import { DirectoryModule } from '../directory/directory.module';
import { PlannedDeadlines } from '../shared/planned-deadlines';
import { ConsultationController } from './api/consultation.controller';
import { CloseWithdrawnConsultationsHandler } from './application/close-withdrawn-consultations.handler';
import { ConsultationAuthority } from './application/consultation-authority';
import { ConsultationChanges } from './application/consultation-changes';
import { ConsultationCompletion } from './application/consultation-completion';
import { ConsultationDeadlines } from './application/consultation-deadlines';
import { ContractEventsConsumer } from './application/contract-events.consumer';
import { DeliverOpinionHandler } from './application/deliver-opinion.handler';
import { OpenConsultationsHandler } from './application/open-consultations.handler';
import { PendingConsultationsCloser } from './application/pending-consultations-closer';
import { Recusals } from './application/recusals';
import { ScheduleSessionHandler } from './application/schedule-session.handler';
import { ConsultationRepository } from './infrastructure/consultation.repository';

/** Consultations on each CPOM version: opened and closed from contract events, sessions, opinions, completion. */
@Module({
  imports: [DirectoryModule, BodyModule, ConsultationPlanModule],
  controllers: [ConsultationController, ContractEventsConsumer],
  providers: [
    // One handler per command or consumed fact.
    OpenConsultationsHandler,
    CloseWithdrawnConsultationsHandler,
    ScheduleSessionHandler,
    DeliverOpinionHandler,
    // The steps they share, and the deadlines.
    ConsultationChanges,
    ConsultationAuthority,
    ConsultationCompletion,
    ConsultationDeadlines,
    PlannedDeadlines,
    PendingConsultationsCloser,
    Recusals,
    ConsultationRepository,
  ],
})
export class ConsultationModule {}
