import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type PlatformConfig } from '@tripartite/config';
import { createServiceApp } from '@tripartite/http';
import { connectEventTransport } from '@tripartite/messaging';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  isolatedEnvironment,
  TestProducer,
} from '@tripartite/testing';
import { DataSource } from 'typeorm';
import { indicatorsConfigSchema } from '../../src/indicators.config';
import { IndicatorsModule } from '../../src/indicators.module';

export interface StartedIndicators {
  app: NestFastifyApplication;
  config: PlatformConfig;
  dataSource: DataSource;
  env: Record<string, string>;
  /** Stand-ins for the producing services, each on its own database and the test's exchange. */
  contracts: TestProducer;
  agreements: TestProducer;
  close: () => Promise<void>;
}

/**
 * The indicators service as main.ts builds it, on this test file's own database, exchange and Redis prefix,
 * with stand-ins for the contracts and agreements services publishing through their outboxes. `prepare` may
 * fill the database before the service starts (and runs its pending migrations).
 */
export async function startIndicators(
  label: string,
  options: { prepare?: (databaseName: string) => Promise<void> } = {},
): Promise<StartedIndicators> {
  const db = await createTestDatabase(label);
  // A database as an earlier release left it, for a migration's test.
  await options.prepare?.(db.name);
  const contractsDb = await createTestDatabase(`${label}_contracts`);
  const agreementsDb = await createTestDatabase(`${label}_agreements`);
  const env = isolatedEnvironment(label, db.name);
  const config = loadConfig(indicatorsConfigSchema, env);
  const app = await createServiceApp({
    module: IndicatorsModule.forRoot(config),
    config,
    openApi: { title: 'test', description: 'test' },
    configure: async (nest) => {
      connectEventTransport(nest);
      await nest.startAllMicroservices();
    },
  });
  const contracts = await TestProducer.start({ ...env, DATABASE_NAME: contractsDb.name }, 'contracts');
  const agreements = await TestProducer.start({ ...env, DATABASE_NAME: agreementsDb.name }, 'agreements');
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    env,
    contracts,
    agreements,
    close: async () => {
      await contracts.close();
      await agreements.close();
      await app.close();
      await cleanupIsolatedEnvironment(env, ['indicators']);
      await Promise.all([db.drop(), contractsDb.drop(), agreementsDb.drop()]);
    },
  };
}
