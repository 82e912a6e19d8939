import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addDays } from '@tripartite/calendar';
import { expectEventually } from '@tripartite/testing';
import {
  BRETAGNE,
  ConsultationsWorld,
  type Json,
  type RegionSetup,
  setUpRegion,
} from './support/consultations-world';

// Issue 12: the consultations opened from a submitted CPOM (L.4622-10), the recusal of D.4622-44, the completion
// read from the outbox, a new version closing the old consultations, and who may act and read.
describe('consultations on a submitted CPOM', () => {
  let world: ConsultationsWorld;
  let region: RegionSetup;
  let members: { linked: string; other: string; third: string };

  before(async () => {
    world = await ConsultationsWorld.start('consultations_api');
    region = await setUpRegion(world);
    const secretariat = await world.token({ roles: ['crprp'], region: BRETAGNE, org: region.secretariatId });
    const add = async (name: string, college: string, interests: Json[] = []) => {
      const bodyUrl = `/api/v1/bodies/${region.crpstId}`;
      const added = await world.change('POST', bodyUrl, `${bodyUrl}/members`, secretariat, {
        name,
        college,
        email: `${name.split(' ')[0]?.toLowerCase()}@example.org`,
        mandateFrom: '2024-01-01',
        interests,
      });
      assert.equal(added.statusCode, 201, added.body);
      return added.json().id as string;
    };
    members = {
      linked: await add('Claire Employeur', 'employers'),
      other: await add('Paul Salarié', 'employees'),
      third: await add('Anne État', 'state'),
    };
  });
  after(async () => world?.dispose());

  /** A service of the region and a CPOM submitted for it; answers the CPOM's ids and its consultations. */
  async function submitted(name: string, contentVersion = 1, contractId = randomUUID(), serviceId?: string) {
    const service = serviceId ?? (await world.organisation('SSTI', name));
    await world.publish(
      'contract.submitted',
      {
        contractId,
        serviceId: service,
        regions: [BRETAGNE],
        caisseId: region.caisseId,
        direccteId: region.direccteId,
        periodStart: '2027-01-01',
        periodEnd: '2031-12-31',
        contentVersion,
        submittedOn: world.today(),
      },
      contractId,
      contentVersion,
    );
    await expectEventually(async () => {
      const opened = (await world.consultations(contractId)).filter(
        (c) => c.contract_version === contentVersion,
      );
      assert.equal(opened.length, 2);
    });
    const rows = await world.consultations(contractId);
    const of = (kind: string) =>
      rows.find((r) => r.contract_version === contentVersion && r.body_kind === kind)?.id as string;
    return { contractId, serviceId: service, crpst: of('CRPST'), ars: of('ARS') };
  }

  const url = (id: string, action = '') => `/api/v1/consultations/${id}${action ? `/${action}` : ''}`;
  const act = async (id: string, action: string, token: string, payload: unknown) =>
    world.change('POST', url(id), url(id, action), token, payload);
  const secretariat = () => world.token({ roles: ['crprp'], region: BRETAGNE, org: region.secretariatId });
  const ars = () => world.token({ roles: ['ars'], region: BRETAGNE, org: region.arsId });

  it('opens one consultation per body of the plan in force, with its answer deadline and reminders (L.4622-10, seed 002 II.3)', async () => {
    const cpom = await submitted('AST Ouverture');
    const read = await world.request('GET', url(cpom.crpst), await world.direccte());
    assert.equal(read.statusCode, 200, read.body);
    const consultation = read.json();
    assert.equal(consultation.status, 'pending');
    assert.equal(consultation.bodyKind, 'CRPST');
    assert.equal(consultation.contractVersion, 1);
    assert.equal(consultation.answerDueOn, addDays(world.today(), 30));
    const requested = (await world.events(cpom.ars)).filter((e) => e.type === 'consultation.requested');
    assert.equal(requested.length, 1);
    assert.equal(requested[0]?.payload.consultedOrganisationId, region.arsId);
    const deadlines: { kind: string }[] = await world.dataSource.query(
      "SELECT kind FROM deadlines WHERE subject_id = $1 AND status = 'pending'",
      [cpom.crpst],
    );
    assert.equal(deadlines.filter((d) => d.kind === 'consultation.answer_reminder').length, 3);
    assert.equal(deadlines.filter((d) => d.kind === 'consultation.answer_overdue').length, 1);
  });

  it('lists the recused member at the session and refuses an opinion where they sat, naming the member and the link (D.4622-44)', async () => {
    const cpom = await submitted('AST Déport');
    // Claire sits on the board of the service whose CPOM is examined: her declaration is brought up to date.
    const memberUrl = `/api/v1/bodies/${region.crpstId}/members/${members.linked}`;
    const declared = await world.change('PATCH', memberUrl, memberUrl, await secretariat(), {
      interests: [{ organisationId: cpom.serviceId, link: 'board_seat', from: '2025-01-01' }],
    });
    assert.equal(declared.statusCode, 200, declared.body);
    const today = world.today();
    const session = await act(cpom.crpst, 'session', await secretariat(), { sessionOn: today });
    assert.equal(session.statusCode, 200, session.body);
    assert.deepEqual(
      session.json().session.recused.map((r: Json) => r.memberId),
      [members.linked],
    );
    assert.match(session.json().session.recused[0].link, /conseil d’administration de AST Déport/);
    const scheduled = (await world.events(cpom.crpst)).find(
      (e) => e.type === 'consultation.session_scheduled',
    );
    assert.equal(scheduled?.payload.recusedMembers[0].memberId, members.linked);

    const opinion = {
      outcome: 'favourable',
      deliveredOn: today,
      text: 'Avis favorable de la formation',
      sat: [members.other, members.linked, members.third],
      votes: { for: 2, against: 0, abstentions: 0 },
    };
    const refused = await act(cpom.crpst, 'opinion', await secretariat(), opinion);
    assert.equal(refused.statusCode, 422, refused.body);
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    assert.equal(refused.json().code, 'CONSULTATION.RECUSED_MEMBER_SAT');
    assert.equal(refused.json().field, 'sat[1]');
    assert.match(refused.json().rule, /D\. ?4622-44/);
    assert.match(refused.json().detail, /Claire Employeur/);
    const unchanged = (await world.request('GET', url(cpom.crpst), await world.admin())).json();
    assert.equal(unchanged.status, 'pending');
    assert.equal(
      (await world.events(cpom.crpst)).filter((e) => e.type === 'consultation.opinion_delivered').length,
      0,
    );

    // An override needs a written justification; it is audited, and the recused member counts for nothing.
    const overridden = await act(cpom.crpst, 'opinion', await secretariat(), {
      ...opinion,
      recusalOverride: { justification: 'Membre présent pour la seule lecture du rapport, sans vote.' },
    });
    assert.equal(overridden.statusCode, 200, overridden.body);
    const stored = overridden.json().opinion;
    assert.deepEqual(
      stored.attending.map((a: Json) => a.memberId).sort(),
      [members.other, members.third].sort(),
    );
    assert.equal(stored.override.members[0].memberId, members.linked);
    const history = await world.request('GET', `${url(cpom.crpst)}/history`, await world.admin());
    assert.equal(history.statusCode, 200, history.body);
    assert.match(JSON.stringify(history.json()), /sans vote/);
  });

  it('publishes consultation.completed with the opinions once every opinion of the plan is in (D.4622-44)', async () => {
    const cpom = await submitted('AST Complète');
    const today = world.today();
    const arsOpinion = await act(cpom.ars, 'opinion', await ars(), {
      outcome: 'reserved',
      deliveredOn: today,
      text: 'Réserves sur le volet santé publique',
    });
    assert.equal(arsOpinion.statusCode, 200, arsOpinion.body);
    assert.equal((await world.events(cpom.contractId)).length, 0, 'one opinion of two: not complete');
    assert.equal(
      (await act(cpom.crpst, 'session', await secretariat(), { sessionOn: today })).statusCode,
      200,
    );
    const crpstOpinion = await act(cpom.crpst, 'opinion', await secretariat(), {
      outcome: 'favourable',
      deliveredOn: today,
      text: 'Avis favorable',
      sat: [members.other, members.third],
      votes: { for: 1, against: 0, abstentions: 1 },
    });
    assert.equal(crpstOpinion.statusCode, 200, crpstOpinion.body);
    const completed = (await world.events(cpom.contractId)).filter(
      (e) => e.type === 'consultation.completed',
    );
    assert.equal(completed.length, 1);
    assert.equal(completed[0]?.payload.contractVersion, 1);
    assert.deepEqual(completed[0]?.payload.opinions.map((o: Json) => [o.bodyKind, o.outcome]).sort(), [
      ['ARS', 'reserved'],
      ['CRPST', 'favourable'],
    ]);
    // The reminders are cancelled once the opinion is in.
    const pending = await world.dataSource.query(
      "SELECT 1 FROM deadlines WHERE subject_id = ANY($1::text[]) AND status = 'pending'",
      [[cpom.crpst, cpom.ars]],
    );
    assert.equal(pending.length, 0);
    const again = await act(cpom.ars, 'opinion', await ars(), {
      outcome: 'favourable',
      deliveredOn: today,
      text: 'x',
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'CONSULTATION.NOT_PENDING');
  });

  it('a new version closes the pending consultations of the old one, a withdrawal those of its version (issue 12)', async () => {
    const v1 = await submitted('AST Versions');
    const v2 = await submitted('AST Versions', 2, v1.contractId, v1.serviceId);
    const rows = await world.consultations(v1.contractId);
    assert.deepEqual(
      rows.map((r) => [r.contract_version, r.status]),
      [
        [1, 'closed'],
        [1, 'closed'],
        [2, 'pending'],
        [2, 'pending'],
      ],
    );
    const closed = (await world.events(v1.crpst)).find((e) => e.type === 'consultation.closed');
    assert.equal(closed?.payload.reason, 'superseded');
    const cancelled = await world.dataSource.query(
      "SELECT 1 FROM deadlines WHERE subject_id = $1 AND status = 'pending'",
      [v1.crpst],
    );
    assert.equal(cancelled.length, 0);
    // A late copy of version 1 changes nothing.
    await world.publish(
      'contract.submission_withdrawn',
      {
        contractId: v1.contractId,
        serviceId: v1.serviceId,
        regions: [BRETAGNE],
        caisseId: region.caisseId,
        direccteId: region.direccteId,
        contentVersion: 2,
        withdrawnOn: world.today(),
        reason: 'Révision du programme d’actions',
      },
      v1.contractId,
      3,
    );
    await expectEventually(async () => {
      const statuses = (await world.consultations(v1.contractId)).map((r) => r.status);
      assert.deepEqual(statuses, ['closed', 'closed', 'closed', 'closed']);
    });
    const withdrawn = (await world.events(v2.ars)).find((e) => e.type === 'consultation.closed');
    assert.equal(withdrawn?.payload.reason, 'submission_withdrawn');
    const late = await act(v2.ars, 'opinion', await ars(), {
      outcome: 'favourable',
      deliveredOn: world.today(),
      text: 'x',
    });
    assert.equal(late.statusCode, 409);
    // The same version submitted again after its withdrawal: its bodies are asked again.
    await world.publish(
      'contract.submitted',
      {
        contractId: v1.contractId,
        serviceId: v1.serviceId,
        regions: [BRETAGNE],
        caisseId: region.caisseId,
        direccteId: region.direccteId,
        periodStart: '2027-01-01',
        periodEnd: '2031-12-31',
        contentVersion: 2,
        submittedOn: world.today(),
      },
      v1.contractId,
      4,
    );
    await expectEventually(async () => {
      const again = (await world.consultations(v1.contractId)).filter((c) => c.contract_version === 2);
      assert.deepEqual(again.map((c) => c.status).sort(), ['closed', 'closed', 'pending', 'pending']);
    });
  });

  it('only the body’s secretariat, the DIRECCTE of the region or the ARS for its own act; parties read theirs (issue 12)', async () => {
    const cpom = await submitted('AST Portée');
    const session = { sessionOn: world.today() };
    const otherSecretariat = await world.token({ roles: ['crprp'], region: BRETAGNE, org: randomUUID() });
    const otherRegion = await world.direccte('11');
    for (const [token, id] of [
      [await ars(), cpom.crpst],
      [otherSecretariat, cpom.crpst],
      [otherRegion, cpom.crpst],
      [await world.direccte(), cpom.ars],
      [await world.token({ roles: ['national'] }), cpom.crpst],
    ] as const) {
      const denied = await act(
        id,
        id === cpom.ars ? 'opinion' : 'session',
        token,
        id === cpom.ars ? { outcome: 'favourable', deliveredOn: world.today(), text: 'x' } : session,
      );
      assert.equal(denied.statusCode, 403, denied.body);
    }
    const service = await world.token({ roles: ['sst'], region: BRETAGNE, org: cpom.serviceId });
    const otherService = await world.token({ roles: ['sst'], region: BRETAGNE, org: randomUUID() });
    assert.equal((await world.request('GET', url(cpom.crpst), service)).statusCode, 200);
    assert.equal((await world.request('GET', url(cpom.crpst), otherService)).statusCode, 403);
    assert.equal(
      (await act(cpom.crpst, 'session', service, session)).statusCode,
      403,
      'a party reads, it does not act',
    );
    const own = (await world.request('GET', '/api/v1/consultations?pageSize=200', service)).json();
    assert.ok(own.items.length === 2 && own.items.every((c: Json) => c.serviceId === cpom.serviceId));
    const none = (await world.request('GET', '/api/v1/consultations', otherService)).json();
    assert.equal(none.total, 0);
    const arsList = (await world.request('GET', '/api/v1/consultations?pageSize=200', await ars())).json();
    assert.ok(arsList.items.length > 0 && arsList.items.every((c: Json) => c.bodyKind === 'ARS'));
    const national = await world.token({ roles: ['national'] });
    const filtered = (
      await world.request(
        'GET',
        `/api/v1/consultations?contractId=${cpom.contractId}&status=pending`,
        national,
      )
    ).json();
    assert.equal(filtered.total, 2);
    // Every change names the version it applies to.
    const noIfMatch = await world.request('POST', url(cpom.crpst, 'session'), await secretariat(), session);
    assert.equal(noIfMatch.statusCode, 428);
    const stale = await world.request('POST', url(cpom.crpst, 'session'), await secretariat(), session, {
      'if-match': '"0"',
    });
    assert.equal(stale.statusCode, 412);
  });

  it('refuses a member list to a caller who is neither the secretariat nor the DIRECCTE of the region (D.4622-44 declarations)', async () => {
    const membersUrl = `/api/v1/bodies/${region.crpstId}/members`;
    assert.equal((await world.request('GET', membersUrl, await secretariat())).statusCode, 200);
    assert.equal((await world.request('GET', membersUrl, await world.direccte('11'))).statusCode, 403);
    assert.equal(
      (
        await world.request(
          'GET',
          membersUrl,
          await world.token({ roles: ['sst'], region: BRETAGNE, org: randomUUID() }),
        )
      ).statusCode,
      403,
    );
    const bad = await world.change(
      'POST',
      `/api/v1/bodies/${region.crpstId}`,
      membersUrl,
      await secretariat(),
      {
        name: 'Dates inversées',
        college: 'state',
        email: 'x@example.org',
        mandateFrom: '2026-01-01',
        mandateUntil: '2025-01-01',
      },
    );
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().field, 'mandateUntil');
    // A member joins the body: a change of the body, which names the version it applies to.
    const noIfMatch = await world.request('POST', membersUrl, await secretariat(), {
      name: 'Sans version',
      college: 'state',
      email: 'y@example.org',
      mandateFrom: '2026-01-01',
    });
    assert.equal(noIfMatch.statusCode, 428);
  });
});
