import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Public } from '@tripartite/auth';
import { DataSource } from 'typeorm';
import { ProblemException } from '../problem/problem.exception';
import { ReadinessRegistry } from './readiness.registry';

/** How long one readiness check may take before it counts as down: a hung broker must not hang the probe. */
export const READINESS_CHECK_TIMEOUT_MS = 3000;

/**
 * Kubernetes probes. Live: the process answers (a failing dependency must not get it restarted). Ready: the
 * database answers and every registered check passes; otherwise 503, and the pod leaves the load balancer.
 */
@ApiExcludeController()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly readiness: ReadinessRegistry,
    @Optional() @Inject(DataSource) private readonly dataSource?: DataSource,
  ) {}

  @Get('live')
  live() {
    return this.health.check([]);
  }

  @Get('ready')
  async ready() {
    const checks = [...this.readiness.entries()];
    const dataSource = this.dataSource;
    if (dataSource) checks.unshift(['database', async () => void (await dataSource.query('SELECT 1'))]);
    try {
      return await this.health.check(
        checks.map(
          ([name, check]) =>
            () =>
              this.indicators
                .check(name)
                .attempt(() => check())
                .withTimeout(READINESS_CHECK_TIMEOUT_MS),
        ),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as { error?: Record<string, unknown>; details?: unknown };
      throw new ProblemException({
        status: 503,
        code: 'HEALTH.NOT_READY',
        detail: `Not ready: ${Object.keys(result.error ?? {}).join(', ')}`,
        checks: result.details,
      });
    }
  }
}
