import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { addDays } from '@tripartite/calendar';
import { expectEventually } from '@tripartite/testing';
import { BRETAGNE, ConsultationsWorld, type Json } from './support/consultations-world';

// Issue 12: bodies as data with a validity, each region's consultation plan (the plan in force on the submission
// date applies), the CROCT's adoption step, and a submission waiting (parked) while no plan is in force.
describe('consulted bodies and consultation plans', () => {
  let world: ConsultationsWorld;
  let ids: { secretariat: string; ars: string; direccte: string; caisse: string };
  const bodies: Record<string, string> = {};

  before(async () => {
    world = await ConsultationsWorld.start('consultations_plans');
    ids = {
      secretariat: await world.organisation('CRPRP', 'Secrétariat du CROCT de Bretagne'),
      ars: await world.organisation('ARS', 'ARS Bretagne'),
      direccte: await world.organisation('DIRECCTE', 'DREETS Bretagne'),
      caisse: await world.organisation('CAISSE', 'CARSAT Bretagne'),
    };
  });
  after(async () => world?.dispose());

  const createBody = async (payload: Json, token?: string) =>
    world.request('POST', '/api/v1/bodies', token ?? (await world.direccte()), {
      region: BRETAGNE,
      ...payload,
    });
  const createPlan = async (payload: Json, token?: string) =>
    world.request('POST', '/api/v1/consultation-plans', token ?? (await world.direccte()), {
      region: BRETAGNE,
      ...payload,
    });

  /** A CPOM submitted on `submittedOn`; answers its id and service. */
  async function submit(submittedOn: string, contractId = randomUUID()) {
    const serviceId = await world.organisation('SSTI', `AST ${contractId.slice(0, 6)}`);
    const event = await world.publish(
      'contract.submitted',
      {
        contractId,
        serviceId,
        regions: [BRETAGNE],
        caisseId: ids.caisse,
        direccteId: ids.direccte,
        periodStart: '2027-01-01',
        periodEnd: '2031-12-31',
        contentVersion: 1,
        submittedOn,
      },
      contractId,
    );
    return { contractId, serviceId, eventId: event.id };
  }

  it('records bodies within their kind’s years, answered by a CRPRP secretariat or the ARS of their region (domain.md)', async () => {
    const tooEarly = await createBody({
      kind: 'CRPST',
      name: 'CRPST',
      organisationId: ids.secretariat,
      validFrom: '2019-01-01',
    });
    assert.equal(tooEarly.statusCode, 422, tooEarly.body);
    assert.equal(tooEarly.json().field, 'validFrom');
    const wrongOrganisation = await createBody({
      kind: 'ARS',
      name: 'ARS',
      organisationId: ids.secretariat,
      validFrom: '2022-01-01',
    });
    assert.equal(wrongOrganisation.statusCode, 422);
    assert.equal(wrongOrganisation.json().field, 'organisationId');
    const otherRegion = await createBody(
      { kind: 'CRPST', name: 'CRPST', organisationId: ids.secretariat, validFrom: '2022-04-01' },
      await world.direccte('11'),
    );
    assert.equal(otherRegion.statusCode, 403);
    const bySecretariat = await createBody(
      { kind: 'CRPST', name: 'CRPST', organisationId: ids.secretariat, validFrom: '2022-04-01' },
      await world.token({ roles: ['crprp'], region: BRETAGNE, org: ids.secretariat }),
    );
    assert.equal(bySecretariat.statusCode, 403, 'the DIRECCTE sets bodies up');
    const created = {
      gpro: await createBody({
        kind: 'GPRO',
        name: 'GPRO de Bretagne',
        organisationId: ids.secretariat,
        validFrom: '2017-01-01',
        validUntil: '2022-03-31',
      }),
      crpst: await createBody({
        kind: 'CRPST',
        name: 'CRPST de Bretagne',
        organisationId: ids.secretariat,
        validFrom: '2022-04-01',
      }),
      croct: await createBody({
        kind: 'CROCT',
        name: 'CROCT de Bretagne',
        organisationId: ids.secretariat,
        validFrom: '2017-01-01',
      }),
      ars: await createBody({
        kind: 'ARS',
        name: 'ARS Bretagne',
        organisationId: ids.ars,
        validFrom: '2010-04-01',
      }),
    };
    for (const [key, reply] of Object.entries(created)) {
      assert.equal(reply.statusCode, 201, reply.body);
      bodies[key] = reply.json().id;
    }
    const inForce = (
      await world.request('GET', `/api/v1/bodies?region=${BRETAGNE}&on=2020-06-01`, await world.admin())
    ).json();
    assert.deepEqual(inForce.items.map((b: Json) => b.kind).sort(), ['ARS', 'CROCT', 'GPRO']);
  });

  let early: { contractId: string; eventId: string };

  it('parks a submission while no plan is in force, and refuses a plan without the ARS (L.4622-10)', async () => {
    early = await submit('2019-05-01');
    await expectEventually(
      async () => {
        const parked: { reason: string }[] = await world.dataSource.query(
          'SELECT reason FROM parked_messages WHERE event_id = $1',
          [early.eventId],
        );
        assert.equal(parked.length, 1);
        assert.match(parked[0]?.reason ?? '', /No consultation plan of region 53 is in force on 2019-05-01/);
      },
      { timeoutMs: 30_000 },
    );
    assert.equal((await world.consultations(early.contractId)).length, 0);
    const withoutArs = await createPlan({ validFrom: '2017-01-01', entries: [{ bodyId: bodies.gpro }] });
    assert.equal(withoutArs.statusCode, 422, withoutArs.body);
    assert.match(withoutArs.json().rule, /L.4622-10/);
  });

  it('applies the plan in force on the submission date; a new plan ends the previous one (issue 12)', async () => {
    const gproPlan = await createPlan({
      validFrom: '2017-01-01',
      entries: [{ bodyId: bodies.gpro }, { bodyId: bodies.ars }],
    });
    assert.equal(gproPlan.statusCode, 201, gproPlan.body);
    const crpstPlan = await createPlan({
      validFrom: '2022-04-01',
      entries: [{ bodyId: bodies.crpst }, { bodyId: bodies.ars }, { bodyId: bodies.croct, step: 'adoption' }],
    });
    assert.equal(crpstPlan.statusCode, 201, crpstPlan.body);
    const ended = (
      await world.request('GET', `/api/v1/consultation-plans/${gproPlan.json().id}`, await world.admin())
    ).json();
    assert.equal(ended.validUntil, '2022-03-31');
    const before = await createPlan({
      validFrom: '2020-01-01',
      entries: [{ bodyId: bodies.gpro }, { bodyId: bodies.ars }],
    });
    assert.equal(before.statusCode, 409, before.body);
    assert.equal(before.json().code, 'CONSULTATION_PLAN.OVERLAP');

    // The submission parked while no plan was in force is put back on the queue: the plan of its date applies.
    const replay = await world.request(
      'POST',
      '/api/v1/admin/consultations/parked-messages/replay',
      await world.admin(),
      {
        all: true,
      },
    );
    assert.equal(replay.statusCode, 200, replay.body);
    await expectEventually(async () =>
      assert.deepEqual(
        (await world.consultations(early.contractId)).map((c) => c.body_kind),
        ['ARS', 'GPRO'],
      ),
    );
    const old = await submit('2021-06-01');
    const recent = await submit(world.today());
    await expectEventually(async () => {
      assert.deepEqual(
        (await world.consultations(old.contractId)).map((c) => c.body_kind),
        ['ARS', 'GPRO'],
      );
      assert.deepEqual(
        (await world.consultations(recent.contractId)).map((c) => c.body_kind),
        ['ARS', 'CROCT', 'CRPST'],
      );
    });
  });

  it('the CROCT adopts once the CRPST has given its opinion; completion waits for the adoption (domain.md)', async () => {
    const cpom = await submit(addDays(world.today(), -1));
    await expectEventually(async () => assert.equal((await world.consultations(cpom.contractId)).length, 3));
    const of = async (kind: string) =>
      (await world.consultations(cpom.contractId)).find((c) => c.body_kind === kind)?.id as string;
    const secretariat = await world.token({ roles: ['crprp'], region: BRETAGNE, org: ids.secretariat });
    const arsToken = await world.token({ roles: ['ars'], region: BRETAGNE, org: ids.ars });
    const url = (id: string) => `/api/v1/consultations/${id}`;
    const today = world.today();
    const croct = await of('CROCT');
    assert.equal(
      (await world.change('POST', url(croct), `${url(croct)}/session`, secretariat, { sessionOn: today }))
        .statusCode,
      200,
    );
    const opinionOf = (sat: string[]) => ({
      outcome: 'favourable',
      deliveredOn: today,
      text: 'Avis favorable',
      sat,
      votes: { for: sat.length, against: 0, abstentions: 0 },
    });
    // The CRPST has no members recorded in this file: the secretariat adds one to sit.
    const bodyUrl = (id: string) => `/api/v1/bodies/${id}`;
    const member = async (bodyId: string) => {
      const added = await world.change('POST', bodyUrl(bodyId), `${bodyUrl(bodyId)}/members`, secretariat, {
        name: `Membre ${bodyId.slice(-4)}`,
        college: 'state',
        email: 'membre@example.org',
        mandateFrom: '2022-04-01',
      });
      assert.equal(added.statusCode, 201, added.body);
      return added.json().id as string;
    };
    const croctMember = await member(bodies.croct as string);
    const tooEarly = await world.change(
      'POST',
      url(croct),
      `${url(croct)}/opinion`,
      secretariat,
      opinionOf([croctMember]),
    );
    assert.equal(tooEarly.statusCode, 409, tooEarly.body);
    assert.equal(tooEarly.json().code, 'CONSULTATION.ADOPTION_BEFORE_OPINION');

    const crpst = await of('CRPST');
    const crpstMember = await member(bodies.crpst as string);
    assert.equal(
      (await world.change('POST', url(crpst), `${url(crpst)}/session`, secretariat, { sessionOn: today }))
        .statusCode,
      200,
    );
    assert.equal(
      (await world.change('POST', url(crpst), `${url(crpst)}/opinion`, secretariat, opinionOf([crpstMember])))
        .statusCode,
      200,
    );
    const ars = await of('ARS');
    const arsOpinion = await world.change('POST', url(ars), `${url(ars)}/opinion`, arsToken, {
      outcome: 'favourable',
      deliveredOn: today,
      text: 'Avis favorable',
    });
    assert.equal(arsOpinion.statusCode, 200, arsOpinion.body);
    assert.equal((await world.events(cpom.contractId)).length, 0, 'the adoption is still to come');
    const adopted = await world.change(
      'POST',
      url(croct),
      `${url(croct)}/opinion`,
      secretariat,
      opinionOf([croctMember]),
    );
    assert.equal(adopted.statusCode, 200, adopted.body);
    const completed = (await world.events(cpom.contractId)).filter(
      (e) => e.type === 'consultation.completed',
    );
    assert.equal(completed.length, 1);
    assert.equal(completed[0]?.payload.opinions.length, 3);
  });
});
