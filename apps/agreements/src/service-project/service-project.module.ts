import { Module } from '@nestjs/common';
import { OrganisationModule } from '../organisation/organisation.module';
import { ServiceProjectController } from './api/service-project.controller';
import { AdoptServiceProjectHandler } from './application/adopt-service-project.handler';
import { ApproveServiceProjectHandler } from './application/approve-service-project.handler';
import { DraftServiceProjectHandler } from './application/draft-service-project.handler';
import { ProjectServices } from './application/project-services';
import { ReviseServiceProjectHandler } from './application/revise-service-project.handler';
import { ServiceProjectReader } from './application/service-project.reader';
import { ServiceProjectChanges } from './application/service-project-changes';
import { ServiceProjectStepHandler } from './application/service-project-step.handler';
import { WithdrawServiceProjectHandler } from './application/withdraw-service-project.handler';
import { ServiceProjectRepository } from './infrastructure/service-project.repository';

/**
 * Projets pluriannuels de service (L.4622-14): drafted, adopted by the CMT, approved by the board, revised;
 * a text not yet approved may be withdrawn.
 * Exports `ServiceProjectReader` (a service's project as plain data) for the agrément renewal view.
 */
@Module({
  imports: [OrganisationModule],
  controllers: [ServiceProjectController],
  providers: [
    DraftServiceProjectHandler,
    AdoptServiceProjectHandler,
    ApproveServiceProjectHandler,
    ReviseServiceProjectHandler,
    WithdrawServiceProjectHandler,
    ServiceProjectStepHandler,
    ServiceProjectRepository,
    ProjectServices,
    ServiceProjectChanges,
    ServiceProjectReader,
  ],
  exports: [ServiceProjectReader],
})
export class ServiceProjectModule {}
