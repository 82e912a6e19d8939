import { Body, Param, Query } from '@nestjs/common';
import { z } from 'zod';
import { ApiZodBody, ApiZodParams, ApiZodQuery } from '../openapi/zod-openapi.decorators';
import { ZodValidationPipe } from './zod-validation.pipe';

function methodDescriptor(target: object, key: string | symbol): PropertyDescriptor {
  const descriptor = Object.getOwnPropertyDescriptor(target, key);
  if (!descriptor) throw new Error(`No method ${String(key)} to document`);
  return descriptor;
}

/** `@ZodBody(schema) body: z.infer<typeof schema>`: validates the body (400 naming fields) and documents it. */
export function ZodBody(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodValidationPipe(schema, 'body'))(target, key, index);
    if (key !== undefined) ApiZodBody(schema)(target, key, methodDescriptor(target, key));
  };
}

/** Validates and documents the query string; use `z.coerce` for numbers and booleans. */
export function ZodQuery(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Query(new ZodValidationPipe(schema, 'query'))(target, key, index);
    if (key !== undefined) ApiZodQuery(schema)(target, key, methodDescriptor(target, key));
  };
}

/** Validates and documents the path parameters as one object. */
export function ZodParams(schema: z.ZodType): ParameterDecorator {
  return (target, key, index) => {
    Param(new ZodValidationPipe(schema, 'path'))(target, key, index);
    if (key !== undefined) ApiZodParams(schema)(target, key, methodDescriptor(target, key));
  };
}

const idPathSchema = z.object({ id: z.uuid() });

/**
 * `@IdParam() id: string`: the resource id of a `:id` route, a UUID (400 naming `id` otherwise), documented.
 * The common case of `ZodParams`, so that every controller does not declare the same schema again.
 */
export function IdParam(): ParameterDecorator {
  return (target, key, index) => {
    const pluckId = { transform: (params: z.infer<typeof idPathSchema>) => params.id };
    Param(new ZodValidationPipe(idPathSchema, 'path'), pluckId)(target, key, index);
    if (key !== undefined) ApiZodParams(idPathSchema)(target, key, methodDescriptor(target, key));
  };
}
