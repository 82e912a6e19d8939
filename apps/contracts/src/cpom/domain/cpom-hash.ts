import { createHash } from 'node:crypto';
import type { CpomContent } from './cpom.types';

/**
 * The canonical form of a content version: JSON with every object's keys sorted (arrays keep their order,
 * which the parties chose), no whitespace, UTF-8. Two equal contents have one canonical form whatever the
 * order their fields were stored in (PostgreSQL's jsonb reorders keys).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the canonical content: printed on the signed document and checked on every read. */
export function contentHashOf(content: CpomContent): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
