import 'reflect-metadata';
import { runService } from '@tripartite/platform';
import { indicatorsConfigSchema } from './indicators.config';
import { IndicatorsModule } from './indicators.module';

void runService({
  configSchema: indicatorsConfigSchema,
  module: (config) => IndicatorsModule.forRoot(config),
  openApi: { title: 'Tripartite Indicators', description: 'Indicators — measurements and steering figures' },
});
