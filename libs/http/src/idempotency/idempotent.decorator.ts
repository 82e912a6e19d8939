import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';

export const IDEMPOTENT_ROUTE = 'tripartite:idempotent-route';

export interface IdempotentOptions {
  /** Refuse the request (400) when it carries no `Idempotency-Key`. Default: the key is optional. */
  required?: boolean;
}

/**
 * Marks a command route as idempotent per `Idempotency-Key`: a repeat with the same key and the same
 * request gets the first answer again (with `Idempotency-Replayed: true`) and changes nothing.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_ROUTE, options),
    ApiHeader({
      name: 'Idempotency-Key',
      required: options.required ?? false,
      description:
        'Client-chosen unique key (1–255 visible characters). A repeat with the same key and request gets the ' +
        'first answer again with `Idempotency-Replayed: true`; the same key with another request gets 422.',
    }),
  );
}
