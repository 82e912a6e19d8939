import { type DynamicModule, Module } from '@nestjs/common';
import type { PlatformConfig } from '@tripartite/config';
import { eventCatalogue } from '@tripartite/events';
import { ServicePlatformModule } from '@tripartite/platform';
import { AgrementPolicyReportModule } from './agrement-policy-report/agrement-policy-report.module';
import { BodyModule } from './body/body.module';
import { ConsultationModule } from './consultation/consultation.module';
import { ConsultationPlanModule } from './consultation-plan/consultation-plan.module';
import { consultationsPersistence } from './consultations.persistence';
import { DirectoryModule } from './directory/directory.module';

/** Consultations: bodies, plans, the CRPRP (or successor) and ARS opinions on each CPOM, yearly agrément information (issue 12). */
@Module({})
export class ConsultationsModule {
  static forRoot(config: PlatformConfig): DynamicModule {
    return {
      module: ConsultationsModule,
      imports: [
        ServicePlatformModule.forRoot({
          config,
          catalogue: eventCatalogue,
          persistence: consultationsPersistence,
        }),
        DirectoryModule,
        BodyModule,
        ConsultationPlanModule,
        ConsultationModule,
        AgrementPolicyReportModule,
      ],
    };
  }
}
