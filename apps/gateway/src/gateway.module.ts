import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@tripartite/config';
import { MetricsController, MetricsRegistry } from '@tripartite/http';
import type { GatewayConfig } from './gateway.config';
import { HealthController } from './health/health.controller';
import { OpenApiController } from './openapi/openapi.controller';
import { OpenApiAggregator } from './openapi/openapi-aggregator';
import { type GatewayRoute, ROUTES } from './routing/route-table';

/**
 * The gateway's own routes: health, Prometheus metrics, the merged OpenAPI document. The proxied API is
 * not a Nest route (see routing/proxy.plugin.ts), so no Nest guard applies to it; the plugin
 * authenticates itself.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: GatewayConfig, routes: readonly GatewayRoute[]): DynamicModule {
    return {
      module: GatewayModule,
      imports: [ConfigModule.forRoot(config)],
      controllers: [HealthController, MetricsController, OpenApiController],
      providers: [MetricsRegistry, OpenApiAggregator, { provide: ROUTES, useValue: routes }],
    };
  }
}
