import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { organisationProfileProblems } from './organisation-profile.rule';

const service = { employeesFollowed: 52_000, memberCompanies: 4_100, btp: false, sectors: ['Rennes'] };

describe('what each kind of organisation carries (issue 4, directory)', () => {
  it('asks a Caisse which fund it is, and nobody else', () => {
    assert.deepEqual(
      organisationProfileProblems({ type: 'CAISSE', caisseKind: null }).map((p) => p.field),
      ['caisseKind'],
    );
    assert.deepEqual(organisationProfileProblems({ type: 'CAISSE', caisseKind: 'CARSAT' }), []);
    assert.equal(organisationProfileProblems({ type: 'ARS', caisseKind: 'CGSS' })[0].rule, 'caisse-only');
  });

  it('asks a service for its SIRET and its profile, and refuses a profile elsewhere', () => {
    assert.deepEqual(
      organisationProfileProblems({ type: 'SSTI' }).map((p) => p.field),
      ['siret', 'service'],
    );
    assert.deepEqual(organisationProfileProblems({ type: 'SSTA', siret: '73282932000074', service }), []);
    assert.equal(organisationProfileProblems({ type: 'DIRECCTE', service })[0].rule, 'service-only');
  });

  it('refuses a SIRET whose key is wrong', () => {
    assert.deepEqual(organisationProfileProblems({ type: 'SSTI', siret: '73282932000075', service })[0], {
      field: 'siret',
      rule: 'siret',
      message: 'is not a valid SIRET (14 digits with a valid key)',
    });
  });
});
