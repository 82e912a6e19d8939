import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@tripartite/config';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as PinoLogger } from 'pino';
import type { GatewayConfig } from './gateway.config';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OpenApiAggregator } from './openapi/openapi-aggregator';
import { type GatewayRoute, ROUTES } from './routing/route-table';

/**
 * The gateway's own routes: health, the merged OpenAPI document. The proxied API is not a Nest route
 * (see routing/proxy.plugin.ts), so no Nest guard applies to it; the plugin authenticates itself.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, logger: PinoLogger, routes: readonly GatewayRoute[]): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot(config),
        // Fastify already logs every request with this pino instance; Nest's own logs go to it too.
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
      ],
      controllers: [HealthController, OpenApiController],
      providers: [OpenApiAggregator, { provide: ROUTES, useValue: routes }],
    };
  }
}
