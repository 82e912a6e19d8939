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
/**
 * A pending Idempotency-Key is held for the platform's request timeout: by then the gateway has answered
 * 504 and stopped waiting, so a retry that finds the key still pending means its request is dead (killed
 * mid-way) or hopeless, and may take it over. (A request still running past it and then committing is the
 * window ADR 0005 accepts.)
 */
function leaseFor(requestTimeoutMs: number | undefined): number {
  return Math.max(1, Math.ceil((requestTimeoutMs ?? DEFAULT_IDEMPOTENCY_OPTIONS.leaseSeconds * 1000) / 1000));
}

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
            leaseSeconds: leaseFor(config.HTTP_REQUEST_TIMEOUT_MS),
            ...options.idempotency,
          }),
        },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [ReadinessRegistry, MetricsRegistry, IdempotencyKeyRepository, ETagInterceptor],
    };
  }
}
