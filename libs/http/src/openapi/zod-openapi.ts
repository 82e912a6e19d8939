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
  return json as OpenApiSchema;
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
