import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { zodToOpenApi } from './zod-openapi';

/** Every node of a schema that says `nullable` without a `type` beside it. */
function typelessNullables(node: unknown, at = '#'): string[] {
  if (node === null || typeof node !== 'object') return [];
  const own = (node as Record<string, unknown>).nullable === true && !('type' in node) ? [at] : [];
  return [
    ...own,
    ...Object.entries(node).flatMap(([key, child]) => typelessNullables(child, `${at}/${key}`)),
  ];
}

describe('zodToOpenApi (OpenAPI 3.0 §4.7.24: nullable only beside a type)', () => {
  const schema = z.object({
    decision: z.object({ outcome: z.enum(['granted', 'refused']) }).nullable(),
    kind: z.enum(['a', 'b']).nullable(),
    either: z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]).nullable(),
    note: z.string().nullable(),
  });

  it('writes a nullable object, enum or union with its type, so null stays allowed', () => {
    const json = zodToOpenApi(schema, 'output') as { properties: Record<string, Record<string, unknown>> };
    assert.deepEqual(typelessNullables(json), []);
    assert.equal(json.properties.decision?.type, 'object');
    assert.equal(json.properties.decision?.nullable, true);
    const either = json.properties.either?.anyOf as Record<string, unknown>[];
    assert.deepEqual(
      either.map((alternative) => [alternative.type, alternative.nullable]),
      [
        ['object', true],
        ['object', true],
      ],
    );
    assert.equal(json.properties.note?.nullable, true);
  });
});
