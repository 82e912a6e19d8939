import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  daysLeftInWords,
  durationInWords,
  frenchList,
  numberInWords,
  regionInWords,
  regionsInWords,
} from './french-wording';

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

  it('labels one region or several', () => {
    assert.deepEqual(regionsInWords(['53']), { regionLabel: 'Région', regionList: 'Bretagne (53)' });
    assert.deepEqual(regionsInWords(['93', '94']), {
      regionLabel: 'Régions',
      regionList: 'Provence-Alpes-Côte d’Azur (93) et Corse (94)',
    });
  });

  it('says how far a deadline is the way people say it', () => {
    assert.equal(daysLeftInWords(30), 'dans 30 jours');
    assert.equal(daysLeftInWords(1), 'demain');
    assert.equal(daysLeftInWords(0), 'aujourd’hui');
    assert.equal(daysLeftInWords(-3), 'il y a 3 jours');
  });

  it('writes the reminders of D.4622-50 (−6 m, −3 m, −1 m, −7 d) in words', () => {
    assert.equal(durationInWords('P6M'), '6 mois');
    assert.equal(durationInWords('P1M'), '1 mois');
    assert.equal(durationInWords('P7D'), '7 jours');
    assert.equal(durationInWords('P1Y2M'), '1 an et 2 mois');
    assert.equal(durationInWords('PT5H'), 'PT5H', 'an unexpected value stays readable');
  });

  it('groups thousands the French way', () => {
    assert.equal(numberInWords(48000).replace(/\s/g, ' '), '48 000');
  });
});
