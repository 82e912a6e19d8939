import { Module } from '@nestjs/common';
import { BodyModule } from '../body/body.module';
import { DirectoryModule } from '../directory/directory.module';
import { PlannedDeadlines } from '../shared/planned-deadlines';
import { AgrementPolicyReportController } from './api/agrement-policy-report.controller';
import { PlanAgrementPolicyReportHandler } from './application/plan-agrement-policy-report.handler';
import { PresentAgrementPolicyReportHandler } from './application/present-agrement-policy-report.handler';
import { ReportAuthority } from './application/report-authority';
import { ReportDeadlines } from './application/report-deadlines';
import { AgrementPolicyReportRepository } from './infrastructure/agrement-policy-report.repository';
import { FiguresPdf } from './infrastructure/figures-pdf';

/** The yearly information on agrément policy per region (seed 002 I.2). */
@Module({
  imports: [DirectoryModule, BodyModule],
  controllers: [AgrementPolicyReportController],
  providers: [
    PlanAgrementPolicyReportHandler,
    PresentAgrementPolicyReportHandler,
    ReportAuthority,
    ReportDeadlines,
    PlannedDeadlines,
    AgrementPolicyReportRepository,
    FiguresPdf,
  ],
})
export class AgrementPolicyReportModule {}
