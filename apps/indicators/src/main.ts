// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { indicatorsConfigSchema } from './indicators.config';
import { IndicatorsModule } from './indicators.module';

void runService({
  configSchema: indicatorsConfigSchema,
  module: (config) => IndicatorsModule.forRoot(config),
  openApi: { title: 'Tripartite Indicators', description: 'Indicators — measurements and steering figures' },
});
