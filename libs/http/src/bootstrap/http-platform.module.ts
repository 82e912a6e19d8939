import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { PLATFORM_CONFIG, type PlatformConfig } from '@tripartite/config';
import { ETagInterceptor } from '../etag/etag.decorators';
import { HealthController } from '../health/health.controller';
import { ReadinessRegistry } from '../health/readiness.registry';
import { IdempotencyInterceptor } from '../idempotency/idempotency.interceptor';
import {
  DEFAULT_IDEMPOTENCY_OPTIONS,
  IDEMPOTENCY_OPTIONS,
  type IdempotencyOptions,
} from '../idempotency/idempotency.options';
import { IdempotencyKeyRepository } from '../idempotency/idempotency-key.repository';
import { MetricsController } from '../metrics/metrics.controller';
import { MetricsRegistry } from '../metrics/metrics.registry';

export interface HttpPlatformOptions {
  idempotency?: Partial<IdempotencyOptions>;
}

/**
 * What every service gets from the bootstrap: health, metrics, readiness registry, idempotency keys.
 * Global, so other libraries inject `ReadinessRegistry` and `MetricsRegistry` without importing it.
 */
@Global()
@Module({})
export class HttpPlatformModule {
  static forRoot(options: HttpPlatformOptions = {}): DynamicModule {
    return {
      module: HttpPlatformModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController, MetricsController],
      providers: [
        ReadinessRegistry,
        MetricsRegistry,
        IdempotencyKeyRepository,
        ETagInterceptor,
        {
          provide: IDEMPOTENCY_OPTIONS,
          inject: [PLATFORM_CONFIG],
          useFactory: (config: PlatformConfig): IdempotencyOptions => ({
            ...DEFAULT_IDEMPOTENCY_OPTIONS,
            ttlSeconds: config.IDEMPOTENCY_TTL_SECONDS ?? DEFAULT_IDEMPOTENCY_OPTIONS.ttlSeconds,
            ...options.idempotency,
          }),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [ReadinessRegistry, MetricsRegistry, IdempotencyKeyRepository, ETagInterceptor],
    };
  }
}
