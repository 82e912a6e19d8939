// Applies pending migrations to each service's own database (creating it if absent), without starting the
// services: `npm run migration:run [-- agreements contracts …]`. Services also do this at boot; this command is
// for a release step (a Kubernetes Job) that must finish before the new version takes traffic.
import 'reflect-metadata';
import { ConfigError, loadConfig, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import { createServiceDataSource, openServiceDatabase } from '@tripartite/persistence';
import { type ServicePersistence, withPlatformTables } from '@tripartite/platform';
import { agreementsConfigSchema } from '../apps/agreements/src/agreements.config';
import { agreementsPersistence } from '../apps/agreements/src/agreements.persistence';
import { notificationsConfigSchema } from '../apps/notifications/src/notifications.config';
import { notificationsPersistence } from '../apps/notifications/src/notifications.persistence';

const none: ServicePersistence = { entities: [], migrations: [] };

/** Each service with a database: how it reads its environment and which tables it owns. */
const services: Record<string, { config: () => PlatformConfig; persistence: ServicePersistence }> = {
  agreements: { config: () => loadConfig(agreementsConfigSchema), persistence: agreementsPersistence },
  contracts: { config: () => loadConfig(serviceConfigSchema('contracts', 3002)), persistence: none },
  consultations: { config: () => loadConfig(serviceConfigSchema('consultations', 3003)), persistence: none },
  notifications: {
    config: () => loadConfig(notificationsConfigSchema),
    persistence: notificationsPersistence,
  },
  indicators: { config: () => loadConfig(serviceConfigSchema('indicators', 3005)), persistence: none },
};

async function migrate(name: string): Promise<void> {
  const service = services[name];
  if (!service) throw new Error(`unknown service "${name}" (known: ${Object.keys(services).join(', ')})`);
  const config = service.config();
  const { entities, migrations } = withPlatformTables(service.persistence);
  const dataSource = createServiceDataSource({
    serverUrl: config.DATABASE_URL,
    database: config.DATABASE_NAME,
    entities: [...entities],
    migrations: [...migrations],
    applicationName: `${name}-migrate`,
  });
  await openServiceDatabase(dataSource, true);
  const applied: { name: string }[] = await dataSource.query('SELECT name FROM migrations ORDER BY id');
  await dataSource.destroy();
  console.log(
    `${name}: database ${config.DATABASE_NAME} at ${applied.at(-1)?.name ?? '(none)'} (${applied.length} applied)`,
  );
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(services)) await migrate(name);
}

main().catch((error) => {
  console.error(error instanceof ConfigError ? error.message : `migration failed: ${error.stack ?? error}`);
  process.exit(1);
});
