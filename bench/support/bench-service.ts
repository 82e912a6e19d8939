import { type DynamicModule, type INestApplication, Module, type Provider, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { ClockModule } from '@tripartite/clock';
import { ConfigModule, type PlatformConfig } from '@tripartite/config';
import { connectEventTransport, MessagingModule, messagingPersistence } from '@tripartite/messaging';
import { PersistenceModule } from '@tripartite/persistence';
import { benchCatalogue } from './bench-catalogue';
import { CreateBenchEffects1764000090000 } from './migrations/1764000090000-create-bench-effects';

interface BenchServiceOptions {
  config: PlatformConfig;
  controllers: Type<unknown>[];
  providers: Provider[];
}

/** A service as `main.ts` wires one: config, clock, its own database, messaging, its handlers. */
@Module({})
class BenchServiceModule {
  static forRoot(options: BenchServiceOptions): DynamicModule {
    return {
      module: BenchServiceModule,
      imports: [
        ConfigModule.forRoot(options.config),
        ClockModule.forRoot({ adjustable: false }),
        PersistenceModule.forRoot({
          entities: [...messagingPersistence.entities],
          migrations: [...messagingPersistence.migrations, CreateBenchEffects1764000090000],
        }),
        MessagingModule.forRoot({ catalogue: benchCatalogue }),
      ],
      controllers: options.controllers,
      providers: options.providers,
    };
  }
}

/**
 * Boots one service in this process, as the services' `main.ts` do (minus the HTTP listener, which
 * the event path does not use): the relay starts at init, the `@EventPattern` transport attaches its
 * quorum queue before init returns. Nest's logger is off (LOG_LEVEL silent).
 */
export async function startBenchService(
  options: BenchServiceOptions,
  beforeStart: (app: INestApplication) => void = () => undefined,
): Promise<INestApplication> {
  const app = await NestFactory.create(BenchServiceModule.forRoot(options), new FastifyAdapter(), {
    logger: options.config.LOG_LEVEL === 'silent' ? false : ['error', 'warn'],
    abortOnError: false,
  });
  try {
    beforeStart(app);
    connectEventTransport(app);
    await app.startAllMicroservices();
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
