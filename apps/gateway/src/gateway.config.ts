import { boolVar, intVar, serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';
import type { ServiceName } from './routing/route-table';

const serviceUrl = (defaultUrl: string) =>
  z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).default(defaultUrl);

/** The gateway's environment: the platform's, plus where each service answers and the edge's limits. */
export const gatewayConfigSchema = serviceConfigSchema('gateway', 3000, {
  AGREEMENTS_URL: serviceUrl('http://127.0.0.1:3001'),
  CONTRACTS_URL: serviceUrl('http://127.0.0.1:3002'),
  CONSULTATIONS_URL: serviceUrl('http://127.0.0.1:3003'),
  NOTIFICATIONS_URL: serviceUrl('http://127.0.0.1:3004'),
  INDICATORS_URL: serviceUrl('http://127.0.0.1:3005'),
  /** Requests one client (token subject, else IP address) may make per window. */
  GATEWAY_RATE_LIMIT_MAX: intVar(600),
  GATEWAY_RATE_LIMIT_WINDOW_MS: intVar(60_000),
  /** "redis" shares the counters between replicas; "memory" counts per process. */
  GATEWAY_RATE_LIMIT_STORE: z.enum(['redis', 'memory']).default('redis'),
  /** How long the merged OpenAPI document is reused before the services are asked again. */
  GATEWAY_OPENAPI_TTL_MS: intVar(10_000),
  /** Trust X-Forwarded-For (behind an ingress), so that rate limits apply to the client, not the ingress. */
  GATEWAY_TRUST_PROXY: boolVar(false),
  /** Largest request body the gateway forwards (the services' own limit, 1 MiB); larger: 413 before proxying. */
  GATEWAY_BODY_LIMIT_BYTES: intVar(1_048_576),
  /** Browser origins allowed to call the API (CORS), comma-separated; empty: CORS off, browsers refuse. */
  GATEWAY_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((list) =>
      list
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must list http(s):// origins, comma-separated' })))
    // An Origin header is scheme://host[:port], never a path or a trailing slash.
    .transform((origins) => origins.map((origin) => new URL(origin).origin)),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function serviceUrls(config: GatewayConfig): Record<ServiceName, string> {
  return {
    agreements: config.AGREEMENTS_URL,
    contracts: config.CONTRACTS_URL,
    consultations: config.CONSULTATIONS_URL,
    notifications: config.NOTIFICATIONS_URL,
    indicators: config.INDICATORS_URL,
  };
}
