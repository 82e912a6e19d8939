import { Module } from '@nestjs/common';
import { OrganisationController } from './api/organisation.controller';
import { RegisterOrganisationHandler } from './application/register-organisation.handler';
import { OrganisationRepository } from './infrastructure/organisation.repository';

@Module({
  controllers: [OrganisationController],
  providers: [RegisterOrganisationHandler, OrganisationRepository],
})
export class OrganisationModule {}
