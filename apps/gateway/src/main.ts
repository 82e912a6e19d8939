// First: tracing must be set up before the modules it instruments are loaded.
import './telemetry';
import { ConfigError, loadConfig } from '@tripartite/config';
import pino from 'pino';
import { createGatewayApp } from './gateway.app';
import { gatewayConfigSchema } from './gateway.config';

/** The single entry point of the platform: `node dist/apps/gateway/src/main.js` (port 3000 by default). */
async function main(): Promise<void> {
  const config = loadConfig(gatewayConfigSchema, process.env);
  const app = await createGatewayApp(config);
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
}

main().catch((error: unknown) => {
  const logger = pino({ base: { service: 'gateway' } });
  if (error instanceof ConfigError) logger.fatal(error.message);
  else logger.fatal({ err: error }, 'the gateway failed to start');
  process.exitCode = 1;
});
