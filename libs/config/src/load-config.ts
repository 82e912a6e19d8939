import type { z } from 'zod';
import { ConfigError } from './config-error';

/**
 * Reads and validates a service's environment once, at boot.
 * Every problem is reported together, each naming its variable, so an operator fixes them in one go.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      variable: issue.path.map(String).join('.') || '(root)',
      message: issue.message,
    })),
  );
}
