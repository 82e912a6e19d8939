import { type DynamicModule, Logger, Module, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigModule, type PlatformConfig } from '@tripartite/config';
import { LogController } from 'fastify';
import type { Logger as PinoLogger } from 'pino';
import type { IdempotencyOptions } from '../idempotency/idempotency.options';
import { createLogger } from '../logging/create-logger';
import { PinoNestLogger } from '../logging/pino-nest.logger';
import { MetricsRegistry } from '../metrics/metrics.registry';
import { buildOpenApiDocument, type OpenApiInfo } from '../openapi/openapi-document';
import { ProblemFilter } from '../problem/problem.filter';
import { HttpPlatformModule } from './http-platform.module';
import { installJsonBodyParser } from './json-body-parser';
import { installRequestHooks, requestIdOf } from './request-hooks';
import { answerRouterRefusal, MAX_PARAM_LENGTH } from './router-refusals';

export interface ServiceBootstrapOptions {
  /** The service's root module (its controllers, persistence, messaging…). */
  module: Type<unknown> | DynamicModule;
  /** Validated once by `loadConfig`; provided to the app as `PLATFORM_CONFIG`. */
  config: PlatformConfig;
  openApi: OpenApiInfo;
  /** Runs before the app starts, e.g. to connect the RabbitMQ transport (`app.connectMicroservice`). */
  configure?: (app: NestFastifyApplication) => Promise<void>;
  idempotency?: Partial<IdempotencyOptions>;
  /** A pino logger of the caller's (tests); by default one is built from the configuration. */
  logger?: PinoLogger;
}

@Module({})
class ServiceRootModule {}

/**
 * Builds a service exactly as production runs it, initialised but not listening: for integration tests
 * (`app.inject(...)` or `app.listen({ port: 0, host: '127.0.0.1' })`), and for `bootstrapService`.
 */
export async function createServiceApp(options: ServiceBootstrapOptions): Promise<NestFastifyApplication> {
  const logger = options.logger ?? createLogger(options.config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    // One access log line per request is written by our own hook, with the correlation id.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdOf,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerRouterRefusal,
  });
  const root: DynamicModule = {
    module: ServiceRootModule,
    imports: [
      ConfigModule.forRoot(options.config),
      HttpPlatformModule.forRoot({ idempotency: options.idempotency }),
      options.module,
    ],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    // JSON only, UTF-8 only: see json-body-parser.ts.
    bodyParser: false,
  });
  installJsonBodyParser(app.getHttpAdapter().getInstance());
  app.enableShutdownHooks();
  app.useGlobalFilters(new ProblemFilter());
  installRequestHooks(app.getHttpAdapter().getInstance(), app.get(MetricsRegistry), logger);
  if (options.configure) await options.configure(app);
  const document = buildOpenApiDocument(app, options.openApi);
  app.getHttpAdapter().get('/openapi.json', (_request: unknown, reply: { send: (body: unknown) => void }) => {
    reply.send(document);
  });
  await app.init();
  return app;
}

/**
 * Starts a service: builds it (`createServiceApp`) and listens on HTTP_HOST:HTTP_PORT. On SIGTERM Nest
 * closes it (no new requests, in-flight ones finish, connections close); past SHUTDOWN_GRACE_MS the
 * process exits anyway, so Kubernetes never has to kill it.
 */
export async function bootstrapService(options: ServiceBootstrapOptions): Promise<NestFastifyApplication> {
  const app = await createServiceApp(options);
  const { config } = options;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        new Logger('Shutdown').error(`still running ${config.SHUTDOWN_GRACE_MS} ms after ${signal}: exiting`);
        process.exit(1);
      }, config.SHUTDOWN_GRACE_MS).unref();
    });
  }
  await app.listen({ port: config.HTTP_PORT, host: config.HTTP_HOST });
  new Logger('Bootstrap').log(
    `${config.SERVICE_NAME} listening on http://${config.HTTP_HOST}:${config.HTTP_PORT}`,
  );
  return app;
}
