import type { z } from 'zod';

/** One event of the catalogue: its routing key, the version of its payload and the payload's schema. */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: number;
  readonly schema: S;
  readonly description: string;
}

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  version: number,
  schema: S,
  description: string,
): EventDefinition<T, S> {
  return { type, version, schema, description };
}
