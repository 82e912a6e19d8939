import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineIdFor } from './deadline-id';

describe('deadlineIdFor', () => {
  it('gives the same id for the same kind, subject and discriminator, so a retry schedules nothing new', () => {
    assert.equal(
      deadlineIdFor('agreement.renewal_reminder', 'a-1', '2'),
      deadlineIdFor('agreement.renewal_reminder', 'a-1', '2'),
    );
  });

  it('gives different ids when any part differs, even when concatenations collide', () => {
    const ids = new Set([
      deadlineIdFor('agreement.renewal_reminder', 'a-1', '2'),
      deadlineIdFor('agreement.renewal_reminder', 'a-1', '3'),
      deadlineIdFor('agreement.renewal_reminder', 'a-12', ''),
      deadlineIdFor('agreement.expiry', 'a-1', '2'),
    ]);
    assert.equal(ids.size, 4);
    assert.match(
      deadlineIdFor('x.y', 'z'),
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
