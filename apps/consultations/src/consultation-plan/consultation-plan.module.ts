import { Module } from '@nestjs/common';
import { BodyModule } from '../body/body.module';
import { ConsultationPlanController } from './api/consultation-plan.controller';
import { CreateConsultationPlanHandler } from './application/create-consultation-plan.handler';
import { ConsultationPlanRepository } from './infrastructure/consultation-plan.repository';

/** Consultation plans per region (exports the repository: consultations open from the plan in force). */
@Module({
  imports: [BodyModule],
  controllers: [ConsultationPlanController],
  providers: [CreateConsultationPlanHandler, ConsultationPlanRepository],
  exports: [ConsultationPlanRepository],
})
export class ConsultationPlanModule {}
