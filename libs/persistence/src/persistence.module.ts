import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { DataSource, type DataSourceOptions, type MixedList } from 'typeorm';
import { createServiceDataSource, type EntityList } from './data-source.factory';
import { ensureDatabase } from './ensure-database';

export interface PersistenceModuleOptions {
  entities: EntityList;
  // biome-ignore lint/complexity/noBannedTypes: TypeORM takes migration classes as plain constructors.
  migrations: MixedList<Function | string>;
  /** Apply pending migrations at boot (default true; `npm run migration:run` does it alone). */
  migrateOnBoot?: boolean;
}

/** The service's DataSource, on its own database, created and migrated on first start. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig): DataSourceOptions =>
            createServiceDataSource({
              serverUrl: config.DATABASE_URL,
              database: config.DATABASE_NAME,
              entities: options.entities,
              migrations: options.migrations,
              poolSize: config.DATABASE_POOL_SIZE,
              applicationName: config.SERVICE_NAME,
            }).options,
          dataSourceFactory: async (dataSourceOptions?: DataSourceOptions) => {
            if (!dataSourceOptions) throw new Error('PersistenceModule: no data source options');
            return openServiceDatabase(new DataSource(dataSourceOptions), options.migrateOnBoot ?? true);
          },
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}

/** Creates the database if absent, connects, and applies pending migrations. */
export async function openServiceDatabase(dataSource: DataSource, migrate: boolean): Promise<DataSource> {
  const options = dataSource.options as { url: string };
  const url = new URL(options.url);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  await ensureDatabase(url.toString(), name);
  await dataSource.initialize();
  if (migrate) await runMigrationsExclusively(dataSource);
  return dataSource;
}

/** Replicas booting together would race on the migrations table: one applies, the others wait. */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock(hashtext('tripartite.migrations'))");
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query("SELECT pg_advisory_unlock(hashtext('tripartite.migrations'))").catch(() => undefined);
    await runner.release();
  }
}
