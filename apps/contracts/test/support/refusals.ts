import assert from 'node:assert/strict';

/**
 * Sends a request that must be refused and shows it wrote nothing: `counts` (the test's own tally of rows,
 * audit entries and outbox events) reads the same before and after. Answers the refusal.
 */
export async function refusedWithoutTrace<R extends { statusCode: number; body: string }>(
  counts: () => Promise<unknown>,
  request: () => Promise<R>,
): Promise<R> {
  const before = await counts();
  const response = await request();
  assert.ok(response.statusCode >= 400, `expected a refusal, got ${response.statusCode} ${response.body}`);
  assert.deepEqual(await counts(), before, 'a refused request writes nothing');
  return response;
}

/** The `[field, rule]` pairs a problem answer lists, in its order. */
export function fieldsAndRules(response: {
  json(): { errors?: { field: string; rule: string }[] };
}): string[][] {
  return (response.json().errors ?? []).map((e) => [e.field, e.rule]);
}
