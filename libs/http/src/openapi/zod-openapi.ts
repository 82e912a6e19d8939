import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

export type OpenApiSchema = SchemaObject;

/**
 * The OpenAPI 3.0 schema of a zod schema, from zod itself (`z.toJSONSchema`), so the documentation is the
 * validation. `input` documents what a client sends, `output` what a handler returns.
 */
export function zodToOpenApi(schema: z.ZodType, io: 'input' | 'output' = 'input'): OpenApiSchema {
  const json = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  delete json.$schema;
  return nullableWithType(json) as OpenApiSchema;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * OpenAPI 3.0 reads `nullable` only beside a `type` (3.0.3 §4.7.24.1). zod writes a nullable object or
 * union as `{ nullable: true, anyOf: [...] }`: the flag moves into each typed alternative, and a single
 * alternative takes the place of the `anyOf`, so `null` stays allowed where the schema said so.
 */
function nullableWithType(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(nullableWithType);
  if (!isObject(node)) return node;
  const out: Json = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, nullableWithType(value)]),
  );
  if (out.nullable !== true || out.type !== undefined || !Array.isArray(out.anyOf)) return out;
  const { nullable: _, anyOf, ...rest } = out;
  const alternatives = (anyOf as unknown[]).map((alternative) =>
    isObject(alternative) && alternative.type !== undefined
      ? { ...alternative, nullable: true }
      : alternative,
  );
  return alternatives.length === 1 && isObject(alternatives[0]) && alternatives[0].nullable === true
    ? { ...alternatives[0], ...rest }
    : { ...rest, anyOf: alternatives };
}

/** The top-level properties of an object schema, each with its own schema and whether it is required. */
export function zodObjectProperties(
  schema: z.ZodType,
): { name: string; required: boolean; schema: OpenApiSchema }[] {
  const json = zodToOpenApi(schema) as { properties?: Record<string, OpenApiSchema>; required?: string[] };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    required: required.has(name),
    schema: property,
  }));
}
