import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { contractsPersistence } from './contracts.persistence';
import { CpomDocumentModule } from './cpom-document/cpom-document.module';
import { RegionalDiagnosisModule } from './regional-diagnosis/regional-diagnosis.module';

/** The contracts service. Its domain arrives with its own issue; the platform under it is complete. */
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
        CpomDocumentModule,
        RegionalDiagnosisModule,
      ],
    };
  }
}
