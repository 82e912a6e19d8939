import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RegionalDiagnosis } from './regional-diagnosis';
import { RegionalDiagnosisInvalidError } from './regional-diagnosis.errors';
import type { DiagnosisContent } from './regional-diagnosis.types';

const ID = '0194b7a0-0000-7000-8000-0000000000aa';
const DREETS = '0194b7a0-0000-7000-8000-0000000000bb';

function content(overrides: Partial<DiagnosisContent> = {}): DiagnosisContent {
  return {
    title: 'Diagnostic régional partagé 2026',
    summary: 'Sinistralité élevée dans l’agroalimentaire.',
    sources: ['PRST 4 Bretagne', 'Statistiques AT-MP 2024'],
    diagnosedOn: '2026-01-15',
    ...overrides,
  };
}

function problemsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof RegionalDiagnosisInvalidError, String(error));
    return error.errors.map((e) => `${e.field}: ${e.rule}`);
  }
  assert.fail('no refusal');
}

describe('the regional shared diagnosis (seed 002, part II.4: "en chapeau de tous les CPOM d’une même région")', () => {
  it('is recorded as its version 1, by the organisation of who recorded it', () => {
    const diagnosis = RegionalDiagnosis.record(ID, '53', content(), { on: '2026-02-01', by: DREETS });
    assert.equal(diagnosis.version, 1);
    assert.equal(diagnosis.latest.number, 1);
    assert.equal(diagnosis.latest.recordedBy, DREETS);
    assert.deepEqual(diagnosis.latest.sources, ['PRST 4 Bretagne', 'Statistiques AT-MP 2024']);
  });

  it('takes new versions and keeps every earlier one readable', () => {
    const diagnosis = RegionalDiagnosis.record(ID, '53', content(), { on: '2026-02-01', by: DREETS });
    const second = diagnosis.revise(content({ title: 'Diagnostic 2027', diagnosedOn: '2027-01-10' }), {
      on: '2027-01-12',
      by: null,
    });
    assert.equal(second.number, 2);
    assert.equal(diagnosis.version, 2);
    assert.equal(diagnosis.versionNumbered(1)?.title, 'Diagnostic régional partagé 2026');
    assert.equal(diagnosis.versionNumbered(2)?.title, 'Diagnostic 2027');
    assert.equal(diagnosis.versionNumbered(3), null);
  });

  it('refuses a diagnosis dated after today, naming diagnosedOn (règle de la plateforme)', () => {
    assert.deepEqual(
      problemsOf(() =>
        RegionalDiagnosis.record(ID, '53', content({ diagnosedOn: '2026-02-02' }), {
          on: '2026-02-01',
          by: null,
        }),
      ),
      ['diagnosedOn: not-in-future (règle de la plateforme)'],
    );
  });

  it('refuses a new version established before the one it follows, naming diagnosedOn', () => {
    const diagnosis = RegionalDiagnosis.record(ID, '53', content(), { on: '2026-02-01', by: DREETS });
    assert.deepEqual(
      problemsOf(() =>
        diagnosis.revise(content({ diagnosedOn: '2026-01-14' }), { on: '2026-03-01', by: null }),
      ),
      ['diagnosedOn: not-before-previous-version (règle de la plateforme)'],
    );
    assert.equal(diagnosis.version, 1, 'nothing changed');
    assert.equal(diagnosis.versions.length, 1);
  });

  it('refuses a source named twice, naming its place in the list', () => {
    assert.deepEqual(
      problemsOf(() =>
        RegionalDiagnosis.record(ID, '53', content({ sources: ['PRST 4', 'COG', 'prst 4 '] }), {
          on: '2026-02-01',
          by: null,
        }),
      ),
      ['sources[2]: named-once (règle de la plateforme)'],
    );
  });
});
