import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { ServiceDirectory } from '../src/directory/application/service-directory';
import { startContracts } from './support/contracts-app';
import { DirectoryFacts } from './support/directory-facts';

// Issue 11, step 1: the contracts service knows organisations and agréments from events only, "aucun CPOM ne
// peut être conclu si le service ... n'est pas préalablement agréé" (seed 002 I.1).
describe('the contracts service directory, projected from organisation.* and agreement.* events', () => {
  let directory: ServiceDirectory;
  let facts: DirectoryFacts;
  let dataSource: DataSource;
  let close: () => Promise<void>;

  before(async () => {
    const started = await startContracts('contracts_directory');
    directory = started.app.get(ServiceDirectory);
    facts = new DirectoryFacts(started.producer);
    dataSource = started.dataSource;
    close = started.close;
  });
  after(async () => close?.());

  it('keeps an organisation with its type, regions, competent Caisse, BTP flag and employees, newest version winning', async () => {
    const caisseId = await facts.organisation({
      id: randomUUID(),
      type: 'CAISSE',
      name: 'CARSAT Bretagne',
      regions: ['53'],
    });
    const serviceId = randomUUID();
    const service = {
      id: serviceId,
      type: 'SSTI' as const,
      name: 'AST Rennes',
      regions: ['53'],
      caisseId,
      btp: true,
    };
    await facts.organisation(service, 'organisation.registered', 1);
    await facts.organisation(
      { ...service, name: 'AST 35', employeesFollowed: 52_000 },
      'organisation.updated',
      3,
    );
    // An older state arriving late changes nothing.
    await facts.organisation({ ...service, name: 'Ancien nom' }, 'organisation.updated', 2);

    await expectEventually(async () => {
      const known = await directory.organisation(serviceId);
      assert.equal(known?.name, 'AST 35');
    });
    // The late v2 is consumed after v3 (events of one producer are relayed in order): wait until it is in the inbox.
    await expectEventually(async () => {
      const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM inbox`);
      assert.ok(count >= 4, `4 events consumed, saw ${count}`);
    });
    assert.deepEqual(await directory.organisation(serviceId), {
      id: serviceId,
      type: 'SSTI',
      name: 'AST 35',
      regions: ['53'],
      caisseId,
      btp: true,
      employeesFollowed: 52_000,
      version: 3,
    });
    const caisse = await directory.organisation(caisseId);
    assert.deepEqual([caisse?.type, caisse?.caisseId, caisse?.btp], ['CAISSE', null, false]);
  });

  it('answers which agrément is in force on a date, from grant to shortening and withdrawal (seed 002 I.1, D.4622-51)', async () => {
    const service = { id: randomUUID(), name: 'SIST Vannes', regions: ['53'] };
    const first = await facts.granted(service, '2019-01-01', '2023-12-31');
    const second = await facts.granted(service, '2024-01-01', '2028-12-31');
    await facts.shortened(service, second, '2028-12-31', '2027-06-30');
    await expectEventually(async () => {
      const standings = await directory.agreements(service.id);
      assert.deepEqual(
        standings.map((s) => s.validUntil),
        ['2023-12-31', '2027-06-30'],
      );
    });
    assert.equal(await directory.agreementInForceOn(service.id, '2027-07-01'), null);
    assert.deepEqual(await directory.agreementInForceOn(service.id, '2020-02-29'), {
      agreementId: first,
      validFrom: '2019-01-01',
      lastDay: '2023-12-31',
    });
    assert.equal((await directory.agreementInForceOn(service.id, '2027-06-30'))?.agreementId, second);
    assert.equal(await directory.isAgreedOn(service.id, '2018-12-31'), false);

    await facts.withdrawn(service, second, '2026-02-01');
    await expectEventually(async () => {
      assert.equal(await directory.isAgreedOn(service.id, '2026-02-01'), false);
    });
    assert.equal(await directory.isAgreedOn(service.id, '2026-01-31'), true);
    const standings = await directory.agreements(service.id);
    assert.deepEqual(
      standings.map((s) => s.status),
      ['granted', 'withdrawn'],
    );
  });

  it('records a refused renewal and an expiry without successor, and ignores a redelivered older fact', async () => {
    const service = { id: randomUUID(), name: 'SIST Lorient', regions: ['53'] };
    const agreementId = await facts.granted(service, '2020-01-01', '2024-12-31');
    await facts.refusedRenewal(service, '2024-10-01');
    await facts.expired(service, agreementId, '2024-12-31', null, 3);
    // The shortening of version 2 arrives after the expiry of version 3: the expiry's facts stay.
    await facts.shortened(service, agreementId, '2024-12-31', '2022-12-31', 2);
    await expectEventually(async () => {
      const standings = await directory.agreements(service.id);
      assert.equal(standings.length, 2);
      const agreement = standings.find((s) => s.agreementId === agreementId);
      assert.equal(agreement?.status, 'expired');
      assert.equal(agreement?.version, 3);
      assert.ok(standings.some((s) => s.status === 'refused' && s.refusedAtRenewal));
    });
    await expectEventually(async () => {
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM inbox WHERE type = 'agreement.shortened'`,
      );
      assert.equal(count, 2);
    });
    assert.equal(
      await directory.isAgreedOn(service.id, '2024-12-31'),
      true,
      'the older shortening changed nothing',
    );
    assert.equal(await directory.isAgreedOn(service.id, '2025-01-01'), false);
  });
});
