import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { fieldErrorsOf, fieldPath } from './field-errors';
import { RequestValidationError } from './request-validation.error';
import { unstorableTextErrors } from './storable-text';
import { ZodValidationPipe } from './zod-validation.pipe';

const schema = z
  .object({
    name: z.string().min(2),
    siret: z.string().regex(/^\d{14}$/),
    contacts: z.array(z.object({ email: z.email(), role: z.enum(['sst', 'caisse']) })).min(1),
    startsOn: z.iso.date(),
    years: z.number().int().max(5),
  })
  .strict();

describe('ZodValidationPipe', () => {
  it('returns the parsed value when valid', () => {
    const pipe = new ZodValidationPipe(z.object({ n: z.coerce.number() }), 'query');
    assert.deepEqual(pipe.transform({ n: '3' }), { n: 3 });
  });

  it('throws a 400 REQUEST.INVALID problem naming every bad field with its rule', () => {
    const pipe = new ZodValidationPipe(schema);
    const input = {
      name: 'A',
      siret: '123',
      contacts: [
        { email: 'ok@example.org', role: 'sst' },
        { email: 'nope', role: 'boss' },
      ],
      startsOn: '2025-13-45',
      years: 7,
      colour: 'red',
    };
    assert.throws(
      () => pipe.transform(input),
      (error: unknown) => {
        assert.ok(error instanceof RequestValidationError);
        assert.equal(error.getStatus(), 400);
        const problem = error.problem;
        assert.equal(problem.code, 'REQUEST.INVALID');
        assert.deepEqual(
          problem.errors?.map((e) => `${e.field}:${e.rule}`),
          [
            'name:min',
            'siret:regex',
            'contacts[1].email:email',
            'contacts[1].role:enum',
            'startsOn:date',
            'years:max',
            'colour:unknown',
          ],
        );
        assert.match(problem.detail, /contacts\[1\]\.email/);
        return true;
      },
    );
  });

  it('tells a missing field (required) from a field of the wrong type (type)', () => {
    const parsed = z.object({ a: z.string(), b: z.string() }).safeParse({ b: 3 });
    assert.ok(!parsed.success);
    assert.deepEqual(
      fieldErrorsOf(parsed.error.issues, { b: 3 }).map((e) => [e.field, e.rule, e.message]),
      [
        ['a', 'required', 'is required'],
        ['b', 'type', 'Invalid input: expected string, received number'],
      ],
    );
  });

  it('names the whole body (root) when it is not an object at all', () => {
    assert.throws(
      () => new ZodValidationPipe(schema).transform(undefined),
      (error: unknown) =>
        error instanceof RequestValidationError && error.problem.errors?.[0]?.field === '(root)',
    );
  });
});

describe('fieldPath', () => {
  it('writes array indexes in brackets and properties with dots', () => {
    assert.equal(fieldPath(['contacts', 0, 'email']), 'contacts[0].email');
    assert.equal(fieldPath([2, 'x']), '[2].x');
    assert.equal(fieldPath([]), '(root)');
  });
});

describe('storable text (platform rule: every string of every request)', () => {
  const pipe = new ZodValidationPipe(
    z.object({ name: z.string(), tags: z.array(z.string()), extra: z.record(z.string(), z.string()) }),
  );
  const refusedFields = (input: unknown): string[] => {
    try {
      pipe.transform(input);
    } catch (error) {
      assert.ok(error instanceof RequestValidationError);
      return (error.problem.errors ?? []).map((e) => `${e.field}:${e.rule}`);
    }
    return [];
  };

  it('refuses a NUL character and lone UTF-16 surrogates, naming each field and the rule "text"', () => {
    assert.deepEqual(refusedFields({ name: 'a\u0000b', tags: ['ok', '\ud800', 'x\udc00'], extra: {} }), [
      'name:text',
      'tags[1]:text',
      'tags[2]:text',
    ]);
  });

  it('refuses a bad key, naming it escaped', () => {
    assert.deepEqual(refusedFields({ name: 'a', tags: [], extra: { 'k\u0000': 'v' } }), [
      'extra.k\\u0000:text',
    ]);
  });

  it('accepts surrogate pairs (emoji), accents and other control characters', () => {
    assert.deepEqual(refusedFields({ name: 'Santé 😀 \t\n', tags: ['Bretagne'], extra: { clé: 'é' } }), []);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    assert.equal(unstorableTextErrors(deep).length, 1);
  });
});
