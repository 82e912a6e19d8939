import type { FastifyReply } from 'fastify';
import { RequestValidationError } from '../validation/request-validation.error';
import { PreconditionFailedError } from './precondition.errors';

/** A strong ETag of an aggregate version: `3` → `"3"`. */
export function formatETag(version: number): string {
  return `"${version}"`;
}

export function setETag(reply: FastifyReply, version: number): void {
  reply.header('etag', formatETag(version));
}

const STRONG_VERSION_TAG = /^"(\d{1,15})"$/;

/**
 * The version named by an `If-Match` header, or undefined when there is none. Only one strong tag we issued
 * is accepted: `*`, weak tags and lists do not say which version the client read.
 */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const value = (Array.isArray(header) ? header.join(',') : header).trim();
  const match = STRONG_VERSION_TAG.exec(value);
  if (!match) {
    throw new RequestValidationError('headers', [
      {
        field: 'If-Match',
        rule: 'etag',
        message: 'must be the one ETag returned by a read, e.g. "3"',
      },
    ]);
  }
  return Number(match[1]);
}

/** 412 unless the version the client read is the current one. */
export function assertVersionMatches(expectedVersion: number, currentVersion: number): void {
  if (expectedVersion !== currentVersion) throw new PreconditionFailedError(expectedVersion, currentVersion);
}
