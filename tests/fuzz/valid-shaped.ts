import fc from 'fast-check';
import { type OpenApiDocumentLike, type OpenApiSchema, resolve } from './openapi-operations';

/** Values the fuzzer may use for ids, besides random UUIDs: ids the API answered earlier in the run. */
export interface IdPool {
  ids: string[];
}

const SAFE_DATE = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2045-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const EMAIL = fc.constantFrom('anne.legoff@example.org', 'direction@sst35.example.fr', 'a@b.fr');

/**
 * Valid-shaped values of a schema: what a careful client would send (formats, patterns, bounds, enums,
 * required keys). Bounded: strings and arrays stay short, recursion stops at depth 6.
 */
export function validShaped(
  schema: OpenApiSchema,
  document: OpenApiDocumentLike,
  pool: IdPool,
  depth = 0,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema, document);
  if (depth > 6) return fc.constant(null);
  const nullable = (arbitrary: fc.Arbitrary<unknown>) =>
    resolved.nullable ? fc.option(arbitrary, { nil: null, freq: 5 }) : arbitrary;
  if (resolved.const !== undefined) return fc.constant(resolved.const);
  if (resolved.enum) return nullable(fc.constantFrom(...resolved.enum));
  const choices = resolved.anyOf ?? resolved.oneOf;
  if (choices && choices.length > 0) {
    return nullable(fc.oneof(...choices.map((choice) => validShaped(choice, document, pool, depth + 1))));
  }
  if (resolved.allOf && resolved.allOf.length > 0) {
    return validShaped(mergeAll(resolved.allOf, document), document, pool, depth + 1);
  }
  switch (resolved.type) {
    case 'string':
      return nullable(stringOf(resolved, pool));
    case 'integer': {
      const min = bound(resolved.minimum, resolved.exclusiveMinimum, 1, -1000);
      const max = bound(resolved.maximum, resolved.exclusiveMaximum, -1, min + 100_000);
      return nullable(fc.integer({ min: Math.max(min, -1e9), max: Math.min(Math.max(max, min), 1e9) }));
    }
    case 'number': {
      const min = resolved.minimum ?? -1000;
      const max = resolved.maximum ?? min + 100_000;
      return nullable(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'boolean':
      return nullable(fc.boolean());
    case 'array': {
      const minLength = resolved.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(resolved.maxItems ?? 3, 3));
      return nullable(
        fc.array(validShaped(resolved.items ?? {}, document, pool, depth + 1), { minLength, maxLength }),
      );
    }
    case 'object':
    case undefined: {
      if (!resolved.properties) return nullable(fc.constant({}));
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(resolved.properties)) {
        shape[key] = validShaped(child, document, pool, depth + 1);
      }
      return nullable(
        fc.record(shape, { requiredKeys: (resolved.required ?? []).filter((k) => k in shape) }),
      );
    }
    default:
      return fc.constant(null);
  }
}

function stringOf(schema: OpenApiSchema, pool: IdPool): fc.Arbitrary<string> {
  switch (schema.format) {
    case 'date':
      return SAFE_DATE;
    case 'date-time':
      return SAFE_DATE.map((day) => `${day}T09:30:00.000Z`);
    case 'uuid':
      return pool.ids.length > 0 ? fc.oneof(fc.uuid(), fc.constantFrom(...pool.ids)) : fc.uuid();
    case 'email':
      return EMAIL;
    default:
      break;
  }
  if (schema.pattern) {
    try {
      const minLength = schema.minLength ?? 0;
      const maxLength = schema.maxLength ?? Number.POSITIVE_INFINITY;
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((s) => s.length >= minLength && s.length <= maxLength);
    } catch {
      // A pattern fast-check cannot generate from: plain text below.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc.string({ minLength, maxLength, unit: 'grapheme-ascii' });
}

function bound(
  value: number | undefined,
  exclusive: boolean | number | undefined,
  step: number,
  fallback: number,
) {
  if (typeof exclusive === 'number') return exclusive + step;
  if (value === undefined) return fallback;
  return exclusive === true ? value + step : value;
}

function mergeAll(schemas: OpenApiSchema[], document: OpenApiDocumentLike): OpenApiSchema {
  const merged: OpenApiSchema = { type: 'object', properties: {}, required: [] };
  for (const part of schemas.map((s) => resolve(s, document))) {
    if (!part.properties) return part;
    Object.assign(merged.properties as object, part.properties);
    merged.required?.push(...(part.required ?? []));
  }
  return merged;
}
