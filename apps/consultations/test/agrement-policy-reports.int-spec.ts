import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { daysBetween } from '@tripartite/calendar';
import { expectEventually } from '@tripartite/testing';
import { BRETAGNE, ConsultationsWorld, type RegionSetup, setUpRegion } from './support/consultations-world';

// Issue 12, seed 002 I.2: the restricted formation (and its successors) is "informés annuellement de la politique
// régionale menée par la DIRECCTE en matière d'agrément": the year's figures projected from agreement.* events,
// a French CSV, the reminder to the DIRECCTE, the presentation on a session.
describe('the yearly information on agrément policy', () => {
  let world: ConsultationsWorld;
  let region: RegionSetup;
  let year: number;

  const LIMITS = { maxEmployeesPerDoctor: 3_300, maxEmployeesPerTeam: null, doctorsPerSector: [] };

  before(async () => {
    world = await ConsultationsWorld.start('consultations_reports');
    region = await setUpRegion(world);
    year = Number(world.today().slice(0, 4));
    const subject = (regions = [BRETAGNE]) => ({
      agreementId: randomUUID(),
      serviceId: randomUUID(),
      serviceName: 'AST',
      regions,
    });
    const grant = (on: string, validUntil: string, conditional = false, regions = [BRETAGNE]) => ({
      ...subject(regions),
      decidedOn: on,
      validFrom: on,
      validUntil,
      conditional,
      complianceCommitment: conditional
        ? { description: 'Conclure un CPOM', dueOn: `${year + 1}-06-30` }
        : null,
      limits: LIMITS,
      derogations: [],
      employeesFollowed: 40_000,
      renewalOf: null,
    });
    const publish = async (type: Parameters<ConsultationsWorld['publish']>[0], payload: unknown) =>
      world.publish(type, payload as never, randomUUID());
    // This year in Bretagne: two plain grants, one conditional, one implicit, one refusal, one withdrawal.
    await publish('agreement.granted', grant(`${year}-02-01`, `${year + 5}-01-31`));
    await publish('agreement.granted', grant(`${year}-03-01`, `${year + 5}-02-28`));
    await publish('agreement.granted', grant(`${year}-04-01`, `${year + 2}-03-31`, true));
    await publish('agreement.implicitly_granted', {
      ...subject(),
      decisionDueOn: `${year}-05-01`,
      validFrom: `${year}-05-01`,
      validUntil: `${year + 5}-04-30`,
      employeesFollowed: null,
      renewalOf: null,
    });
    await publish('agreement.refused', {
      ...subject(),
      decidedOn: `${year}-06-01`,
      reasons: 'Effectifs insuffisants',
    });
    await publish('agreement.withdrawn', {
      ...subject(),
      withdrawnOn: `${year}-07-01`,
      grounds: 'no_cpom',
      text: 'Retrait',
      memberCompaniesToInform: true,
    });
    // Not this year's, or not Bretagne's: an older grant (which expires next year), a grant of Île-de-France.
    await publish('agreement.recorded', {
      ...grant(`${year - 4}-01-15`, `${year + 1}-01-14`),
      status: 'granted',
      reference: 'Arrêté 2022-15',
    });
    await publish('agreement.granted', grant(`${year}-02-01`, `${year + 1}-06-30`, false, ['11']));
    await expectEventually(async () => {
      const [{ n }] = await world.dataSource.query('SELECT count(*)::int AS n FROM agrement_decisions');
      assert.equal(n, 8);
    });
  });
  after(async () => world?.dispose());

  let reportId: string;

  it('projects the year’s figures of the region and gives them as a French CSV and PDF (seed 002 I.2)', async () => {
    const planned = await world.request('POST', '/api/v1/agrement-policy-reports', await world.direccte(), {
      region: BRETAGNE,
      year,
      dueOn: `${year + 1}-03-31`,
    });
    assert.equal(planned.statusCode, 201, planned.body);
    reportId = planned.json().id;
    assert.deepEqual(planned.json().figures, {
      granted: 2,
      conditional: 1,
      implicit: 1,
      refused: 1,
      withdrawn: 1,
      expiringNextYear: 1,
    });
    const csv = await world.request(
      'GET',
      `/api/v1/agrement-policy-reports/${reportId}/figures.csv`,
      await world.token({ roles: ['crprp'], region: BRETAGNE, org: region.secretariatId }),
    );
    assert.equal(csv.statusCode, 200, csv.body);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF'), 'UTF-8 byte-order mark');
    const [headers, values] = csv.body.slice(1).trimEnd().split('\r\n');
    assert.match(
      headers ?? '',
      /^Région;Année;Agréments accordés;Agréments conditionnels;Agréments tacites;Refus;Retraits;/,
    );
    assert.equal(values, `${BRETAGNE};${year};2;1;1;1;1;1`);
    const pdf = await world.request(
      'GET',
      `/api/v1/agrement-policy-reports/${reportId}/figures.pdf`,
      await world.direccte(),
    );
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(String(pdf.headers['content-disposition']), /politique-agrement-53-\d{4}\.pdf/);
    assert.ok(pdf.body.startsWith('%PDF-'), 'a PDF document');
    const otherRegion = await world.request(
      'GET',
      `/api/v1/agrement-policy-reports/${reportId}/figures.pdf`,
      await world.token({ roles: ['crprp'], region: '11', org: randomUUID() }),
    );
    assert.equal(otherRegion.statusCode, 403);
  });

  it('one information per region and year; only the DIRECCTE of the region plans it; services do not read it (seed 002 I.2)', async () => {
    const again = await world.request('POST', '/api/v1/agrement-policy-reports', await world.direccte(), {
      region: BRETAGNE,
      year,
      dueOn: `${year + 1}-03-31`,
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(again.json().code, 'AGREMENT_POLICY_REPORT.ALREADY_EXISTS');
    const otherRegion = await world.request(
      'POST',
      '/api/v1/agrement-policy-reports',
      await world.direccte('11'),
      {
        region: BRETAGNE,
        year: year - 1,
        dueOn: `${year}-03-31`,
      },
    );
    assert.equal(otherRegion.statusCode, 403, otherRegion.body);
    const service = await world.token({ roles: ['sst'], region: BRETAGNE, org: randomUUID() });
    assert.equal(
      (await world.request('GET', `/api/v1/agrement-policy-reports/${reportId}`, service)).statusCode,
      403,
    );
    assert.equal((await world.request('GET', '/api/v1/agrement-policy-reports', service)).json().total, 0);
    const tooLate = await world.request('POST', '/api/v1/agrement-policy-reports', await world.direccte(), {
      region: BRETAGNE,
      year: year - 1,
      dueOn: `${year + 1}-01-15`,
    });
    assert.equal(tooLate.statusCode, 422, tooLate.body);
    assert.equal(tooLate.json().field, 'dueOn');
  });

  it('reminds the DIRECCTE before it is due, then is recorded presented on the body’s session with the figures shown (seed 002 I.2)', async () => {
    const dueOn = `${year + 1}-03-31`;
    await world.advanceDays(daysBetween(world.today(), dueOn) - 29);
    await expectEventually(
      async () => {
        const due = (await world.events(reportId)).filter(
          (e) => e.type === 'consultation.agrement_policy_report_due',
        );
        assert.equal(due.length, 1);
        assert.equal(due[0]?.payload.daysLeft, 30);
      },
      { timeoutMs: 15_000 },
    );
    const url = `/api/v1/agrement-policy-reports/${reportId}`;
    const secretariat = await world.token({ roles: ['crprp'], region: BRETAGNE, org: region.secretariatId });
    const toArs = await world.change('POST', url, `${url}/presentation`, secretariat, {
      bodyId: region.arsBodyId,
      presentedOn: world.today(),
    });
    assert.equal(toArs.statusCode, 422, toArs.body);
    assert.equal(toArs.json().field, 'bodyId');
    const presented = await world.change('POST', url, `${url}/presentation`, secretariat, {
      bodyId: region.crpstId,
      presentedOn: world.today(),
    });
    assert.equal(presented.statusCode, 200, presented.body);
    assert.equal(presented.json().status, 'presented');
    const event = (await world.events(reportId)).find(
      (e) => e.type === 'consultation.agrement_policy_report_presented',
    );
    assert.equal(event?.payload.figures.granted, 2);
    assert.equal(event?.payload.bodyId, region.crpstId);
    const pending = await world.dataSource.query(
      "SELECT 1 FROM deadlines WHERE subject_id = $1 AND status = 'pending'",
      [reportId],
    );
    assert.equal(pending.length, 0);
  });
});
