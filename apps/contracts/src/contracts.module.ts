import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { contractsPersistence } from './contracts.persistence';
import { CpomModule } from './cpom/cpom.module';
import { CpomDocumentModule } from './cpom-document/cpom-document.module';
import { DirectoryModule } from './directory/directory.module';
import { PartnershipProtocolModule } from './partnership-protocol/partnership-protocol.module';
import { RegionalDiagnosisModule } from './regional-diagnosis/regional-diagnosis.module';

/** Contracts: the CPOM from draft to final evaluation (issue 11), on the directory it learns from events. */
@Module({})
export class ContractsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ContractsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          persistence: contractsPersistence,
        }),
        DirectoryModule,
        CpomDocumentModule,
        RegionalDiagnosisModule,
        PartnershipProtocolModule,
        CpomModule,
      ],
    };
  }
}
