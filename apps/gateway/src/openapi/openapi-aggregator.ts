import { performance } from 'node:perf_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { type GatewayConfig, serviceUrls } from '../gateway.config';
import { RouteMatcher } from '../routing/route-matcher';
import { type GatewayRoute, ROUTES, type ServiceName } from '../routing/route-table';
import {
  mergeOpenApiDocuments,
  type OmittedService,
  type OpenApiDocument,
  type ServiceDocument,
} from './openapi-merger';

const FETCH_TIMEOUT_MS = 2000;

/**
 * Serves the merged OpenAPI document, asking every service for its `/openapi.json` at most once per
 * TTL (concurrent callers share one round). A service that does not answer is left out, not fatal.
 */
@Injectable()
export class OpenApiAggregator {
  private readonly logger = new Logger(OpenApiAggregator.name);
  private readonly matcher: RouteMatcher;
  private readonly services: [ServiceName, string][];
  private cached?: { document: OpenApiDocument; at: number };
  private pending?: Promise<OpenApiDocument>;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: GatewayConfig,
    @Inject(ROUTES) routes: readonly GatewayRoute[],
  ) {
    this.matcher = new RouteMatcher(routes);
    const urls = serviceUrls(config);
    const routed = new Set(routes.map((route) => route.service));
    this.services = [...routed].map((service) => [service, urls[service]]);
  }

  async document(): Promise<OpenApiDocument> {
    // Monotonic time: the cache must not care about the platform's adjustable clock.
    if (this.cached && performance.now() - this.cached.at < this.config.GATEWAY_OPENAPI_TTL_MS) {
      return this.cached.document;
    }
    this.pending ??= this.collect().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async collect(): Promise<OpenApiDocument> {
    const included: ServiceDocument[] = [];
    const omitted: OmittedService[] = [];
    const answers = await Promise.all(this.services.map(([service, url]) => this.fetchOne(service, url)));
    for (const answer of answers) {
      if ('document' in answer) included.push(answer);
      else omitted.push(answer);
    }
    if (omitted.length > 0) {
      this.logger.warn(
        `OpenAPI merged without ${omitted.map((o) => `${o.service} (${o.reason})`).join(', ')}`,
      );
    }
    const document = mergeOpenApiDocuments({
      included,
      omitted,
      routes: (service, path) => this.matcher.match(path)?.service === service,
      version: process.env.npm_package_version ?? '0.1.0',
    });
    this.cached = { document, at: performance.now() };
    return document;
  }

  private async fetchOne(service: ServiceName, baseUrl: string): Promise<ServiceDocument | OmittedService> {
    try {
      const response = await fetch(new URL('/openapi.json', baseUrl), {
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
        headers: { accept: 'application/json' },
      });
      if (!response.ok) return { service, reason: `answered ${response.status}` };
      const document = (await response.json()) as OpenApiDocument;
      if (typeof document?.openapi !== 'string') return { service, reason: 'not an OpenAPI document' };
      return { service, document };
    } catch (error) {
      return { service, reason: describeFailure(error) };
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError')
    return `no answer within ${FETCH_TIMEOUT_MS} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
  if (cause?.code) return cause.code;
  return error instanceof Error ? error.message : String(error);
}
