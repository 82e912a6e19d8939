import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { tokenVerifierFromConfig } from '@tripartite/auth';
import {
  answerRouterRefusal,
  createLogger,
  installRequestHooks,
  MetricsRegistry,
  PinoNestLogger,
  requestIdOf,
} from '@tripartite/http';
import { LogController } from 'fastify';
import { Redis } from 'ioredis';
import { type GatewayConfig, serviceUrls } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { OpenApiAggregator } from './openapi/openapi-aggregator';
import { ProblemFilter } from './problem/problem.filter';
import { proxyPlugin } from './routing/proxy.plugin';
import { RouteMatcher } from './routing/route-matcher';
import { type GatewayRoute, ROUTE_TABLE } from './routing/route-table';
import { registerCorsPolicy } from './security/cors-policy';
import { registerSecurityHeaders } from './security/security-headers';

/** W3C trace context headers: the caller's, read by the HTTP instrumentation as the parent of the request's span. */
const TRACE_HEADERS = ['traceparent', 'tracestate'] as const;

/**
 * Builds the gateway, initialised but not listening (`main.ts` listens; tests listen on port 0).
 * Its Redis connection, if any, closes with the application.
 */
export async function createGatewayApp(
  config: GatewayConfig,
  routes: readonly GatewayRoute[] = ROUTE_TABLE,
): Promise<NestFastifyApplication> {
  // The services' logging, request ids and access log (libs/http): one line per request, probes quiet.
  const logger = createLogger(config);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdOf,
    trustProxy: config.GATEWAY_TRUST_PROXY,
    bodyLimit: config.GATEWAY_BODY_LIMIT_BYTES,
    // A path that does not decode is a problem like any other refusal (libs/http, as the services).
    frameworkErrors: answerRouterRefusal,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(config, routes),
    adapter,
    {
      logger: new PinoNestLogger(logger),
      abortOnError: false,
    },
  );
  app.useGlobalFilters(new ProblemFilter());
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  installRequestHooks(fastify, app.get(MetricsRegistry), logger);
  // The request's span already continues the caller's trace. Forwarded as they came, the caller's headers
  // would reach the service beside the ones the upstream call adds (its own span's): drop them here.
  fastify.addHook('onRequest', async (request) => {
    for (const header of TRACE_HEADERS) delete request.headers[header];
  });
  // Before the proxy: their hooks run first (a CORS preflight is answered before authentication).
  await registerSecurityHeaders(fastify);
  await registerCorsPolicy(fastify, config.GATEWAY_CORS_ORIGINS);

  const redis =
    config.GATEWAY_RATE_LIMIT_STORE === 'redis'
      ? new Redis(config.REDIS_URL, { maxRetriesPerRequest: 1, commandTimeout: 500 })
      : undefined;
  redis?.on('error', (error) =>
    logger.warn({ err: error }, 'rate-limit store (Redis) unavailable; not limiting'),
  );
  fastify.addHook('onClose', async () => {
    await redis?.quit().catch(() => redis.disconnect());
  });

  const verifier = tokenVerifierFromConfig(config);
  logger.info(
    { keySource: verifier.keySource },
    'bearer tokens verified with the %s key',
    verifier.keySource,
  );
  await app.register(proxyPlugin, {
    verifier,
    matcher: new RouteMatcher(routes),
    upstreams: serviceUrls(config),
    rateLimit: {
      max: config.GATEWAY_RATE_LIMIT_MAX,
      windowMs: config.GATEWAY_RATE_LIMIT_WINDOW_MS,
      redis,
      redisKeyPrefix: `${config.REDIS_PREFIX}:gateway:rate-limit:`,
    },
    upstreamTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    bodyLimitBytes: config.GATEWAY_BODY_LIMIT_BYTES,
  });

  // swagger-ui (shipped with @nestjs/swagger) showing the merged document, fresh at each page load.
  const aggregator = app.get(OpenApiAggregator);
  SwaggerModule.setup('api/docs', app, () => placeholderDocument, {
    raw: false,
    customSiteTitle: 'Tripartite API',
    patchDocumentOnRequest: () => aggregator.document() as never,
    swaggerOptions: { persistAuthorization: true },
  });

  await app.init();
  return app;
}

const placeholderDocument = {
  openapi: '3.0.0',
  info: { title: 'Tripartite API', version: '0' },
  paths: {},
};
