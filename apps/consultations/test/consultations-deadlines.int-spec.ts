import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { BRETAGNE, ConsultationsWorld, type RegionSetup, setUpRegion } from './support/consultations-world';

// Issue 12, deadlines: reminders to the consulted body 14 and 3 days before its answer deadline and on the day
// (consultation.answer_due), then the overdue alert (consultation.answer_overdue), each fired once. Time is
// moved by the shared platform clock, never waited for.
describe('answer deadlines on a moving clock', () => {
  let world: ConsultationsWorld;
  let region: RegionSetup;

  before(async () => {
    world = await ConsultationsWorld.start('consultations_deadlines');
    region = await setUpRegion(world);
  });
  after(async () => world?.dispose());

  it('reminds the body 14 and 3 days before and on the day, then alerts once when overdue (domain.md: 30 days by default)', async () => {
    const contractId = randomUUID();
    const serviceId = await world.organisation('SSTI', 'AST Délais');
    await world.publish(
      'contract.submitted',
      {
        contractId,
        serviceId,
        regions: [BRETAGNE],
        caisseId: region.caisseId,
        direccteId: region.direccteId,
        periodStart: '2027-01-01',
        periodEnd: '2031-12-31',
        contentVersion: 1,
        submittedOn: world.today(),
      },
      contractId,
    );
    await expectEventually(async () => assert.equal((await world.consultations(contractId)).length, 2));
    const [ars] = (await world.consultations(contractId)).filter((c) => c.body_kind === 'ARS');
    assert.ok(ars);
    const types = async () => (await world.events(ars.id)).map((e) => e.type);

    await world.advanceDays(17);
    await expectEventually(
      async () => assert.equal((await types()).filter((t) => t === 'consultation.answer_due').length, 1),
      {
        timeoutMs: 15_000,
      },
    );
    await world.advanceDays(14);
    await expectEventually(async () => assert.ok((await types()).includes('consultation.answer_overdue')), {
      timeoutMs: 15_000,
    });
    const overdue = await world.request('GET', '/api/v1/consultations?overdue=true', await world.direccte());
    assert.equal(overdue.statusCode, 200, overdue.body);
    assert.ok(
      overdue.json().items.some((c: { id: string; overdue: boolean }) => c.id === ars.id && c.overdue),
    );

    // Another day passes: nothing fires twice.
    await world.advanceDays(1);
    const deadlines: { status: string }[] = await world.dataSource.query(
      'SELECT status FROM deadlines WHERE subject_id = $1',
      [ars.id],
    );
    assert.ok(deadlines.every((d) => d.status === 'fired'));
    const events = await world.events(ars.id);
    const reminders = events.filter((e) => e.type === 'consultation.answer_due');
    assert.deepEqual(
      reminders.map((r) => r.payload.daysLeft),
      [14, 3, 0],
    );
    assert.equal(events.filter((e) => e.type === 'consultation.answer_overdue').length, 1);
    // The opinion comes late: accepted, and nothing more is due.
    const read = await world.request('GET', `/api/v1/consultations/${ars.id}`, await world.admin());
    const arsToken = await world.token({ roles: ['ars'], region: BRETAGNE, org: region.arsId });
    const late = await world.request(
      'POST',
      `/api/v1/consultations/${ars.id}/opinion`,
      arsToken,
      { outcome: 'favourable', deliveredOn: world.today(), text: 'Avis favorable, rendu hors délai' },
      { 'if-match': String(read.headers.etag) },
    );
    assert.equal(late.statusCode, 200, late.body);
    assert.equal(late.json().overdue, false);
  });
});
