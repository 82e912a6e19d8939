import { DataSource, type DataSourceOptions, type EntitySchema, type MixedList } from 'typeorm';
import { databaseUrl } from './ensure-database';

// biome-ignore lint/complexity/noBannedTypes: TypeORM takes entity classes as plain constructors.
export type EntityList = MixedList<Function | string | EntitySchema>;

export interface ServiceDataSourceOptions {
  serverUrl: string;
  database: string;
  entities: EntityList;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes migration classes as plain constructors.
  migrations: MixedList<Function | string>;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The one way a service opens its database: its own database, its own entities, migrations only.
 * `synchronize` stays off everywhere, tests included, so what runs in tests is what runs in production.
 */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const config: DataSourceOptions = {
    type: 'postgres',
    url: databaseUrl(options.serverUrl, options.database),
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName,
  };
  return new DataSource(config);
}
