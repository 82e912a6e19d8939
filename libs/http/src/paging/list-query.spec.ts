import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { fieldErrorsOf } from '../validation/field-errors';
import { listQuerySchema, recordedListQuerySchema } from './list-query';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './page';
import { periodOf } from './period';

const query = recordedListQuerySchema({ status: z.enum(['open', 'closed']).optional() });
const errorsOf = (input: Record<string, string>) => {
  const parsed = query.safeParse(input);
  return parsed.success ? [] : fieldErrorsOf(parsed.error.issues, input).map((e) => [e.field, e.rule]);
};

describe('list queries (platform rule: one paging, one period filter)', () => {
  it('reads page 1 of the default size when none is asked for, and numbers from the query string', () => {
    assert.deepEqual(listQuerySchema({}).parse({}), { page: 1, pageSize: DEFAULT_PAGE_SIZE });
    assert.deepEqual(query.parse({ page: '3', pageSize: '20', status: 'open' }), {
      page: 3,
      pageSize: 20,
      status: 'open',
      recorded: { from: undefined, to: undefined },
    });
  });

  it(`refuses a page size over ${MAX_PAGE_SIZE}, a page 0 and a parameter it does not know`, () => {
    assert.deepEqual(errorsOf({ pageSize: String(MAX_PAGE_SIZE + 1) }), [['pageSize', 'max']]);
    assert.deepEqual(errorsOf({ pageSize: String(MAX_PAGE_SIZE) }), []);
    assert.deepEqual(errorsOf({ page: '0' }), [['page', 'min']]);
    assert.deepEqual(errorsOf({ statut: 'open' }), [['statut', 'unknown']]);
  });

  it('takes days within the platform’s range only, and the last day there is as an open end', () => {
    const [[field]] = errorsOf({ from: '0000-01-01' });
    assert.equal(field, 'from');
    assert.deepEqual(errorsOf({ to: '9999-12-31' }), []);
    assert.equal(periodOf({ to: '9999-12-31' }).to, undefined);
  });

  it('refuses from after to, naming from; one day as both bounds is that whole day', () => {
    assert.deepEqual(errorsOf({ from: '2027-03-02', to: '2027-03-01' }), [['from', 'notAfterTo']]);
    assert.deepEqual(errorsOf({ from: '2027-03-01T12:00:00+01:00', to: '2027-03-01T11:00:00+01:00' }), [
      ['from', 'notAfterTo'],
    ]);
    assert.deepEqual(errorsOf({ from: '2027-03-01', to: '2027-03-01' }), []);
    assert.deepEqual(errorsOf({ from: '2027-03-01T10:00:00Z', to: '2027-03-01' }), []);
  });

  it('hands the period over as instants: a day bound is the whole day in Paris, an instant itself (to excluded)', () => {
    assert.deepEqual(query.parse({ from: '2027-03-01', to: '2027-03-01' }).recorded, {
      from: new Date('2027-02-28T23:00:00Z'),
      to: new Date('2027-03-01T23:00:00Z'),
    });
    assert.deepEqual(periodOf({ from: '2027-03-01', to: '2027-03-01' }), {
      from: new Date('2027-02-28T23:00:00Z'),
      to: new Date('2027-03-01T23:00:00Z'),
    });
    assert.deepEqual(periodOf({ to: '2027-07-01T08:00:00+02:00' }), {
      from: undefined,
      to: new Date('2027-07-01T06:00:00Z'),
    });
  });
});
