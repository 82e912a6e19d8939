import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { csvOf } from './csv-table';

describe('CSV for French spreadsheets', () => {
  it('starts with a BOM, separates with ";", uses a decimal comma and CRLF lines', () => {
    const csv = csvOf(['Région', 'Part (%)'], [['Bretagne', 12.5]]);
    assert.equal(csv, '\uFEFFRégion;Part (%)\r\nBretagne;12,5\r\n');
  });

  it('quotes a field holding a separator, a quote or a line break', () => {
    const csv = csvOf(['Commentaire'], [['a;b'], ['dit "oui"'], ['deux\nlignes'], [null]]);
    assert.equal(csv, '\uFEFFCommentaire\r\n"a;b"\r\n"dit ""oui"""\r\n"deux\nlignes"\r\n\r\n');
  });

  it('shows a text a spreadsheet would take for a formula as text (CSV injection), numbers as numbers', () => {
    const csv = csvOf(
      ['Commentaire', 'Valeur'],
      [
        ['=HYPERLINK("x")', -3],
        ['@SUM(A1)', 2],
      ],
    );
    assert.equal(csv, '\uFEFFCommentaire;Valeur\r\n"\'=HYPERLINK(""x"")";-3\r\n\'@SUM(A1);2\r\n');
  });
});
