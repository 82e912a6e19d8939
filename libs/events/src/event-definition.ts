import type { z } from 'zod';

/**
 * One event of the catalogue: its routing key and its **current** version (what producers write, what
 * handlers receive), with that version's payload schema; and the earlier versions consumers still read.
 */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  /** The current version. */
  readonly version: number;
  /** The current version's payload schema. */
  readonly schema: S;
  readonly description: string;
  /**
   * The versions before the current one that a consumer still reads, oldest first, one step apart
   * (`earlier[i].version + 1` is the next one's): a message of one of them is validated against its own
   * schema, then upcast one step at a time up to the current version.
   */
  readonly earlier: readonly EarlierVersion[];
}

/** A version before the current one, and the step that turns its payload into the next version's. */
export interface EarlierVersion {
  readonly version: number;
  readonly schema: z.ZodType;
  /** This version's payload (parsed by `schema`) → the next version's (checked by its schema after). */
  readonly upcast: (payload: unknown) => unknown;
}

/** A pure function turning a payload of one version into one of the next: `vN → vN+1`. */
export type Upcaster<From extends z.ZodType, To extends z.ZodType> = (payload: z.output<From>) => z.input<To>;

export function defineEvent<T extends string, S extends z.ZodType>(
  type: T,
  version: number,
  schema: S,
  description: string,
): EventDefinition<T, S> {
  return { type, version, schema, description, earlier: [] };
}

/**
 * The next version of an event: `previous` becomes an earlier version, read through `upcast`.
 * A change that is not an added optional field with a default (renamed, removed, retyped, newly
 * required) is a new version.
 */
export function nextVersion<T extends string, P extends z.ZodType, S extends z.ZodType>(
  previous: EventDefinition<T, P>,
  schema: S,
  upcast: Upcaster<P, S>,
  description: string = previous.description,
): EventDefinition<T, S> {
  const step: EarlierVersion = {
    version: previous.version,
    schema: previous.schema,
    upcast: upcast as (payload: unknown) => unknown,
  };
  return {
    type: previous.type,
    version: previous.version + 1,
    schema,
    description,
    earlier: [...previous.earlier, step],
  };
}
