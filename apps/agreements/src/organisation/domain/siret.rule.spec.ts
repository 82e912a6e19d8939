import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isValidSiret, siretWithKey } from './siret.rule';

describe('SIRET check (INSEE: 14 digits, Luhn key)', () => {
  it('accepts a SIRET whose Luhn sum is a multiple of 10', () => {
    assert.equal(isValidSiret('73282932000074'), true);
    assert.equal(isValidSiret('44306184100047'), true);
  });

  it('refuses a wrong key, a wrong length or letters', () => {
    assert.equal(isValidSiret('73282932000075'), false);
    assert.equal(isValidSiret('7328293200007'), false);
    assert.equal(isValidSiret('7328293200007A'), false);
  });

  it("applies La Poste's exception (SIREN 356000000: digit sum a multiple of 5)", () => {
    assert.equal(isValidSiret('35600000000010'), true);
    assert.equal(isValidSiret('35600000000011'), false);
  });

  it('completes a 13-digit body with its key', () => {
    assert.equal(siretWithKey('7328293200007'), '73282932000074');
  });
});
