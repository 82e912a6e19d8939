import { boolVar, intVar, type PlatformConfig, serviceConfigSchema } from '@tripartite/config';
import { z } from 'zod';

// Defaults for a development machine: a local SMTP catcher (Mailpit, MailDev) and the local gateway.
// Production must name its own: an e-mail relayed to 127.0.0.1 or a link to 127.0.0.1 helps nobody.
const DEVELOPMENT_SMTP_HOST = '127.0.0.1';
const DEVELOPMENT_PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

/**
 * The notifications service's environment: the platform's variables plus the SMTP relay it sends through
 * and the public address its links point to.
 */
export const notificationsConfigSchema = serviceConfigSchema('notifications', 3004, {
  /** Required in production; 127.0.0.1 elsewhere. */
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: intVar(1025),
  /** Implicit TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  SMTP_SECURE: boolVar(false),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** Bound on connecting, the greeting and each SMTP reply: a stuck relay must not hold a send for minutes. */
  SMTP_TIMEOUT_MS: intVar(10_000),
  MAIL_FROM: z.string().min(3).default('Tripartite <no-reply@tripartite.local>'),
  /** Where people reach the platform (the gateway): links in e-mails start with it. Required in production. */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** Tries of one send job (BullMQ), with exponential backoff from MAIL_RETRY_DELAY_MS, before the sweep takes over. */
  MAIL_RETRY_ATTEMPTS: intVar(8),
  MAIL_RETRY_DELAY_MS: intVar(1_000),
  /**
   * How long a send job stays claimed by a worker that stopped renewing it (a process killed mid-send)
   * before another worker takes it again; also how often workers look for such jobs. BullMQ's default.
   */
  MAIL_JOB_LOCK_MS: intVar(30_000),
  /** How often pending deliveries are queued again (after a Redis loss, a crash, or exhausted job tries). */
  MAIL_SWEEP_MS: intVar(60_000),
  /** A delivery still refused for a temporary reason this long after it was recorded is given up as failed. */
  MAIL_GIVE_UP_HOURS: intVar(48),
}).transform((env, ctx) => {
  if (env.NODE_ENV === 'production') {
    for (const variable of ['SMTP_HOST', 'PUBLIC_BASE_URL'] as const) {
      if (!env[variable]) {
        ctx.issues.push({
          code: 'custom',
          path: [variable],
          input: env[variable],
          message: 'is required in production (the development default points at this machine)',
        });
      }
    }
  }
  return {
    ...env,
    SMTP_HOST: env.SMTP_HOST ?? DEVELOPMENT_SMTP_HOST,
    PUBLIC_BASE_URL: (env.PUBLIC_BASE_URL ?? DEVELOPMENT_PUBLIC_BASE_URL).replace(/\/+$/, ''),
  };
});

export type NotificationsConfig = z.infer<typeof notificationsConfigSchema> & PlatformConfig;
