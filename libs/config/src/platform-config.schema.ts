import { z } from 'zod';

/** Environment variables read as integers ("3000" → 3000), with a clear message when they are not. */
export const intVar = (defaultValue: number) =>
  z.coerce.number({ error: 'must be a whole number' }).int('must be a whole number').default(defaultValue);

/** Environment variables read as booleans: "true"/"1" or "false"/"0". */
export const boolVar = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: 'must be true or false' })
    .default(defaultValue ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

const url = (protocols: string[]) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.join(' or ')}//`,
  );

/**
 * What every Tripartite process reads from its environment.
 * Defaults target the local PostgreSQL, RabbitMQ and Redis of a development machine, so no `.env` is needed there.
 */
export const platformConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  HTTP_HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/postgres'),
  /** The service's own database; created on first start when absent. */
  DATABASE_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a lower-case PostgreSQL identifier')
    .optional(),
  DATABASE_POOL_SIZE: intVar(10),
  AMQP_URL: url(['amqp:', 'amqps:']).default('amqp://guest:guest@127.0.0.1:5672'),
  AMQP_EXCHANGE: z.string().min(1).default('tripartite.events'),
  AMQP_PREFETCH: intVar(20),
  /** Prefix of this service's queues; tests change it to isolate themselves. */
  AMQP_QUEUE_PREFIX: z.string().min(1).default('tripartite'),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).default('tripartite'),
  OUTBOX_RETENTION_DAYS: intVar(90),
  OUTBOX_POLL_MS: intVar(1000),
  DEADLINE_RECONCILE_MS: intVar(60000),
  /** JWKS of the OIDC provider; mandatory in production, where the development key is refused. */
  AUTH_JWKS_URL: url(['https:', 'http:']).optional(),
  AUTH_ISSUER: z.string().default('tripartite-dev'),
  AUTH_AUDIENCE: z.string().default('tripartite'),
  SHUTDOWN_GRACE_MS: intVar(8000),
  /**
   * HS256 key of development tokens (`npm run token`). Used only when AUTH_JWKS_URL is absent, and refused in
   * production; the default is public on purpose, so a token it signs proves nothing outside a developer's machine.
   */
  AUTH_DEV_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters')
    .default('tripartite-development-only-signing-key-never-in-production'),
  /** How long the answer to a request carrying an `Idempotency-Key` is kept for replay (24 h). */
  IDEMPOTENCY_TTL_SECONDS: intVar(86400),
  /**
   * The platform's request timeout: the gateway waits this long for a service (then 504), and a service's
   * Idempotency-Key stays with the request that claimed it this long (past it, the caller was answered and
   * its retry may take the key over, also when the process was killed mid-request).
   */
  HTTP_REQUEST_TIMEOUT_MS: intVar(30_000),
});

export type PlatformConfig = z.infer<typeof platformConfigSchema> & {
  /** The service this process runs ("agreements", "gateway"…). */
  SERVICE_NAME: string;
  HTTP_PORT: number;
  DATABASE_NAME: string;
};

/** A service's schema: the platform's plus its own variables, with its own port and database defaults. */
export function serviceConfigSchema<Extra extends z.ZodRawShape>(
  serviceName: string,
  defaultPort: number,
  extra: Extra = {} as Extra,
) {
  return platformConfigSchema
    .extend({ HTTP_PORT: intVar(defaultPort) })
    .extend(extra)
    .transform((env, ctx) => {
      const base = env as z.infer<typeof platformConfigSchema> & { HTTP_PORT: number };
      if (base.NODE_ENV === 'production' && !base.AUTH_JWKS_URL) {
        ctx.issues.push({
          code: 'custom',
          path: ['AUTH_JWKS_URL'],
          input: base.AUTH_JWKS_URL,
          message: 'is required in production (the development signing key is refused there)',
        });
      }
      return {
        ...env,
        SERVICE_NAME: serviceName,
        DATABASE_NAME: base.DATABASE_NAME ?? `tripartite_${serviceName}`,
      } as typeof env & PlatformConfig;
    });
}
