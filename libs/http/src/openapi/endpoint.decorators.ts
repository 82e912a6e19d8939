import { applyDecorators, Get, HttpCode } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { type Role, Roles } from '@tripartite/auth';
import type { z } from 'zod';
import { ETag, type VersionOf } from '../etag/etag.decorators';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { ApiProblemResponses, type ProblemStatus } from './problem-responses';
import { ApiZodResponse } from './zod-openapi.decorators';

/** What every endpoint states about itself, for its route and for the API's consumers. */
export interface EndpointOptions {
  /**
   * The operationId: the action in camelCase (`registerOrganisation`), unique in the platform's merged
   * document. A generated client names its method after it, so it never follows a class or method name.
   */
  name: string;
  /** One line: what the operation does, as its consumers would say it. */
  summary: string;
  /** More, when one line is not enough (rules, what it refuses). */
  description?: string;
  /** The roles allowed (403 for the others); none: every authenticated caller, the handler checks scope. */
  roles?: readonly Role[];
  /** The answer's body. */
  response: z.ZodType;
  /** What the answer is (`'The agrément, changed'`). */
  responseDescription?: string;
  /** The problems it answers beyond those of its kind (below), e.g. 404 for a path naming a resource. */
  problems?: readonly ProblemStatus[];
}

export interface CommandEndpointOptions extends EndpointOptions {
  /** 201 when it creates a resource, 202 when the work goes on after the answer; 200 by default. */
  status?: 200 | 201 | 202;
  /**
   * Sets `ETag` from the answer: its `version` field (default), or what this function reads; `false` for an
   * answer that is no versioned resource (a report of what was done).
   */
  etag?: VersionOf | false;
}

export interface QueryEndpointOptions extends EndpointOptions {
  /** Sets `ETag` from the answer, for a single resource a client may change next: `true` reads `version`. */
  etag?: true | VersionOf;
}

/**
 * A change: its status, roles, `Idempotency-Key` (a retried change replays its first answer), `ETag` of the
 * resource it answers, operationId and summary, the success and the problem answers. Problems of every
 * command: 400 (body or path), 401, 403, 409 and 422 (also an idempotency key in progress or reused);
 * `@IfMatchVersion()` adds 404, 412 and 428. `@CommandEndpoint({ name: 'recordInspectorOpinion', … })`.
 */
export function CommandEndpoint(options: CommandEndpointOptions): MethodDecorator {
  const status = options.status ?? 200;
  return applyDecorators(
    HttpCode(status),
    ...rolesOf(options),
    Idempotent(),
    ...(options.etag === false ? [] : [ETag(options.etag)]),
    ...documentation(options, status, options.etag !== false, [400, 401, 403, 409, 422]),
  );
}

/**
 * A read: roles, operationId and summary, the success answer (with `ETag` when asked) and its problems:
 * 401 always, 403 with roles, and those listed (400 for a query or path that can be wrong, 404…).
 */
export function QueryEndpoint(options: QueryEndpointOptions): MethodDecorator {
  const etag = options.etag === true ? ETag() : options.etag ? ETag(options.etag) : undefined;
  return applyDecorators(
    ...rolesOf(options),
    ...(etag ? [etag] : []),
    ...documentation(options, 200, etag !== undefined, options.roles ? [401, 403] : [401]),
  );
}

/**
 * `GET <resource>`: one page of a list filtered by its query, read within the caller's scope. A read
 * (`QueryEndpoint`) answering 400 for a wrong query, and the problems listed.
 * `@ListEndpoint({ name: 'listCpoms', summary, response: pageSchemaOf(cpomResponseSchema, 'Newest first') })`.
 */
export function ListEndpoint(options: EndpointOptions): MethodDecorator {
  return applyDecorators(Get(), QueryEndpoint({ ...options, problems: [400, ...(options.problems ?? [])] }));
}

/** What a read of one resource states: a `QueryEndpoint`'s options, its path below the resource's. */
export interface ReadEndpointOptions extends QueryEndpointOptions {
  /** The path, `':id'` by default. */
  path?: string;
}

/**
 * `GET <resource>/{id}`: one resource a client may change next, answered with its `ETag` (its `version`
 * unless `etag` says otherwise) and the problems 400 (a malformed id), 403 (out of the caller's scope) and
 * 404, unless `problems` lists others (a resource every caller may read answers no 403).
 */
export function ReadEndpoint({ path = ':id', ...options }: ReadEndpointOptions): MethodDecorator {
  return applyDecorators(Get(path), QueryEndpoint({ etag: true, problems: [400, 403, 404], ...options }));
}

function rolesOf(options: EndpointOptions): MethodDecorator[] {
  return options.roles ? [Roles(...options.roles)] : [];
}

function documentation(
  options: EndpointOptions,
  status: number,
  etag: boolean,
  problems: readonly ProblemStatus[],
): MethodDecorator[] {
  const roles = options.roles ? `Roles: ${options.roles.join(', ')}.` : undefined;
  const description = [options.description, roles].filter(Boolean).join('\n\n');
  return [
    ApiOperation({
      operationId: options.name,
      summary: options.summary,
      ...(description ? { description } : {}),
    }),
    ApiZodResponse(
      status,
      options.response,
      options.responseDescription ?? 'OK',
      etag ? { ETag: ETAG_HEADER } : undefined,
    ),
    ApiProblemResponses(...problems, ...(options.problems ?? [])),
  ];
}

const ETAG_HEADER = {
  description: 'The version of the resource answered, e.g. "3": send it back in If-Match to change it',
  schema: { type: 'string' as const },
};
