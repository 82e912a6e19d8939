import { Module } from '@nestjs/common';
import { ServiceProjectController } from './api/service-project.controller';
import { AdoptServiceProjectHandler } from './application/adopt-service-project.handler';
import { ApproveServiceProjectHandler } from './application/approve-service-project.handler';
import { DraftServiceProjectHandler } from './application/draft-service-project.handler';
import { ReviseServiceProjectHandler } from './application/revise-service-project.handler';
import { ServiceProjectReader } from './application/service-project.reader';
import { ServiceProjectStepHandler } from './application/service-project-step.handler';
import { WithdrawServiceProjectHandler } from './application/withdraw-service-project.handler';
import { ServiceDirectoryRepository } from './infrastructure/service-directory.repository';
import { ServiceProjectRepository } from './infrastructure/service-project.repository';
import { ServiceProjectChangeRecorder } from './infrastructure/service-project-change.recorder';

/**
 * Projets pluriannuels de service (L.4622-14): drafted, adopted by the CMT, approved by the board, revised;
 * a text not yet approved may be withdrawn.
 * Exports `ServiceProjectReader` (a service's project as plain data) for the agrément renewal view.
 */
@Module({
  controllers: [ServiceProjectController],
  providers: [
    DraftServiceProjectHandler,
    AdoptServiceProjectHandler,
    ApproveServiceProjectHandler,
    ReviseServiceProjectHandler,
    WithdrawServiceProjectHandler,
    ServiceProjectStepHandler,
    ServiceProjectRepository,
    ServiceDirectoryRepository,
    ServiceProjectChangeRecorder,
    ServiceProjectReader,
  ],
  exports: [ServiceProjectReader],
})
export class ServiceProjectModule {}
