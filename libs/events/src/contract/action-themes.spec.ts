import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionThemes } from './action-themes';

describe('the action-theme reference list', () => {
  it('marks the seven national coordinated programmes of seed 000 programme 1 (4 themes, 3 sectors), listed first', () => {
    const national = actionThemes.filter((theme) => theme.nationalProgramme).map((theme) => theme.code);
    assert.deepEqual(national.sort(), [
      'btp',
      'cmr',
      'grande_distribution',
      'interim',
      'risque_routier',
      'rps',
      'tms',
    ]);
    const firstOther = actionThemes.findIndex((theme) => !theme.nationalProgramme);
    assert.ok(actionThemes.slice(firstOther).every((theme) => !theme.nationalProgramme));
  });

  it('keeps codes unique (they are stored on every action)', () => {
    assert.equal(new Set(actionThemes.map((theme) => theme.code)).size, actionThemes.length);
  });
});
