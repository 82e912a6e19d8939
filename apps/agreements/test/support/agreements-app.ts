import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import { cleanupIsolatedEnvironment, createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { DataSource } from 'typeorm';
import { agreementsConfigSchema } from '../../src/agreements.config';
import { AgreementsModule } from '../../src/agreements.module';

/** The agreements service as main.ts builds it, on this test file's own database, exchange and Redis prefix. */
export async function startAgreements(
  label: string,
  overrides: Record<string, string> = {},
): Promise<{
  app: NestFastifyApplication;
  config: PlatformConfig;
  dataSource: DataSource;
  /** The environment the service was started with (its database, exchange, Redis prefix). */
  env: Record<string, string>;
  close: () => Promise<void>;
}> {
  const db = await createTestDatabase(label);
  const env = { ...isolatedEnvironment(label, db.name), ...overrides };
  const config = loadConfig(agreementsConfigSchema, env);
  const app = await createServiceApp({
    module: AgreementsModule.forRoot(config),
    config,
    openApi: { title: 'test', description: 'test' },
    configure: async (nest) => {
      connectEventTransport(nest);
      await nest.startAllMicroservices();
    },
  });
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    env,
    close: async () => {
      await app.close();
      await cleanupIsolatedEnvironment(env, ['agreements']);
      await db.drop();
    },
  };
}
