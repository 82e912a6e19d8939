import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { examinationProblems } from './renewal-examination.rule';

describe('the examination a renewal decision records (seed 002 I.1)', () => {
  const none = { exists: false as const, note: null };
  const examined = (documentId: string | null) => ({
    exists: true as const,
    documentId,
    assessment: 'mis en œuvre',
  });

  it('may say none exists only when the platform knows none', () => {
    assert.deepEqual(
      examinationProblems({ cpom: none, serviceProject: none }, { cpomId: null, serviceProjectId: null }),
      [],
    );
    const problems = examinationProblems(
      { cpom: none, serviceProject: none },
      { cpomId: 'c-1', serviceProjectId: null },
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['renewalExamination.cpom'],
    );
    assert.match(problems[0].message, /c-1/);
  });

  it('names the documents the platform knows of the service, not others', () => {
    assert.deepEqual(
      examinationProblems(
        { cpom: examined('c-1'), serviceProject: examined('p-2') },
        { cpomId: 'c-1', serviceProjectId: 'p-1' },
      ).map((p) => p.field),
      ['renewalExamination.serviceProject.documentId'],
    );
    assert.deepEqual(
      examinationProblems(
        { cpom: examined(null), serviceProject: examined(null) },
        { cpomId: null, serviceProjectId: null },
      ),
      [],
    );
  });
});
