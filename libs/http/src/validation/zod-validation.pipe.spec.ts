import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { fieldErrorsOf, fieldPath } from './field-errors';
import { RequestValidationError } from './request-validation.error';
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
