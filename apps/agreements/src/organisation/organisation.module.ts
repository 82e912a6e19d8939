import { Module } from '@nestjs/common';
import { OrganisationController } from './api/organisation.controller';
import { CompetentCaisses } from './application/competent-caisses';
import { OrganisationChanges } from './application/organisation-changes';
import { RegisterOrganisationHandler } from './application/register-organisation.handler';
import { UpdateOrganisationHandler } from './application/update-organisation.handler';
import { OrganisationRepository } from './infrastructure/organisation.repository';

@Module({
  controllers: [OrganisationController],
  providers: [
    RegisterOrganisationHandler,
    UpdateOrganisationHandler,
    CompetentCaisses,
    OrganisationChanges,
    OrganisationRepository,
  ],
  // Agréments copy the service's name and regions from the directory when an application is filed.
  exports: [OrganisationRepository],
})
export class OrganisationModule {}
