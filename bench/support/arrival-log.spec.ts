import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ArrivalLog } from './arrival-log';

describe('the arrival log of the bench', () => {
  it('resolves once every event of the range has arrived, and counts a second arrival as a duplicate', async () => {
    const log = new ArrivalLog();
    log.record(0, 1);
    const waiting = log.waitForRange(0, 3, 5_000);
    log.record(2, 3);
    log.record(1, 2);
    log.record(1, 4);
    assert.equal(await waiting, 3);
    assert.equal(log.duplicates, 1);
    assert.equal(log.lastOf(0, 3), 3);
  });

  it('gives up after its timeout and tells how many arrived', async () => {
    const log = new ArrivalLog();
    log.record(5, 1);
    assert.equal(await log.waitForRange(5, 8, 20), 1);
  });
});
