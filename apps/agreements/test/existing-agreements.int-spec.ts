import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type CalendarDate, lastDayOfYears, shiftBy } from '@tripartite/calendar';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient, LIMITS } from './support/agreements-client';

// Issue 9: a region joins the platform with agréments granted years ago (ADR 0009).
describe('agréments granted before the region joined, recorded as they stand', () => {
  let client: AgreementsClient;
  let close: () => Promise<void>;
  let today: CalendarDate;
  let carsat: string;

  before(async () => {
    const started = await startAgreements('agreements_existing');
    close = started.close;
    client = new AgreementsClient(started.app, started.config, started.dataSource);
    today = await client.today();
    const caisse = await client.request('POST', '/api/v1/organisations', await client.direccte(), {
      type: 'CAISSE',
      name: 'CARSAT Bretagne',
      regions: ['53'],
      caisseKind: 'CARSAT',
    });
    carsat = caisse.json().id;
  });
  after(() => close?.());

  const record = async (body: Record<string, unknown>, token?: string) =>
    client.request('POST', '/api/v1/agreements/existing', token ?? (await client.direccte()), {
      outcome: 'granted',
      limits: LIMITS,
      reference: 'Arrêté DREETS-53-017',
      ...body,
    });

  it('keeps its real dates, with no application, and fires none of the reminders already past (D.4622-50)', async () => {
    const serviceId = await client.registerService('AST Historique');
    // Granted four years and ten months ago: its renewal filing deadline (end − 4 months) is days away or past.
    const validFrom = shiftBy(today, 'P4Y10M', -1);
    const response = await record({ serviceId, decidedOn: shiftBy(validFrom, 'P1M', -1), validFrom });
    assert.equal(response.statusCode, 201, JSON.stringify(response.json()));
    const agreement = response.json();
    assert.equal(agreement.status, 'granted');
    assert.equal(agreement.inForce, true);
    assert.equal(agreement.validUntil, lastDayOfYears(validFrom, 5));
    assert.equal(agreement.filedOn, null, 'no application was filed on the platform');
    assert.deepEqual(agreement.origin, {
      kind: 'existing',
      reference: 'Arrêté DREETS-53-017',
      recordedOn: today,
    });

    const deadlines = (
      await client.request('GET', `/api/v1/agreements/${agreement.id}/deadlines`, await client.direccte())
    ).json().items;
    const reminders = deadlines.filter((d: { kind: string }) => d.kind === 'agreement.renewal_reminder');
    assert.equal(reminders.length, 4, 'the four reminders of the filing deadline are all known');
    for (const reminder of reminders) {
      assert.equal(reminder.status, reminder.dueOn < today ? 'skipped' : 'pending', `${reminder.dueOn}`);
    }
    assert.ok(
      reminders.some((r: { status: string }) => r.status === 'skipped'),
      'some had passed',
    );
    assert.deepEqual(
      deadlines
        .filter((d: { kind: string }) => d.kind === 'agreement.expiry')
        .map((d: { status: string }) => d.status),
      ['pending'],
    );
    // Only the recording is published: no reminder fired in bulk, no decision announced.
    assert.deepEqual(await client.eventTypes(agreement.id), ['agreement.recorded']);
    const [event] = await client.events(agreement.id);
    assert.equal(event.payload.status, 'granted');
    assert.equal(event.payload.validFrom, validFrom);
    // Events name the service's type and competent Caisse, so the CPOM and the e-mails use that Caisse only.
    assert.equal(event.payload.serviceType, 'SSTI');
    assert.equal(event.payload.caisseId, carsat);
    assert.equal(agreement.caisseId, carsat);
  });

  it('is recorded expired when its end has passed, and then plans nothing', async () => {
    const serviceId = await client.registerService('AST Ancienne génération');
    const response = await record({ serviceId, decidedOn: '2013-02-14', validFrom: '2013-03-01' });
    assert.equal(response.statusCode, 201, JSON.stringify(response.json()));
    assert.equal(response.json().status, 'expired');
    assert.equal(response.json().validUntil, '2018-02-28');
    assert.deepEqual(await client.pendingDeadlines(response.json().id), []);
    assert.equal((await client.events(response.json().id))[0]?.payload.status, 'expired');
    // The next generation follows it without overlap; an overlapping one is refused (one in force at a time).
    const next = await record({ serviceId, decidedOn: '2018-02-01', validFrom: '2018-03-01' });
    assert.equal(next.statusCode, 201, JSON.stringify(next.json()));
    const overlapping = await record({ serviceId, decidedOn: '2019-01-01', validFrom: '2019-01-01' });
    assert.equal(overlapping.statusCode, 409);
    assert.equal(overlapping.json().code, 'AGREEMENT.OVERLAP');
  });

  it('is bound by the rules of a decision: five years, conditional at most two against a commitment (D.4622-48, D.4622-51 1°)', async () => {
    const serviceId = await client.registerService('AST Conditionnel');
    const fiveYears = await record({
      serviceId,
      decidedOn: '2024-01-10',
      validFrom: '2024-02-01',
      validUntil: '2030-01-31',
    });
    assert.equal(fiveYears.statusCode, 422);
    assert.equal(fiveYears.json().field, 'validUntil');
    const conditional = await record({
      serviceId,
      outcome: 'conditional',
      decidedOn: '2025-06-01',
      validFrom: '2025-07-01',
    });
    assert.equal(conditional.statusCode, 422);
    assert.equal(conditional.json().code, 'AGREEMENT.COMMITMENT_REQUIRED');
    const future = await record({
      serviceId,
      decidedOn: shiftBy(today, 'P1D', 1),
      validFrom: shiftBy(today, 'P1M', 1),
    });
    assert.equal(future.statusCode, 422);
    assert.equal(future.json().field, 'decidedOn');
    assert.deepEqual(await client.pendingDeadlines(serviceId), []);
  });

  it('is recorded by the DIRECCTE of the service’s region or an admin only (403 otherwise), nothing written', async () => {
    const serviceId = await client.registerService('AST Portée');
    const body = { serviceId, decidedOn: '2023-02-14', validFrom: '2023-03-01' };
    const before = await client.dataSource.query('SELECT count(*)::int AS n FROM agreements');
    for (const token of [
      await client.direccte('93'),
      await client.token({ roles: ['sst'], region: '53', org: serviceId }),
      await client.token({ roles: ['national'] }),
    ]) {
      const refused = await record(body, token);
      assert.equal(refused.statusCode, 403, JSON.stringify(refused.json()));
    }
    assert.deepEqual(await client.dataSource.query('SELECT count(*)::int AS n FROM agreements'), before);
    const byAdmin = await record(body, await client.admin());
    assert.equal(byAdmin.statusCode, 201, JSON.stringify(byAdmin.json()));
  });

  it('refuses a derogation that states none of its conditions (400 naming it: seed 002 I.1)', async () => {
    const serviceId = await client.registerService('AST Dérogation');
    const response = await record({
      serviceId,
      decidedOn: '2023-02-14',
      validFrom: '2023-03-01',
      derogations: [
        {
          subject: 'Visites périodiques',
          periodicityMonths: 36,
          conditions: {
            nurseInterviews: false,
            annualPluridisciplinaryActions: false,
            goodPracticeRecommendations: false,
          },
          text: null,
        },
      ],
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().errors[0].field, 'derogations[0].conditions');
    assert.match(response.json().errors[0].rule, /seed 002 I\.1/);
  });
});
