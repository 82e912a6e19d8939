import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDue, isValidKind } from './deadline';

describe('deadline rules', () => {
  const dueAt = new Date('2030-01-01T00:00:00Z');

  it('is due from its due time on, and only while pending', () => {
    assert.equal(isDue({ status: 'pending', dueAt }, new Date('2029-12-31T23:59:59.999Z')), false);
    assert.equal(isDue({ status: 'pending', dueAt }, dueAt), true);
    assert.equal(isDue({ status: 'fired', dueAt }, new Date('2031-01-01T00:00:00Z')), false);
    assert.equal(isDue({ status: 'cancelled', dueAt }, new Date('2031-01-01T00:00:00Z')), false);
  });

  it('names kinds like event types', () => {
    assert.equal(isValidKind('agreement.renewal_reminder'), true);
    assert.equal(isValidKind('reminder'), false);
    assert.equal(isValidKind('Agreement.Renewal'), false);
  });
});
