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
import { contractsConfigSchema } from '../../src/contracts.config';
import { ContractsModule } from '../../src/contracts.module';

/**
 * The contracts service as main.ts builds it, on this test file's own database, exchange and Redis prefix,
 * with a stand-in for the services whose events it projects (the agreements service's directory and
 * agréments, the consultations service's opinions), publishing through its own outbox.
 */
export async function startContracts(
  label: string,
  overrides: Record<string, string> = {},
): Promise<{
  app: NestFastifyApplication;
  config: PlatformConfig;
  dataSource: DataSource;
  producer: TestProducer;
  env: Record<string, string>;
  close: () => Promise<void>;
}> {
  const db = await createTestDatabase(label);
  const producerDb = await createTestDatabase(`${label}_upstream`);
  const env = { ...isolatedEnvironment(label, db.name), ...overrides };
  const config = loadConfig(contractsConfigSchema, env);
  const app = await createServiceApp({
    module: ContractsModule.forRoot(config),
    config,
    openApi: { title: 'test', description: 'test' },
    configure: async (nest) => {
      connectEventTransport(nest);
      await nest.startAllMicroservices();
    },
  });
  const producer = await TestProducer.start({ ...env, DATABASE_NAME: producerDb.name }, 'agreements');
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    producer,
    env,
    close: async () => {
      await producer.close();
      await app.close();
      await cleanupIsolatedEnvironment(env, ['contracts']);
      await producerDb.drop();
      await db.drop();
    },
  };
}
