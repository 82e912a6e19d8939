import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addDays } from '@tripartite/calendar';
import { expectEventually, pdfText } from '@tripartite/testing';
import { contentHashOf } from '../src/cpom/domain/cpom-hash';
import { cpomChapterTitles } from '../src/cpom-document/render-cpom-pdf';
import { startContracts } from './support/contracts-app';
import { ContractsClient, type Region, type Reply } from './support/contracts-client';

// Issue 11: opinions, readiness and the three signatures (L.4622-10, D.4622-44; seed 002 I.1).
describe('the opinions and the three signatures of a CPOM', () => {
  let client: ContractsClient;
  let close: () => Promise<void>;

  before(async () => {
    const started = await startContracts('contracts_signing');
    client = new ContractsClient(started.app, started.config, started.dataSource, started.producer);
    close = started.close;
  });
  after(async () => close?.());

  /** A submitted CPOM of a new service of region 53. */
  async function submitted(region?: Region): Promise<{ region: Region; id: string; reply: Reply }> {
    const r = region ?? (await client.region('53'));
    const drafted = await client.draft(r);
    const id = drafted.json().id;
    const reply = await client.submit(id, drafted.headers.etag, await client.party(r, 'service'));
    assert.equal(reply.statusCode, 200, JSON.stringify(reply.json()));
    return { region: r, id, reply };
  }

  async function ready(
    outcomes: ('favourable' | 'unfavourable' | 'reserved')[] = ['favourable', 'favourable'],
    region?: Region,
  ): Promise<{ region: Region; id: string; reply: Reply }> {
    const { region: r, id } = await submitted(region);
    await client.consult({ id, serviceId: r.serviceId, regions: ['53'] }, 1, outcomes);
    const token = await client.party(r, 'service');
    const reply = await expectEventually(async () => {
      const current = await client.get(id, token);
      assert.equal(current.json().status, 'READY_TO_SIGN');
      return current;
    });
    return { region: r, id, reply };
  }

  const signOn = (on = client.today()) => ({ signedOn: on });

  it('refuses a signature before every opinion is in on the version (L.4622-10, D.4622-44)', async () => {
    const { region, id, reply } = await submitted();
    const refused = await client.sign(
      id,
      reply.headers.etag,
      await client.party(region, 'service'),
      signOn(),
    );
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'CPOM.OPINIONS_MISSING');
    assert.match(refused.json().rule, /D\.4622-44/);
  });

  it('keeps each opinion with its version and is READY_TO_SIGN when the consultation completes (contract.ready_to_sign)', async () => {
    const { id, reply } = await ready(['favourable', 'reserved']);
    const body = reply.json();
    assert.deepEqual(
      body.opinions.map((o: { bodyKind: string; outcome: string; contentVersion: number }) => [
        o.bodyKind,
        o.outcome,
        o.contentVersion,
      ]),
      [
        ['CRPST', 'favourable', 1],
        ['ARS', 'reserved', 1],
      ],
    );
    assert.equal(body.withReservations, true);
    const events = await client.eventsOf(id);
    assert.equal(events.at(-1)?.type, 'contract.ready_to_sign');
    assert.equal(events.at(-1)?.payload.withReservations, true);
  });

  it('ignores a completion for a version no longer submitted (règle de la plateforme)', async () => {
    const { region, id } = await submitted();
    await client.consult({ id, serviceId: region.serviceId, regions: ['53'] }, 7);
    await expectEventually(async () => {
      const [{ n }] = await client.dataSource.query(
        "SELECT count(*)::int AS n FROM inbox WHERE type = 'consultation.completed'",
      );
      assert.ok(n >= 1);
      const current = (await client.get(id, await client.party(region, 'service'))).json();
      assert.equal(current.opinions.length, 2, 'the opinions are kept');
    });
    assert.equal(
      (await client.get(id, await client.party(region, 'service'))).json().status,
      'IN_CONSULTATION',
    );
  });

  it('refuses a signature when the service holds no agrément in force on the signature date (seed 002 I.1)', async () => {
    const region = await client.region('53');
    await client.facts.withdrawn(
      { id: region.serviceId, name: region.serviceName, regions: ['53'] },
      region.agreementId,
      addDays(client.today(), -1),
    );
    const { id, reply } = await ready(undefined, region);
    const refused = await client.sign(
      id,
      reply.headers.etag,
      await client.party(region, 'direccte'),
      signOn(),
    );
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().code, 'CPOM.SERVICE_NOT_AGREED');
    assert.equal(refused.json().field, 'signedOn');
    assert.match(refused.json().rule, /seed 002 I\.1/);
    assert.equal((await client.get(id, await client.party(region, 'direccte'))).json().signatures.length, 0);
  });

  it('requires a written justification after a reserved opinion (L.4622-10, D.4622-44)', async () => {
    const { region, id, reply } = await ready(['favourable', 'reserved']);
    const token = await client.party(region, 'caisse');
    const refused = await client.sign(id, reply.headers.etag, token, signOn());
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().field, 'justification');
    const signed = await client.sign(id, reply.headers.etag, token, {
      ...signOn(),
      justification: 'Les réserves de l’ARS sont levées par l’action 2',
    });
    assert.equal(signed.statusCode, 201, JSON.stringify(signed.json()));
    assert.equal(
      signed.json().signatures[0].justification,
      'Les réserves de l’ARS sont levées par l’action 2',
    );
  });

  it('takes one signature per party, by a person of that party, and is SIGNED at the third with the SHA-256 of its text (L.4622-10)', async () => {
    const { region, id, reply } = await ready();
    const admin = await client.token({ roles: ['admin'] });
    assert.equal((await client.sign(id, reply.headers.etag, admin, signOn())).statusCode, 403);
    const otherCaisse = await client.token({ roles: ['caisse'], region: '53', org: randomUUID() });
    assert.equal((await client.sign(id, reply.headers.etag, otherCaisse, signOn())).statusCode, 403);

    let etag = reply.headers.etag;
    const first = await client.sign(id, etag, await client.party(region, 'service', 'directrice'), signOn());
    assert.equal(first.statusCode, 201);
    etag = first.headers.etag;
    const twice = await client.sign(id, etag, await client.party(region, 'service', 'president'), signOn());
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, 'CPOM.ALREADY_SIGNED');
    const future = await client.sign(
      id,
      etag,
      await client.party(region, 'caisse'),
      signOn(addDays(client.today(), 1)),
    );
    assert.equal(future.statusCode, 422);
    assert.equal(future.json().field, 'signedOn');
    const second = await client.sign(id, etag, await client.party(region, 'caisse'), signOn());
    const third = await client.sign(
      id,
      second.headers.etag,
      await client.party(region, 'direccte'),
      signOn(),
    );
    assert.equal(third.statusCode, 201, JSON.stringify(third.json()));
    const body = third.json();
    assert.equal(body.status, 'SIGNED');
    assert.equal(body.signedOn, client.today());
    assert.deepEqual(
      body.signatures.map((s: { party: string; signatory: string }) => [s.party, s.signatory]),
      [
        ['service', 'directrice'],
        ['caisse', 'test-caisse'],
        ['direccte', 'test-direccte'],
      ],
    );
    const [version] = body.signedVersions;
    const { periodStart, periodEnd, context, priorities, actions, followUp, annexes } = body;
    assert.equal(
      version.contentHash,
      contentHashOf({ periodStart, periodEnd, context, priorities, actions, followUp, annexes }),
    );
    assert.deepEqual(body.integrity, { verified: true, tamperedVersions: [] });
    const events = await client.eventsOf(id);
    const signed = events.at(-1);
    assert.equal(signed?.type, 'contract.signed');
    assert.equal(signed?.payload.contentHash, version.contentHash);
    assert.equal(signed?.payload.indicators[0].unit, 'entreprises');
  });

  it('finds a signed text changed behind its back on the next read and refuses to act on it (tamper evidence)', async () => {
    const { region, id, reply } = await ready();
    let etag = reply.headers.etag;
    for (const party of ['service', 'caisse', 'direccte'] as const) {
      etag = (await client.sign(id, etag, await client.party(region, party), signOn())).headers.etag;
    }
    await client.dataSource.query(
      `UPDATE cpoms SET state = jsonb_set(state, '{signedVersions,0,content,actions,0,expectedResults}', '"10 entreprises"') WHERE id = $1`,
      [id],
    );
    const read = await client.get(id, await client.party(region, 'service'));
    assert.deepEqual(read.json().integrity, { verified: false, tamperedVersions: [1] });
    const amend = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/amendments`,
      await client.party(region, 'caisse'),
      { summary: 'Avenant' },
      { 'if-match': String(read.headers.etag) },
    );
    assert.equal(amend.statusCode, 409, 'nothing acts on a tampered text');
    assert.equal(amend.json().code, 'CPOM.TAMPERED');
  });

  it('goes back to draft from READY_TO_SIGN, and shows a consultation closed without opinion', async () => {
    const { region, id, reply } = await ready();
    const token = await client.party(region, 'service');
    const withdrawn = await client.request('DELETE', `/api/v1/cpoms/${id}/submission`, token, undefined, {
      'if-match': String(reply.headers.etag),
    });
    assert.equal(withdrawn.json().status, 'DRAFT');
    const consultationId = randomUUID();
    await client.producer.publish(
      'consultation.closed',
      {
        consultationId,
        contractId: id,
        contractVersion: 1,
        serviceId: region.serviceId,
        regions: ['53'],
        bodyId: randomUUID(),
        bodyKind: 'CRPST',
        bodyName: 'CRPST Bretagne',
        consultedOrganisationId: randomUUID(),
        closedOn: client.today(),
        reason: 'submission_withdrawn',
      },
      { aggregateId: consultationId, aggregateVersion: 3, region: '53' },
    );
    await expectEventually(async () => {
      const closed = (await client.get(id, token)).json().closedConsultations;
      assert.deepEqual(
        closed.map((c: { reason: string }) => c.reason),
        ['submission_withdrawn'],
      );
    });
  });

  it('lists by status, theme, region and in force on a date', async () => {
    const { region, id, reply } = await ready();
    let etag = reply.headers.etag;
    for (const party of ['service', 'caisse', 'direccte'] as const) {
      etag = (await client.sign(id, etag, await client.party(region, party), signOn())).headers.etag;
    }
    const national = await client.token({ roles: ['national'] });
    const ids = async (query: string) =>
      (await client.request('GET', `/api/v1/cpoms?serviceId=${region.serviceId}&${query}`, national))
        .json()
        .items.map((c: { id: string }) => c.id);
    assert.deepEqual(await ids('status=SIGNED&theme=tms&region=53'), [id]);
    assert.deepEqual(await ids('theme=rps'), []);
    assert.deepEqual(await ids(`inForceOn=${client.today()}`), [id]);
    assert.deepEqual(await ids(`inForceOn=${addDays(client.today(), -1)}`), []);
    const bad = await client.request('GET', '/api/v1/cpoms?status=LOST', national);
    assert.equal(bad.statusCode, 400);
  });

  it('flags the CPOM in force when the agrément is withdrawn or refused at renewal, telling the parties once (seed 002 I.1)', async () => {
    const { region, id, reply } = await ready();
    await client.signAll(region, id, reply.headers.etag);
    const service = { id: region.serviceId, name: region.serviceName, regions: ['53'] };
    await client.facts.withdrawn(service, region.agreementId, client.today());
    const token = await client.party(region, 'service');
    await expectEventually(async () => {
      const lapse = (await client.get(id, token)).json().agreementLapse;
      assert.deepEqual(lapse, {
        agreementId: region.agreementId,
        reason: 'withdrawn',
        lapsedOn: client.today(),
      });
    });
    // Its expiry afterwards is no new lapse.
    await client.facts.expired(service, region.agreementId, addDays(client.today(), 5 * 365 - 365));
    await expectEventually(async () => {
      const [{ n }] = await client.dataSource.query(
        "SELECT count(*)::int AS n FROM inbox WHERE type = 'agreement.expired'",
      );
      assert.ok(n >= 1);
    });
    const lapses = (await client.eventsOf(id)).filter((e) => e.type === 'contract.agreement_lapsed');
    assert.equal(lapses.length, 1);
    assert.equal(lapses[0].payload.reason, 'withdrawn');
    assert.equal(lapses[0].payload.caisseId, region.caisseId);

    const other = await ready();
    await client.signAll(other.region, other.id, other.reply.headers.etag);
    await client.facts.refusedRenewal(
      { id: other.region.serviceId, name: other.region.serviceName, regions: ['53'] },
      client.today(),
    );
    await expectEventually(async () => {
      const lapse = (await client.get(other.id, await client.party(other.region, 'caisse'))).json()
        .agreementLapse;
      assert.equal(lapse?.reason, 'refused_at_renewal');
    });
  });

  it('prints the signed CPOM in French with its chapters, each party’s commitments and its SHA-256 (issue 11, "The PDF")', async () => {
    const { region, id, reply } = await ready();
    const signed = (await client.signAll(region, id, reply.headers.etag)).json();
    const response = (await client.app.inject({
      method: 'GET',
      url: `/api/v1/cpoms/${id}/document`,
      headers: { authorization: `Bearer ${await client.party(region, 'caisse')}` },
    })) as unknown as { statusCode: number; headers: Record<string, string>; rawPayload: Buffer };
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/pdf');
    const text = await pdfText(response.rawPayload);
    for (const chapter of cpomChapterTitles) assert.ok(text.includes(chapter), chapter);
    for (const commitment of [
      'Réaliser 40 diagnostics ergonomiques par an',
      'Fournir les données de sinistralité',
      'Cibler les entreprises et cofinancer les aides',
    ]) {
      assert.ok(text.includes(commitment), commitment);
    }
    assert.ok(
      text.includes(signed.signedVersions[0].contentHash.slice(0, 32)),
      'the content hash is printed',
    );
    assert.ok(text.includes(region.serviceName));
    const outsider = await client.request(
      'GET',
      `/api/v1/cpoms/${id}/document`,
      await client.token({ roles: ['ars'], region: '11' }),
    );
    assert.equal(outsider.statusCode, 403);
  });
});
