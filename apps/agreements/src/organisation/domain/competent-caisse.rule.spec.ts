import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { competentCaisse } from './competent-caisse.rule';

const sudEst = { id: 'c-sud-est', name: 'CARSAT Sud-Est', regions: ['93', '94'] };
const ouest = { id: 'c-ouest', name: 'Caisse PACA Ouest', regions: ['93'] };

describe('the competent Caisse of a service, chosen per service (domain.md: a Caisse may cover two regions)', () => {
  it('takes the only Caisse covering the service, and none when the directory knows none yet', () => {
    assert.deepEqual(competentCaisse({ type: 'SSTI', regions: ['94'] }, undefined, [sudEst, ouest]), {
      caisseId: 'c-sud-est',
    });
    assert.deepEqual(competentCaisse({ type: 'SSTI', regions: ['53'] }, undefined, [sudEst]), {
      caisseId: null,
    });
  });

  it('asks which one where two cover the region, and refuses one that does not cover it', () => {
    const twoOfThem = competentCaisse({ type: 'SSTI', regions: ['93'] }, undefined, [sudEst, ouest]);
    assert.ok('problem' in twoOfThem && twoOfThem.problem.field === 'service.caisseId');
    assert.deepEqual(competentCaisse({ type: 'SSTI', regions: ['93'] }, 'c-ouest', [sudEst, ouest]), {
      caisseId: 'c-ouest',
    });
    const foreign = competentCaisse({ type: 'SSTI', regions: ['94'] }, 'c-ouest', [sudEst, ouest]);
    assert.ok('problem' in foreign);
  });

  it('gives an autonomous service (SSTA) none: it concludes no CPOM (L.4622-10)', () => {
    assert.deepEqual(competentCaisse({ type: 'SSTA', regions: ['94'] }, undefined, [sudEst]), {
      caisseId: null,
    });
    assert.ok('problem' in competentCaisse({ type: 'SSTA', regions: ['94'] }, 'c-sud-est', [sudEst]));
  });
});
