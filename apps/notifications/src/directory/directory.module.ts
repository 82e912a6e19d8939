import { Module } from '@nestjs/common';
import { ProjectOrganisationHandler } from './application/project-organisation.handler';
import { DirectoryRepository } from './infrastructure/directory.repository';

/** The organisations and contacts this service writes to, projected from `organisation.*` events. */
@Module({
  providers: [DirectoryRepository, ProjectOrganisationHandler],
  exports: [DirectoryRepository, ProjectOrganisationHandler],
})
export class DirectoryModule {}
