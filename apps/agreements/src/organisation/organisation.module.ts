import { Module } from '@nestjs/common';
import { OrganisationController } from './api/organisation.controller';
import { RegisterOrganisationHandler } from './application/register-organisation.handler';
import { UpdateOrganisationHandler } from './application/update-organisation.handler';
import { OrganisationRepository } from './infrastructure/organisation.repository';
import { OrganisationChangeRecorder } from './infrastructure/organisation-change.recorder';

@Module({
  controllers: [OrganisationController],
  providers: [
    RegisterOrganisationHandler,
    UpdateOrganisationHandler,
    OrganisationRepository,
    OrganisationChangeRecorder,
  ],
  // Agréments copy the service's name and regions from the directory when an application is filed.
  exports: [OrganisationRepository],
})
export class OrganisationModule {}
