import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlatformConfig } from '@tripartite/config';
import { testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { siretWithKey } from '../src/organisation/domain/siret.rule';
import { startAgreements } from './support/agreements-app';

let serial = 0;
const validSiret = () => siretWithKey(`73284${String(serial++).padStart(8, '0')}`);
const profile = { employeesFollowed: 30_000, memberCompanies: 2_000, btp: false, sectors: ['Marseille'] };

function aService(name: string, regions: string[], caisseId?: string) {
  return {
    type: 'SSTI',
    name,
    regions,
    siret: validSiret(),
    service: { ...profile, ...(caisseId !== undefined ? { caisseId } : {}) },
  };
}

describe('the directory: each service’s competent Caisse and who keeps which region (issues 9 and 10)', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let sudEst: string;
  let secondPaca: string;

  before(async () => {
    ({ app, config, dataSource, close } = await startAgreements('agreements_directory_scope'));
    // CARSAT Sud-Est covers PACA (93) and Corse (94): registered by national steering, as it spans two regions.
    sudEst = (
      await register(
        { type: 'CAISSE', name: 'CARSAT Sud-Est', regions: ['93', '94'], caisseKind: 'CARSAT' },
        national(),
      )
    ).json().id;
    // A second Caisse in PACA: the region now has two, so each PACA service names its own.
    secondPaca = (
      await register(
        { type: 'CAISSE', name: 'Caisse PACA Ouest', regions: ['93'], caisseKind: 'CARSAT' },
        direccte('93'),
      )
    ).json().id;
  });
  after(() => close?.());

  const direccte = (region: string) =>
    testToken(config, { roles: ['direccte'], region, sub: `dreets-${region}` });
  const national = () => testToken(config, { roles: ['national'], sub: 'dgt' });
  const admin = () => testToken(config, { roles: ['admin'], sub: 'admin' });

  async function register(body: object, token: Promise<string>) {
    return app.inject({
      method: 'POST',
      url: '/api/v1/organisations',
      payload: body,
      headers: { authorization: `Bearer ${await token}` },
    });
  }

  async function patch(id: string, body: object, token: Promise<string>) {
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${id}`,
      headers: { authorization: `Bearer ${await admin()}` },
    });
    return app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${id}`,
      payload: body,
      headers: { authorization: `Bearer ${await token}`, 'if-match': String(read.headers.etag) },
    });
  }

  async function count(): Promise<number> {
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM organisations');
    return n;
  }

  describe('the competent Caisse, chosen per service (domain.md; L.4622-10)', () => {
    it('is the only Caisse covering the service’s region when none is named: a Corse service gets CARSAT Sud-Est', async () => {
      const response = await register(aService('Santé Travail Corse', ['94']), direccte('94'));
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.json().service.caisseId, sudEst, 'one Caisse covering two regions serves both');
      const [event] = await dataSource.query(
        "SELECT envelope->'payload'->'service'->>'caisseId' AS caisse, envelope->>'version' AS version FROM outbox WHERE aggregate_id = $1",
        [response.json().id],
      );
      assert.deepEqual(event, { caisse: sudEst, version: '2' }, 'organisation.registered v2 carries it');
    });

    it('must be named where two Caisses cover the region (422 naming service.caisseId), and must cover it', async () => {
      const before = await count();
      const unnamed = await register(aService('AST Marseille', ['93']), direccte('93'));
      assert.equal(unnamed.statusCode, 422);
      assert.equal(unnamed.json().code, 'ORGANISATION.PROFILE_INVALID');
      assert.equal(unnamed.json().errors[0].field, 'service.caisseId');
      assert.match(unnamed.json().errors[0].message, /2 Caisses cover region 93/);
      const bretonCaisse = (
        await register(
          { type: 'CAISSE', name: 'CARSAT Bretagne', regions: ['53'], caisseKind: 'CARSAT' },
          direccte('53'),
        )
      ).json().id;
      const foreign = await register(aService('AST Marseille', ['93'], bretonCaisse), direccte('93'));
      assert.equal(foreign.statusCode, 422);
      assert.equal(foreign.json().errors[0].field, 'service.caisseId');
      assert.equal(await count(), before + 1, 'only the Breton Caisse was written');
      const named = await register(aService('AST Marseille', ['93'], secondPaca), direccte('93'));
      assert.equal(named.statusCode, 201, named.body);
      assert.equal(named.json().service.caisseId, secondPaca);
    });

    it('is none for an autonomous service (SSTA): it concludes no CPOM (L.4622-10)', async () => {
      const ssta = await register(
        { ...aService('Service autonome Raffinerie', ['94'], sudEst), type: 'SSTA' },
        direccte('94'),
      );
      assert.equal(ssta.statusCode, 422);
      assert.equal(ssta.json().errors[0].field, 'service.caisseId');
      const plain = await register(
        { ...aService('Service autonome Chantiers', ['94']), type: 'SSTA' },
        direccte('94'),
      );
      assert.equal(plain.statusCode, 201, plain.body);
      assert.equal(plain.json().service.caisseId, null);
    });

    it('is kept through a change of profile, and can be changed to another Caisse covering the service', async () => {
      const id = (await register(aService('AST Toulon', ['93'], sudEst), direccte('93'))).json().id;
      const resized = await patch(id, { service: { ...profile, employeesFollowed: 31_000 } }, direccte('93'));
      assert.equal(resized.statusCode, 200, resized.body);
      assert.equal(resized.json().service.caisseId, sudEst, 'kept while it still covers the service');
      const changed = await patch(id, { service: { ...profile, caisseId: secondPaca } }, direccte('93'));
      assert.equal(changed.statusCode, 200, changed.body);
      assert.equal(changed.json().service.caisseId, secondPaca);
    });
  });

  describe('who keeps which region of the directory: role × region (issue 10, scope)', () => {
    const cases: {
      who: string;
      token: () => Promise<string>;
      own53: number;
      spanning: number;
      moves: number;
      renames: number;
    }[] = [
      { who: 'admin', token: admin, own53: 201, spanning: 201, moves: 200, renames: 200 },
      { who: 'national steering', token: national, own53: 201, spanning: 201, moves: 200, renames: 200 },
      {
        who: 'the DIRECCTE of 53',
        token: () => direccte('53'),
        own53: 201,
        spanning: 403,
        moves: 403,
        renames: 200,
      },
      {
        who: 'the DIRECCTE of 93',
        token: () => direccte('93'),
        own53: 403,
        spanning: 403,
        moves: 403,
        renames: 403,
      },
      {
        who: 'a Caisse of 53',
        token: () => testToken(config, { roles: ['caisse'], region: '53' }),
        own53: 403,
        spanning: 403,
        moves: 403,
        renames: 403,
      },
      {
        who: 'a service director',
        token: () => testToken(config, { roles: ['sst'], region: '53' }),
        own53: 403,
        spanning: 403,
        moves: 403,
        renames: 403,
      },
    ];
    for (const c of cases) {
      it(`${c.who}: registers in 53 ${c.own53}, across 53 and 93 ${c.spanning}, moves a 53 service to 93 ${c.moves}, renames it ${c.renames}`, async () => {
        const before = await count();
        const own = await register({ ...aService(`Service ${c.who}`, ['53']), contacts: [] }, c.token());
        assert.equal(own.statusCode, c.own53, own.body);
        const spanning = await register(
          aService(`Service interrégional ${c.who}`, ['53', '93'], sudEst),
          c.token(),
        );
        assert.equal(spanning.statusCode, c.spanning, spanning.body);
        const created = (c.own53 === 201 ? 1 : 0) + (c.spanning === 201 ? 1 : 0);
        assert.equal(await count(), before + created, 'a refused registration writes nothing');

        const target = (await register(aService(`Cible ${c.who}`, ['53']), direccte('53'))).json().id;
        const moved = await patch(
          target,
          { regions: ['93'], service: { ...profile, caisseId: sudEst } },
          c.token(),
        );
        assert.equal(moved.statusCode, c.moves, moved.body);
        const renamed = await patch(target, { name: `Cible renommée ${c.who}` }, c.token());
        assert.equal(renamed.statusCode, c.renames, renamed.body);
        if (c.moves !== 200) {
          const [{ regions }] = await dataSource.query('SELECT regions FROM organisations WHERE id = $1', [
            target,
          ]);
          assert.deepEqual(regions, ['53'], 'a refused move leaves the service in its region');
        }
        for (const refused of [own, spanning, moved, renamed].filter((r) => r.statusCode === 403)) {
          assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
        }
      });
    }
  });
});
