// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { consultationsConfigSchema } from './consultations.config';
import { ConsultationsModule } from './consultations.module';

void runService({
  configSchema: consultationsConfigSchema,
  module: (config) => ConsultationsModule.forRoot(config),
  openApi: { title: 'Tripartite Consultations', description: 'Consultations — CRPRP and ARS opinions' },
});
