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
import { ApiProblemResponses } from '../openapi/problem-responses';
import { parseIfMatch, setETag } from './etag';
import { PreconditionRequiredError } from './precondition.errors';

const ifMatchParam = createParamDecorator((_data: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const version = parseIfMatch(request.headers['if-match']);
  if (version === undefined) throw new PreconditionRequiredError();
  return version;
});

/**
 * `@IfMatchVersion() expectedVersion: number`: the version the client read (from `If-Match: "3"`), to
 * compare with the aggregate's (`assertVersionMatches`, or `WHERE version = $expected`) → 412 when stale.
 * Every change to an existing resource takes it: without the header, 428 (ADR 0005 §7). Documents the
 * header, 404 (the resource named may not exist), 412 and 428.
 */
export function IfMatchVersion(): ParameterDecorator {
  return (target, key, index) => {
    ifMatchParam()(target, key, index);
    const descriptor = key === undefined ? undefined : Object.getOwnPropertyDescriptor(target, key);
    if (key !== undefined && descriptor) {
      applyDecorators(
        ApiHeader({
          name: 'If-Match',
          required: true,
          description: 'ETag of the version this change applies to, as returned by a read (e.g. "3")',
        }),
        ApiProblemResponses(404, 412, 428),
      )(target, key, descriptor);
    }
  };
}

export const ETAG_VERSION_OF = 'tripartite:etag-version-of';
/** Reads the version of the resource an answer holds. */
export type VersionOf = (body: unknown) => number | undefined;

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
