import { type DynamicModule, Logger, type Type } from '@nestjs/common';
import { ConfigError, loadConfig, type PlatformConfig } from '@tripartite/config';
import { bootstrapService, type OpenApiInfo } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import type { z } from 'zod';

/**
 * A service's `main.ts` in one call: validate the environment (stop with the names of bad variables),
 * build the app, serve its `@EventPattern` handlers from RabbitMQ, listen.
 */
export async function runService<S extends z.ZodType<PlatformConfig>>(options: {
  configSchema: S;
  module: (config: z.infer<S>) => Type<unknown> | DynamicModule;
  openApi: OpenApiInfo;
}): Promise<void> {
  let config: z.infer<S>;
  try {
    config = loadConfig(options.configSchema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  try {
    await bootstrapService({
      module: options.module(config),
      config,
      openApi: options.openApi,
      configure: async (app) => {
        connectEventTransport(app);
        await app.startAllMicroservices();
      },
    });
  } catch (error) {
    new Logger('Bootstrap').error(
      `${config.SERVICE_NAME} failed to start: ${(error as Error).stack ?? error}`,
    );
    process.exit(1);
  }
}
