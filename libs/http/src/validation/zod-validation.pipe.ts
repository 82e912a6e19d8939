import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { fieldErrorsOf } from './field-errors';
import { type RequestPart, RequestValidationError } from './request-validation.error';

/** Parses one part of the request with a zod schema; the handler receives the parsed (typed) value. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly part: RequestPart = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new RequestValidationError(this.part, fieldErrorsOf(parsed.error.issues, value));
  }
}
