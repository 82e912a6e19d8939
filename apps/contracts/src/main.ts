// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { contractsConfigSchema } from './contracts.config';
import { ContractsModule } from './contracts.module';

void runService({
  configSchema: contractsConfigSchema,
  module: (config) => ContractsModule.forRoot(config),
  openApi: {
    title: 'Tripartite Contracts',
    description: 'Contracts — CPOM, amendments, annual reviews, final evaluations',
  },
});
