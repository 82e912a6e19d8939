import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addDays, lastDayOfYears } from '@tripartite/calendar';
import { expectEventually } from '@tripartite/testing';
import { startContracts } from './support/contracts-app';
import { ContractsClient, completeContent, type Region, type Reply } from './support/contracts-client';

// Issue 11, amendments (avenants): drafted on the current version, signed by the three parties, applied as a new
// version; every version stays readable and their diff says what changed (D.4622-47; seed 002 II.4).
describe('amendments to a CPOM in force, its versions and their diff', () => {
  let client: ContractsClient;
  let close: () => Promise<void>;

  before(async () => {
    const started = await startContracts('contracts_amendments');
    client = new ContractsClient(started.app, started.config, started.dataSource, started.producer);
    close = started.close;
  });
  after(async () => close?.());

  async function signedCpom(): Promise<{ region: Region; id: string; reply: Reply }> {
    const region = await client.region('53');
    const drafted = await client.draft(region);
    const id = drafted.json().id;
    await client.submit(id, drafted.headers.etag, await client.party(region, 'service'));
    await client.consult({ id, serviceId: region.serviceId, regions: ['53'] }, 1);
    const ready = await expectEventually(async () => {
      const current = await client.get(id, await client.party(region, 'service'));
      assert.equal(current.json().status, 'READY_TO_SIGN');
      return current;
    });
    return { region, id, reply: await client.signAll(region, id, ready.headers.etag) };
  }

  const amend = async (id: string, etag: unknown, token: string, body: unknown) =>
    client.request('POST', `/api/v1/cpoms/${id}/amendments`, token, body, { 'if-match': String(etag) });

  it('drafts, signs and applies an amendment as version 2, publishing contract.amended; version 1 stays as signed', async () => {
    const { region, id, reply } = await signedCpom();
    const signed = reply.json();
    const token = await client.party(region, 'caisse');
    const actions = structuredClone(signed.actions);
    actions[0].commitments.caisse = 'Cibler les entreprises, cofinancer les aides et former les préventeurs';
    actions[0].indicators[0].target = 60;
    const priorityId = randomUUID();
    const extra = completeContent(signed.periodStart).actions[0];
    const drafted = await amend(id, reply.headers.etag, token, {
      summary: 'Avenant n°1 : priorité désinsertion adoptée à la revue annuelle',
      periodEnd: lastDayOfYears(signed.periodStart, 5),
      priorities: [
        ...signed.priorities,
        { priorityId, title: 'Prévenir la désinsertion professionnelle', origins: ['cog_atmp'] },
      ],
      actions: [...actions, { ...extra, priorityId, theme: 'desinsertion', title: 'Cellule PDP commune' }],
    });
    assert.equal(drafted.statusCode, 201, JSON.stringify(drafted.json()));
    assert.equal(drafted.json().amendments[0].status, 'DRAFT');
    assert.equal(drafted.json().contentVersion, 1, 'nothing changes in force before the three sign');

    let etag = drafted.headers.etag;
    for (const party of ['service', 'direccte', 'caisse'] as const) {
      const signedBy = await client.request(
        'POST',
        `/api/v1/cpoms/${id}/amendments/1/signatures`,
        await client.party(region, party),
        { signedOn: client.today() },
        { 'if-match': String(etag) },
      );
      assert.equal(signedBy.statusCode, 201, JSON.stringify(signedBy.json()));
      etag = signedBy.headers.etag;
    }
    const amended = (await client.get(id, token)).json();
    assert.equal(amended.contentVersion, 2);
    assert.equal(amended.periodEnd, lastDayOfYears(signed.periodStart, 5));
    assert.equal(amended.amendments[0].status, 'SIGNED');
    const event = (await client.eventsOf(id)).at(-1);
    assert.equal(event?.type, 'contract.amended');
    assert.equal(event?.payload.amendmentNumber, 1);
    assert.equal(event?.payload.contentVersion, 2);
    assert.equal(event?.payload.indicators.length, 2);

    const versions = (await client.request('GET', `/api/v1/cpoms/${id}/versions`, token)).json().versions;
    assert.deepEqual(
      versions.map((v: { number: number; amendmentNumber: number; verified: boolean }) => [
        v.number,
        v.amendmentNumber,
        v.verified,
      ]),
      [
        [1, 0, true],
        [2, 1, true],
      ],
    );
    const first = (await client.request('GET', `/api/v1/cpoms/${id}/versions/1`, token)).json();
    assert.equal(first.actions[0].indicators[0].target, 40);
    assert.equal(first.contentHash, signed.signedVersions[0].contentHash);
    const diff = (await client.request('GET', `/api/v1/cpoms/${id}/versions/1/diff/2`, token)).json();
    const texts = diff.changes.map((c: { text: string }) => c.text);
    assert.ok(
      texts.includes('Priorité ajoutée : Prévenir la désinsertion professionnelle'),
      texts.join(' | '),
    );
    assert.ok(
      texts.some((t: string) => t.startsWith('Engagement de la Caisse modifié')),
      texts.join(' | '),
    );
    assert.ok(
      texts.includes('Cible déplacée : Entreprises accompagnées, de 40 à 60 entreprises'),
      texts.join(' | '),
    );
    assert.ok(texts.some((t: string) => t.startsWith('Période modifiée')));
    assert.equal((await client.request('GET', `/api/v1/cpoms/${id}/versions/3`, token)).statusCode, 404);
  });

  it('refuses an amendment past five years from the start, amendments included (D.4622-47), one pending at a time, and none on a draft', async () => {
    const { region, id, reply } = await signedCpom();
    const token = await client.party(region, 'direccte');
    const start = reply.json().periodStart;
    const tooLong = await amend(id, reply.headers.etag, token, {
      summary: 'Prolongation',
      periodEnd: addDays(lastDayOfYears(start, 5), 1),
    });
    assert.equal(tooLong.statusCode, 422, JSON.stringify(tooLong.json()));
    assert.equal(tooLong.json().field, 'periodEnd');
    assert.match(tooLong.json().rule, /D\.4622-47/);
    const first = await amend(id, reply.headers.etag, token, { summary: 'Annexe ajoutée', annexes: [] });
    assert.equal(first.statusCode, 201);
    const second = await amend(id, first.headers.etag, token, { summary: 'Un second' });
    assert.equal(second.statusCode, 409);
    assert.equal(second.json().code, 'CPOM.AMENDMENT_PENDING');
    const admin = await client.token({ roles: ['admin'] });
    const adminSigns = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/amendments/1/signatures`,
      admin,
      { signedOn: client.today() },
      {
        'if-match': String(first.headers.etag),
      },
    );
    assert.equal(adminSigns.statusCode, 403);

    const draftRegion = await client.region('53');
    const draft = await client.draft(draftRegion);
    const onDraft = await amend(
      draft.json().id,
      draft.headers.etag,
      await client.party(draftRegion, 'service'),
      { summary: 'x' },
    );
    assert.equal(onDraft.statusCode, 409);
  });
});
