import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { fieldErrorsOf } from './field-errors';
import { type RequestPart, RequestValidationError } from './request-validation.error';
import { unstorableTextErrors } from './storable-text';

/**
 * Parses one part of the request with a zod schema; the handler receives the parsed (typed) value.
 * Before the schema, every string of the part (keys too) must be storable text: that rule holds for every
 * field of every endpoint, so no schema has to repeat it.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    readonly schema: S,
    private readonly part: RequestPart = 'body',
  ) {}

  transform(value: unknown): z.output<S> {
    const textErrors = unstorableTextErrors(value);
    if (textErrors.length > 0) throw new RequestValidationError(this.part, textErrors);
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    throw new RequestValidationError(this.part, fieldErrorsOf(parsed.error.issues, value));
  }
}
