import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Actor } from '@tripartite/context';
import { AccessScope, NO_ORGANISATION, ownOrganisationIdOf } from './access-scope';

const actor = (roles: string[], region: string | null, organisationId: string | null = null): Actor => ({
  subject: `test-${roles.join('-')}`,
  roles,
  region,
  organisationId,
});

const admin = actor(['admin'], null);
const national = actor(['national'], null);
const direccteIdf = actor(['direccte'], '11');
const carsatSudEst = actor(['caisse'], '93', 'carsat-sud-est');
const sstParis = actor(['sst'], '11', 'sst-paris');

describe('AccessScope', () => {
  it('lets admin and national read every region', () => {
    assert.ok(AccessScope.canReadRegion(admin, '84'));
    assert.ok(AccessScope.canReadRegion(national, ['94']));
  });

  it('lets a regional actor read its own region only', () => {
    assert.ok(AccessScope.canReadRegion(direccteIdf, '11'));
    assert.equal(AccessScope.canReadRegion(direccteIdf, '84'), false);
  });

  it('accepts a resource of several regions when one is the actor’s (a Caisse covers PACA and Corse)', () => {
    assert.ok(AccessScope.canReadRegion(carsatSudEst, ['94', '93']));
    assert.equal(AccessScope.canReadRegion(carsatSudEst, ['11', '84']), false);
  });

  it('refuses any region to a regional actor whose token has none', () => {
    assert.equal(AccessScope.canReadRegion(actor(['ars'], null), '11'), false);
  });

  it('lets only admin act everywhere: national steers, it does not decide', () => {
    assert.ok(AccessScope.canActInRegion(admin, '84'));
    assert.equal(AccessScope.canActInRegion(national, '84'), false);
    assert.ok(AccessScope.canActInRegion(direccteIdf, '11'));
    assert.equal(AccessScope.canActInRegion(direccteIdf, '84'), false);
  });

  it('lets an actor act for its own organisation only', () => {
    assert.ok(AccessScope.canActForOrganisation(sstParis, 'sst-paris'));
    assert.equal(AccessScope.canActForOrganisation(sstParis, 'sst-lyon'), false);
    assert.equal(AccessScope.canActForOrganisation(direccteIdf, 'sst-paris'), false);
    assert.equal(AccessScope.canActForOrganisation(national, 'sst-paris'), false);
    assert.ok(AccessScope.canActForOrganisation(admin, 'sst-paris'));
  });

  it('lets a party read its resource even in another region', () => {
    const cpom = { regions: ['94'], organisationIds: ['sst-ajaccio', 'carsat-sud-est'] };
    assert.ok(AccessScope.canRead(carsatSudEst, cpom));
  });

  it('lets regional authorities read the files of their region, but not an SST another SST’s', () => {
    const cpom = { regions: ['11'], organisationIds: ['sst-versailles', 'cramif'] };
    assert.ok(AccessScope.canRead(direccteIdf, cpom));
    assert.ok(AccessScope.canRead(actor(['crprp'], '11'), cpom));
    assert.equal(AccessScope.canRead(sstParis, cpom), false);
    assert.equal(AccessScope.canRead(actor(['ars'], '84'), cpom), false);
    assert.ok(AccessScope.canRead(national, cpom));
  });
});

describe('ownOrganisationIdOf', () => {
  it('answers the token’s organisation only when it is a UUID, so a list never sends a malformed id to a uuid column', () => {
    const id = '0190b4a4-1111-7000-8000-000000000001';
    assert.equal(ownOrganisationIdOf(actor(['sst'], '53', id)), id);
    assert.equal(ownOrganisationIdOf(actor(['sst'], '53', 'not-a-uuid')), NO_ORGANISATION);
    assert.equal(ownOrganisationIdOf(actor(['sst'], '53', null)), NO_ORGANISATION);
  });
});
