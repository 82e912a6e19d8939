import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figuresCsv, grantKind } from './agrement-figures';

describe('the yearly agrément figures (seed 002 I.2)', () => {
  it('counts a conditional grant apart from a plain one (D.4622-51 1°)', () => {
    assert.equal(grantKind({ conditional: true }), 'conditional');
    assert.equal(grantKind({ conditional: false }), 'granted');
  });

  it('writes a French CSV: BOM, `;` separator, French headers, one line of figures (seed 002 I.2)', () => {
    const csv = figuresCsv(
      { region: '53', year: 2026 },
      { granted: 3, conditional: 1, implicit: 0, refused: 2, withdrawn: 1, expiringNextYear: 4 },
    );
    assert.ok(csv.startsWith('\uFEFF'));
    const [headers, values] = csv.slice(1).trimEnd().split('\r\n');
    assert.equal(
      headers,
      'Région;Année;Agréments accordés;Agréments conditionnels;Agréments tacites;Refus;Retraits;Agréments expirant l’année suivante',
    );
    assert.equal(values, '53;2026;3;1;0;2;1;4');
  });
});
