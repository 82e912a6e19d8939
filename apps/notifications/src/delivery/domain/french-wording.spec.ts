import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frenchList, regionInWords } from './french-wording';

describe('French wording of e-mails', () => {
  it('names a region with its INSEE code', () => {
    assert.equal(regionInWords('53'), 'Bretagne (53)');
    assert.equal(regionInWords('93'), 'Provence-Alpes-Côte d’Azur (93)');
  });

  it('keeps a code it cannot name readable', () => {
    assert.equal(regionInWords('05'), 'région 05');
  });

  it('joins a list the French way, with "et" before the last item', () => {
    assert.equal(frenchList([]), '');
    assert.equal(frenchList(['Bretagne']), 'Bretagne');
    assert.equal(frenchList(['Bretagne', 'Normandie']), 'Bretagne et Normandie');
    assert.equal(frenchList(['Bretagne', 'Normandie', 'Corse']), 'Bretagne, Normandie et Corse');
  });
});
