import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Body } from '../../body/domain/body.types';
import { planInForce, planProblems } from './consultation-plan';

const body = (id: string, kind: Body['kind'], region = '53'): Body => ({
  id,
  kind,
  region,
  name: `${kind} Bretagne`,
  organisationId: 'o',
  validFrom: '2022-04-01',
  validUntil: null,
  version: 1,
});
const BODIES = [
  body('crpst', 'CRPST'),
  body('ars', 'ARS'),
  body('croct', 'CROCT'),
  body('idf', 'CRPST', '11'),
];

describe('consultation plans', () => {
  it('accepts the CRPST and the ARS, with the CROCT adopting (L.4622-10, domain.md)', () => {
    const problems = planProblems(
      {
        region: '53',
        validFrom: '2026-01-01',
        validUntil: null,
        entries: [
          { bodyId: 'crpst', step: 'opinion' },
          { bodyId: 'ars', step: 'opinion' },
          { bodyId: 'croct', step: 'adoption' },
        ],
      },
      BODIES,
    );
    assert.deepEqual(problems, []);
  });

  it('refuses a plan without the ARS opinion (L.4622-10, seed 002 II.3)', () => {
    const problems = planProblems(
      {
        region: '53',
        validFrom: '2026-01-01',
        validUntil: null,
        entries: [{ bodyId: 'crpst', step: 'opinion' }],
      },
      BODIES,
    );
    assert.ok(problems.some((p) => p.field === 'entries' && /ARS/.test(p.message)));
    assert.match(problems[0]?.rule ?? '', /L.4622-10/);
  });

  it('refuses a body of another region, and an adoption by another body than the CROCT (règle de la plateforme)', () => {
    const problems = planProblems(
      {
        region: '53',
        validFrom: '2026-01-01',
        validUntil: null,
        entries: [
          { bodyId: 'idf', step: 'opinion' },
          { bodyId: 'ars', step: 'adoption' },
        ],
      },
      BODIES,
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['entries[0].bodyId', 'entries[1].step', 'entries'],
    );
  });

  it('the plan in force on the submission date applies (issue 12)', () => {
    const plans = [
      { id: 'old', validFrom: '2022-04-01', validUntil: '2025-12-31' },
      { id: 'new', validFrom: '2026-01-01', validUntil: null },
    ];
    assert.equal(planInForce(plans, '2025-12-31')?.id, 'old');
    assert.equal(planInForce(plans, '2026-01-01')?.id, 'new');
    assert.equal(planInForce(plans, '2021-01-01'), null);
  });
});
