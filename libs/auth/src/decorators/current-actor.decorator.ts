import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedActor } from '../token-claims';

/** The verified caller of the current request, set by `AuthGuard` (undefined on a public route). */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedActor | undefined =>
    context.switchToHttp().getRequest<{ actor?: AuthenticatedActor }>().actor,
);
