import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, lastDayOfYears } from '@tripartite/calendar';
import { startContracts } from './support/contracts-app';
import { ContractsClient, completeContent, type Region } from './support/contracts-client';

// Issue 11: drafting, changing and submitting a CPOM over HTTP (L.4622-10, D.4622-47; seed 002 II.4).
describe('drafting and submitting a CPOM', () => {
  let client: ContractsClient;
  let close: () => Promise<void>;
  let bretagne: Region;

  before(async () => {
    const started = await startContracts('contracts_drafting');
    client = new ContractsClient(started.app, started.config, started.dataSource, started.producer);
    close = started.close;
    bretagne = await client.region('53');
  });
  after(async () => close?.());

  const count = async () => Number((await client.dataSource.query('SELECT count(*) AS n FROM cpoms'))[0].n);

  it('opens a draft for an SSTi, its DIRECCTE and competent Caisse and publishes contract.drafted', async () => {
    const response = await client.draft(bretagne);
    assert.equal(response.statusCode, 201, JSON.stringify(response.json()));
    const body = response.json();
    assert.equal(body.status, 'DRAFT');
    assert.equal(body.contentVersion, 1);
    assert.deepEqual(body.regions, ['53']);
    assert.equal(response.headers.etag, '"1"');
    assert.equal(body.actions[0].commitments.caisse, 'Cibler les entreprises et cofinancer les aides');
    const events = await client.eventsOf(body.id);
    assert.deepEqual(
      events.map((e) => e.type),
      ['contract.drafted'],
    );
    assert.equal(events[0].payload.caisseId, bretagne.caisseId);
  });

  it('accepts five years less a day and refuses one day more, writing nothing (D.4622-47)', async () => {
    const region = await client.region('53');
    const start = client.today();
    const before = await count();
    const tooLong = await client.draft(
      region,
      completeContent(start, { periodEnd: addDays(lastDayOfYears(start, 5), 1) }),
    );
    assert.equal(tooLong.statusCode, 422);
    assert.match(String(tooLong.headers['content-type']), /^application\/problem\+json/);
    assert.equal(tooLong.json().field, 'periodEnd');
    assert.match(tooLong.json().rule, /D\.4622-47/);
    assert.equal(await count(), before, 'nothing written');
    const fiveYears = await client.draft(
      region,
      completeContent(start, { periodEnd: lastDayOfYears(start, 5) }),
    );
    assert.equal(fiveYears.statusCode, 201, JSON.stringify(fiveYears.json()));
  });

  it('refuses an SSTA, a Caisse other than the competent one and a DIRECCTE of another region (L.4622-10), writing nothing', async () => {
    const autonomous = await client.region('53', { type: 'SSTA' });
    const before = await count();
    const ssta = await client.draft(autonomous);
    assert.equal(ssta.statusCode, 422);
    assert.equal(ssta.json().code, 'CPOM.PARTIES_INVALID');
    assert.equal(ssta.json().field, 'serviceId');
    assert.match(ssta.json().rule, /L\.4622-10/);
    const other = await client.region('53');
    const wrongCaisse = await client.draft({ ...bretagne, caisseId: other.caisseId });
    assert.equal(wrongCaisse.statusCode, 422);
    assert.equal(wrongCaisse.json().field, 'caisseId');
    const normandie = await client.region('28');
    const otherRegion = await client.draft({ ...bretagne, direccteId: normandie.direccteId });
    assert.equal(otherRegion.statusCode, 422);
    assert.equal(otherRegion.json().field, 'direccteId');
    assert.match(otherRegion.json().rule, /région du service/);
    assert.equal(await count(), before);
  });

  it('refuses a quantitative indicator without unit, naming the field (seed 002 II.4), and unknown fields (400)', async () => {
    const region = await client.region('53');
    const content = completeContent(client.today());
    content.actions[0].indicators[0].unit = null;
    const noUnit = await client.draft(region, content);
    assert.equal(noUnit.statusCode, 422);
    assert.equal(noUnit.json().field, 'actions[0].indicators[0].unit');
    const unknown = await client.draft(region, { ...completeContent(client.today()), budget: 1000 });
    assert.equal(unknown.statusCode, 400);
    const badDate = await client.draft(region, {
      ...completeContent(client.today()),
      periodStart: '2025-02-30',
    });
    assert.equal(badDate.statusCode, 400);
    assert.ok(badDate.json().errors.some((e: { field: string }) => e.field === 'periodStart'));
  });

  it('lets only the parties draft: another service, a CRPRP or an ARS is refused (403)', async () => {
    const other = await client.region('53');
    const response = await client.draft(
      bretagne,
      completeContent(client.today()),
      await client.party(other, 'service'),
    );
    assert.equal(response.statusCode, 403);
    const crprp = await client.token({ roles: ['crprp'], region: '53', org: bretagne.direccteId });
    assert.equal((await client.draft(bretagne, completeContent(client.today()), crprp)).statusCode, 403);
  });

  it('changes a draft with If-Match only (428 without, 412 stale)', async () => {
    const region = await client.region('53');
    const drafted = await client.draft(region);
    const id = drafted.json().id;
    const token = await client.party(region, 'caisse');
    const patch = { context: { localDiagnosis: 'Diagnostic mis à jour' } };
    const without = await client.request('PATCH', `/api/v1/cpoms/${id}`, token, patch);
    assert.equal(without.statusCode, 428);
    const changed = await client.request('PATCH', `/api/v1/cpoms/${id}`, token, patch, { 'if-match': '"1"' });
    assert.equal(changed.statusCode, 200, JSON.stringify(changed.json()));
    assert.equal(changed.json().context.localDiagnosis, 'Diagnostic mis à jour');
    const stale = await client.request('PATCH', `/api/v1/cpoms/${id}`, token, patch, { 'if-match': '"1"' });
    assert.equal(stale.statusCode, 412);
  });

  it('refuses an incomplete submission listing each action and what it lacks, by party (seed 002 II.4)', async () => {
    const region = await client.region('53');
    const content = completeContent(client.today());
    content.actions[0].commitments.direccte = '';
    content.actions[0].indicators = [];
    const drafted = await client.draft(region, content);
    const refused = await client.submit(
      drafted.json().id,
      drafted.headers.etag,
      await client.party(region, 'service'),
    );
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().code, 'CPOM.INCOMPLETE');
    assert.deepEqual(
      refused.json().errors.map((e: { field: string }) => e.field),
      ['actions[0].commitments.direccte', 'actions[0].indicators'],
    );
    assert.equal(
      (await client.get(drafted.json().id, await client.party(region, 'service'))).json().status,
      'DRAFT',
    );
  });

  it('warns at submission of a partnership protocol the service and its Caisse concluded that is not annexed (seed 002 II.4, seed 000)', async () => {
    const region = await client.region('53');
    const caisse = await client.party(region, 'caisse');
    const today = client.today();
    const opened = await client.request('POST', '/api/v1/partnership-protocols', caisse, {
      serviceId: region.serviceId,
      caisseId: region.caisseId,
      title: 'Maintien en emploi',
      themes: ['desinsertion_professionnelle'],
      openedOn: addDays(today, -30),
    });
    assert.equal(opened.statusCode, 201, JSON.stringify(opened.json()));
    const concluded = await client.request(
      'POST',
      `/api/v1/partnership-protocols/${opened.json().id}/conclusion`,
      caisse,
      { concludedOn: addDays(today, -10), startsOn: addDays(today, -10), endsOn: null },
      { 'if-match': String(opened.headers.etag) },
    );
    assert.equal(concluded.statusCode, 200, JSON.stringify(concluded.json()));
    const drafted = await client.draft(region);
    const submitted = await client.submit(drafted.json().id, drafted.headers.etag, caisse);
    assert.equal(submitted.statusCode, 200, JSON.stringify(submitted.json()));
    const [warning] = submitted.json().warnings;
    assert.equal(warning.code, 'CPOM.KNOWN_CONVENTION_NOT_ANNEXED');
    assert.equal(warning.field, 'annexes');
    assert.match(warning.message, new RegExp(opened.json().id));
  });

  it('submits a complete CPOM with a warning for a BTP service without OPPBTP annex, then only an amendment changes it', async () => {
    const region = await client.region('53', { btp: true });
    const drafted = await client.draft(region);
    const id = drafted.json().id;
    const token = await client.party(region, 'direccte');
    const submitted = await client.submit(id, drafted.headers.etag, token);
    assert.equal(submitted.statusCode, 200, JSON.stringify(submitted.json()));
    assert.equal(submitted.json().status, 'IN_CONSULTATION');
    assert.deepEqual(
      submitted.json().warnings.map((w: { code: string }) => w.code),
      ['CPOM.OPPBTP_ANNEX_MISSING'],
    );
    const events = await client.eventsOf(id);
    assert.equal(events.at(-1)?.type, 'contract.submitted');
    assert.equal(events.at(-1)?.payload.contentVersion, 1);
    const patch = await client.request(
      'PATCH',
      `/api/v1/cpoms/${id}`,
      token,
      { annexes: [] },
      { 'if-match': String(submitted.headers.etag) },
    );
    assert.equal(patch.statusCode, 409);
    assert.equal(patch.json().code, 'CPOM.INVALID_STATE');
  });

  it('refuses a second CPOM of the service over a day of one submitted (D.4622-47), and accepts the next generation', async () => {
    const region = await client.region('53');
    const start = client.today();
    const first = await client.draft(region, completeContent(start, { periodEnd: addDays(start, 99) }));
    await client.submit(first.json().id, first.headers.etag, await client.party(region, 'service'));
    const overlapping = await client.draft(region, completeContent(addDays(start, 99)));
    assert.equal(overlapping.statusCode, 409);
    assert.equal(overlapping.json().code, 'CPOM.OVERLAP');
    const next = await client.draft(region, completeContent(addDays(start, 100)));
    assert.equal(next.statusCode, 201);
  });

  it('takes a submission back to draft and numbers the next text (règle de la plateforme)', async () => {
    const region = await client.region('53');
    const drafted = await client.draft(region);
    const id = drafted.json().id;
    const token = await client.party(region, 'service');
    const submitted = await client.submit(id, drafted.headers.etag, token);
    const withdrawn = await client.request(
      'DELETE',
      `/api/v1/cpoms/${id}/submission?reason=Compl%C3%A9ments`,
      token,
      undefined,
      {
        'if-match': String(submitted.headers.etag),
      },
    );
    assert.equal(withdrawn.statusCode, 200, JSON.stringify(withdrawn.json()));
    assert.equal(withdrawn.json().status, 'DRAFT');
    const events = await client.eventsOf(id);
    assert.equal(events.at(-1)?.type, 'contract.submission_withdrawn');
    assert.equal(events.at(-1)?.payload.reason, 'Compléments');
    const changed = await client.request(
      'PATCH',
      `/api/v1/cpoms/${id}`,
      token,
      { annexes: [] },
      { 'if-match': String(withdrawn.headers.etag) },
    );
    assert.equal(changed.json().contentVersion, 2);
  });

  it('shows drafts to their parties and the regional DIRECCTE, not to the CRPRP or ARS until submitted', async () => {
    const region = await client.region('53');
    const drafted = await client.draft(region);
    const id = drafted.json().id;
    const crprp = await client.token({ roles: ['crprp'], region: '53' });
    const ars = await client.token({ roles: ['ars'], region: '53' });
    const national = await client.token({ roles: ['national'] });
    const otherService = await client.party(await client.region('53'), 'service');
    assert.equal((await client.get(id, crprp)).statusCode, 403);
    assert.equal((await client.get(id, otherService)).statusCode, 403);
    assert.equal((await client.get(id, national)).statusCode, 200);
    assert.equal(
      (await client.get(id, await client.token({ roles: ['direccte'], region: '53' }))).statusCode,
      200,
    );
    await client.submit(id, drafted.headers.etag, await client.party(region, 'service'));
    assert.equal((await client.get(id, ars)).statusCode, 200);
    assert.equal(
      (await client.get(id, await client.token({ roles: ['ars'], region: '11' }))).statusCode,
      403,
    );
    const listed = await client.request('GET', `/api/v1/cpoms?serviceId=${region.serviceId}`, crprp);
    assert.deepEqual(
      listed.json().items.map((c: { id: string }) => c.id),
      [id],
    );
    const otherDraft = await client.request('GET', `/api/v1/cpoms?serviceId=${bretagne.serviceId}`, crprp);
    assert.equal(otherDraft.json().total, 0, 'the CRPRP sees no draft');
    const history = await client.request('GET', `/api/v1/cpoms/${id}/history`, national);
    assert.equal(history.statusCode, 200);
    assert.deepEqual(
      history.json().items.map((h: { action: string }) => h.action),
      ['contract.drafted', 'contract.submitted'],
    );
  });
});
