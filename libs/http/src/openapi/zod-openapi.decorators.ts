import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse, type HeadersObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { zodObjectProperties, zodToOpenApi } from './zod-openapi';

/** Documents a JSON body with its zod schema (`@ZodBody` does it already). */
export function ApiZodBody(schema: z.ZodType, description?: string): MethodDecorator {
  return ApiBody({ schema: zodToOpenApi(schema, 'input'), description, required: true });
}

/** Documents a response with its zod schema (and its headers): `@ApiZodResponse(201, agreementResponse, 'Created')`. */
export function ApiZodResponse(
  status: number,
  schema: z.ZodType,
  description = '',
  headers?: HeadersObject,
): MethodDecorator {
  return ApiResponse({
    status,
    schema: zodToOpenApi(schema, 'output'),
    description,
    ...(headers ? { headers } : {}),
  });
}

/** Documents each property of a query object schema as a query parameter. */
export function ApiZodQuery(schema: z.ZodType): MethodDecorator {
  return applyDecorators(
    ...zodObjectProperties(schema).map((p) =>
      ApiQuery({ name: p.name, required: p.required, schema: p.schema }),
    ),
  );
}

/** Documents each property of a path-parameters object schema. */
export function ApiZodParams(schema: z.ZodType): MethodDecorator {
  return applyDecorators(
    ...zodObjectProperties(schema).map((p) => ApiParam({ name: p.name, required: true, schema: p.schema })),
  );
}
