import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SUBJECT_FAMILIES, subjectPrefixOf } from './subject-family';
import { templateCatalogue } from './template-catalogue';

describe('subject families (règle de la plateforme: a mail rule sorts messages by the subject’s first words)', () => {
  it('gives no two families the same beginning: none is the start of another', () => {
    const prefixes = (Object.keys(SUBJECT_FAMILIES) as (keyof typeof SUBJECT_FAMILIES)[]).map(
      subjectPrefixOf,
    );
    for (const a of prefixes)
      for (const b of prefixes) if (a !== b) assert.ok(!b.startsWith(a), `"${b}" starts with "${a}"`);
    assert.equal(new Set(prefixes).size, prefixes.length);
  });

  it('puts every template in a family, and reminders apart from acknowledgments', () => {
    const familyOf = (key: keyof typeof templateCatalogue) => templateCatalogue[key].family;
    for (const template of Object.values(templateCatalogue)) assert.ok(template.family in SUBJECT_FAMILIES);
    assert.equal(familyOf('agreement-renewal-due'), 'reminder');
    assert.equal(familyOf('agreement-decision-due'), 'reminder');
    assert.equal(familyOf('contract-review-due'), 'reminder');
    assert.equal(familyOf('agreement-requested'), 'acknowledgment');
    assert.equal(familyOf('agreement-granted'), 'decision');
    assert.equal(familyOf('contract-review-overdue'), 'alert');
  });

  it('leaves the family label out of the subject templates themselves (the renderer adds it once)', () => {
    for (const template of Object.values(templateCatalogue))
      for (const label of Object.values(SUBJECT_FAMILIES))
        assert.ok(!template.subject.startsWith(label), `${template.key}: ${template.subject}`);
  });
});
