// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { agreementsConfigSchema } from './agreements.config';
import { AgreementsModule } from './agreements.module';

void runService({
  configSchema: agreementsConfigSchema,
  module: (config) => AgreementsModule.forRoot(config),
  openApi: {
    title: 'Tripartite Agreements',
    description: 'Agreements — agréments, directory of organisations, service projects',
  },
});
