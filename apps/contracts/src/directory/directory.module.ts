import { Module } from '@nestjs/common';
import { AgreementEventsConsumer } from './application/agreement-events.consumer';
import { AgreementLapses } from './application/agreement-lapses';
import { OrganisationEventsConsumer } from './application/organisation-events.consumer';
import { ProjectAgreementHandler } from './application/project-agreement.handler';
import { ServiceDirectory } from './application/service-directory';
import { DirectoryRepository } from './infrastructure/directory.repository';

/**
 * The directory as the contracts service knows it from events (organisations, agréments). Other slices
 * import this module and read it through `ServiceDirectory`.
 */
@Module({
  controllers: [OrganisationEventsConsumer, AgreementEventsConsumer],
  providers: [DirectoryRepository, ProjectAgreementHandler, ServiceDirectory, AgreementLapses],
  exports: [ServiceDirectory, AgreementLapses],
})
export class DirectoryModule {}
