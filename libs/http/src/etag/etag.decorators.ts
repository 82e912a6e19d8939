import {
  applyDecorators,
  type CallHandler,
  createParamDecorator,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  SetMetadata,
  UseInterceptors,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, type Observable } from 'rxjs';
import { parseIfMatch, setETag } from './etag';
import { PreconditionRequiredError } from './precondition.errors';

export interface IfMatchOptions {
  /** Answer 428 when the header is missing (default). With false, the parameter is undefined then. */
  required?: boolean;
}

const ifMatchParam = createParamDecorator(
  (options: IfMatchOptions | undefined, context: ExecutionContext) => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const version = parseIfMatch(request.headers['if-match']);
    if (version === undefined && (options?.required ?? true)) throw new PreconditionRequiredError();
    return version;
  },
);

/**
 * `@IfMatchVersion() expectedVersion: number`: the version the client read (from `If-Match: "3"`), to
 * compare with the aggregate's (`assertVersionMatches`, or `WHERE version = $expected`) → 412 when stale.
 */
export function IfMatchVersion(options: IfMatchOptions = {}): ParameterDecorator {
  return (target, key, index) => {
    ifMatchParam(options)(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) {
      ApiHeader({
        name: 'If-Match',
        required: options.required ?? true,
        description: 'ETag of the version this change applies to, as returned by a read (e.g. "3")',
      })(target, key, descriptor);
    }
  };
}

export const ETAG_VERSION_OF = 'tripartite:etag-version-of';
type VersionOf = (body: unknown) => number | undefined;

@Injectable()
export class ETagInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const versionOf = this.reflector.get<VersionOf | undefined>(ETAG_VERSION_OF, context.getHandler());
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const version = versionOf?.(body);
        if (typeof version === 'number') setETag(reply, version);
        return body;
      }),
    );
  }
}

const versionField: VersionOf = (body) => {
  const version = (body as { version?: unknown } | null | undefined)?.version;
  return typeof version === 'number' ? version : undefined;
};

/** Sets `ETag: "<version>"` from the returned body (its `version` field unless told otherwise). */
export function ETag(versionOf: VersionOf = versionField): MethodDecorator {
  return applyDecorators(SetMetadata(ETAG_VERSION_OF, versionOf), UseInterceptors(ETagInterceptor));
}
