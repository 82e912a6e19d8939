import { Module } from '@nestjs/common';
import { ProjectContractPartiesHandler } from './application/project-contract-parties.handler';
import { ProjectOrganisationHandler } from './application/project-organisation.handler';
import { ContractPartiesRepository } from './infrastructure/contract-parties.repository';
import { DirectoryRepository } from './infrastructure/directory.repository';

/**
 * Who is who, projected from events: organisations and their contacts (`organisation.*`), and the
 * three parties of each CPOM (`contract.*` events that name them).
 */
@Module({
  providers: [
    DirectoryRepository,
    ProjectOrganisationHandler,
    ContractPartiesRepository,
    ProjectContractPartiesHandler,
  ],
  exports: [
    DirectoryRepository,
    ProjectOrganisationHandler,
    ContractPartiesRepository,
    ProjectContractPartiesHandler,
  ],
})
export class DirectoryModule {}
