import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, type CalendarDate, daysBetween, lastDayOfYears } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { expectEventually } from '@tripartite/testing';
import { startContracts } from './support/contracts-app';
import { ContractsClient, completeContent, type Region, type Reply } from './support/contracts-client';

// Issue 11, "must show": a CPOM from draft to final evaluation through HTTP calls and events only, and its
// deadlines on a moving clock (annual review, term, expiry; seed 002 II.4, D.4622-47). Time is moved, never
// waited for.
describe('a CPOM from draft to final evaluation, on a moving clock', () => {
  let client: ContractsClient;
  let close: () => Promise<void>;

  before(async () => {
    const started = await startContracts('contracts_lifecycle');
    client = new ContractsClient(started.app, started.config, started.dataSource, started.producer);
    close = started.close;
  });
  after(async () => close?.());

  const types = async (id: string) => (await client.eventsOf(id)).map((e) => e.type);

  /** A signed CPOM from `start` for two years less a day; answers the last reply. */
  async function signed(region: Region, start: CalendarDate): Promise<{ id: string; reply: Reply }> {
    const content = completeContent(start, { periodEnd: lastDayOfYears(start, 2) });
    const drafted = await client.draft(region, content);
    assert.equal(drafted.statusCode, 201, JSON.stringify(drafted.json()));
    const id = drafted.json().id;
    const submitted = await client.submit(id, drafted.headers.etag, await client.party(region, 'service'));
    await client.consult({ id, serviceId: region.serviceId, regions: [region.region] }, 1);
    const ready = await expectEventually(async () => {
      const current = await client.get(id, await client.party(region, 'service'));
      assert.equal(current.json().status, 'READY_TO_SIGN');
      return current;
    });
    assert.equal(submitted.statusCode, 200);
    return { id, reply: await client.signAll(region, id, ready.headers.etag) };
  }

  const reviewBody = (reviewedOn: CalendarDate, indicatorId: string) => ({
    reviewedOn,
    participants: [
      { name: 'Dr Le Gall', party: 'service', function: 'médecin coordonnateur' },
      { name: 'M. Morvan', party: 'direccte' },
      { name: 'Mme Riou', party: 'caisse' },
    ],
    indicators: [{ indicatorId, value: 18, comment: 'En avance sur la cible' }],
    difficulties: 'Recrutement d’un ergonome',
    decisions: 'Étendre l’action aux entrepôts frigorifiques',
  });

  it('goes from draft to evaluation through HTTP calls and events only, with its reminders (seed 002 II.4, D.4622-47)', async () => {
    const region = await client.region('53');
    const start = client.today();
    const { id, reply } = await signed(region, start);
    const body = reply.json();
    assert.equal(body.status, 'SIGNED');
    const firstReview = addMonths(start, 12);
    assert.equal(body.nextReviewDueOn, firstReview);

    // 60 days before the first anniversary: the first review reminder.
    await client.advanceDays(daysBetween(start, addDays(firstReview, -60)));
    await expectEventually(async () => assert.ok((await types(id)).includes('contract.review_due')), {
      timeoutMs: 15_000,
    });

    const token = await client.party(region, 'caisse');
    const current = await client.get(id, token);
    const indicatorId = current.json().actions[0].indicators[0].indicatorId;
    const reviewed = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/annual-reviews`,
      token,
      reviewBody(client.today(), indicatorId),
      { 'if-match': String(current.headers.etag) },
    );
    assert.equal(reviewed.statusCode, 201, JSON.stringify(reviewed.json()));
    // The second anniversary is past the end (two years less a day): the final evaluation takes over.
    assert.equal(reviewed.json().nextReviewDueOn, null);
    assert.equal(reviewed.json().reviews[0].dueOn, firstReview);

    // Past the end: term reminders fired on the way, the CPOM expired by itself.
    const periodEnd = body.periodEnd as CalendarDate;
    await client.advanceDays(daysBetween(client.today(), addDays(periodEnd, 1)));
    await expectEventually(async () => assert.equal((await client.get(id, token)).json().status, 'EXPIRED'), {
      timeoutMs: 15_000,
    });
    const expired = await client.get(id, token);
    const evaluated = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/evaluation`,
      token,
      {
        evaluatedOn: client.today(),
        summary: 'Objectifs atteints à 90 %',
        indicators: [{ indicatorId, value: 36 }],
      },
      { 'if-match': String(expired.headers.etag) },
    );
    assert.equal(evaluated.statusCode, 200, JSON.stringify(evaluated.json()));
    assert.equal(evaluated.json().status, 'EVALUATED');

    const events = await client.eventsOf(id);
    const sequence = events.map((e) => e.type).filter((type, i, all) => all.indexOf(type) === i);
    assert.deepEqual(sequence, [
      'contract.drafted',
      'contract.submitted',
      'contract.ready_to_sign',
      'contract.signed',
      'contract.review_due',
      'contract.review_completed',
      'contract.term_due',
      'contract.expired',
      'contract.evaluated',
    ]);
    // Only the reminders from today on were due: 60 days fired, the 30- and 7-day ones were cancelled by the review.
    assert.deepEqual(
      events.filter((e) => e.type === 'contract.review_due').map((e) => e.payload.daysLeft),
      [60],
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'contract.term_due').map((e) => e.payload.monthsLeft),
      [12, 6, 3],
    );
    assert.equal(events.find((e) => e.type === 'contract.review_completed')?.payload.nextReviewDueOn, null);
    assert.equal(
      events.find((e) => e.type === 'contract.evaluated')?.payload.summary,
      'Objectifs atteints à 90 %',
    );
  });

  it('alerts 15 days after a review not held and lists the CPOM as review overdue (seed 002 II.4)', async () => {
    const region = await client.region('53');
    const { id } = await signed(region, client.today());
    const due = (await client.get(id, await client.party(region, 'service'))).json()
      .nextReviewDueOn as CalendarDate;
    await client.advanceDays(daysBetween(client.today(), addDays(due, 15)));
    await expectEventually(async () => assert.ok((await types(id)).includes('contract.review_overdue')), {
      timeoutMs: 15_000,
    });
    const national = await client.token({ roles: ['national'] });
    const overdue = await client.request(
      'GET',
      `/api/v1/cpoms?reviewOverdue=true&serviceId=${region.serviceId}`,
      national,
    );
    assert.deepEqual(
      overdue.json().items.map((c: { id: string }) => c.id),
      [id],
    );
    const events = await client.eventsOf(id);
    assert.deepEqual(
      events.filter((e) => e.type === 'contract.review_due').map((e) => e.payload.daysLeft),
      [60, 30, 7],
    );
    assert.equal(events.find((e) => e.type === 'contract.review_overdue')?.payload.dueOn, due);
  });

  it('alerts while no final evaluation is recorded three months after the term (seed 002 II.4)', async () => {
    const region = await client.region('53');
    const { id, reply } = await signed(region, client.today());
    const periodEnd = reply.json().periodEnd as CalendarDate;
    await client.advanceDays(daysBetween(client.today(), addMonths(addDays(periodEnd, 1), 3)));
    await expectEventually(
      async () => {
        const events = await client.eventsOf(id);
        assert.ok(events.some((e) => e.type === 'contract.evaluation_overdue'));
      },
      { timeoutMs: 15_000 },
    );
    const events = await client.eventsOf(id);
    const alert = events.find((e) => e.type === 'contract.evaluation_overdue');
    assert.deepEqual(
      { periodEnd: alert?.payload.periodEnd, monthsSinceEnd: alert?.payload.monthsSinceEnd },
      { periodEnd, monthsSinceEnd: 3 },
    );
    assert.deepEqual(
      events.filter((e) => e.type === 'contract.term_due').map((e) => e.payload.monthsLeft),
      [12, 6, 3],
      'a term reminder always counts months before the term',
    );
    assert.equal((await client.get(id, await client.party(region, 'service'))).json().status, 'EXPIRED');
  });

  it('refuses a review without a participant of each party and one naming an unknown indicator (seed 002 II.4)', async () => {
    const region = await client.region('53');
    const { id, reply } = await signed(region, client.today());
    const token = await client.party(region, 'service');
    const indicatorId = reply.json().actions[0].indicators[0].indicatorId;
    const twoParties = reviewBody(client.today(), indicatorId);
    twoParties.participants = twoParties.participants.slice(0, 2);
    const refused = await client.request('POST', `/api/v1/cpoms/${id}/annual-reviews`, token, twoParties, {
      'if-match': String(reply.headers.etag),
    });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().field, 'participants');
    const unknown = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/annual-reviews`,
      token,
      reviewBody(client.today(), '0190b4a4-9999-7000-8000-000000000001'),
      { 'if-match': String(reply.headers.etag) },
    );
    assert.equal(unknown.statusCode, 422);
    assert.equal(unknown.json().field, 'indicators[0].indicatorId');
    const early = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/evaluation`,
      token,
      { evaluatedOn: client.today(), summary: 'Trop tôt' },
      { 'if-match': String(reply.headers.etag) },
    );
    assert.equal(early.statusCode, 409, 'the final evaluation comes at the term');
    const outsider = await client.request(
      'POST',
      `/api/v1/cpoms/${id}/annual-reviews`,
      await client.token({ roles: ['crprp'], region: '53' }),
      reviewBody(client.today(), indicatorId),
      { 'if-match': String(reply.headers.etag) },
    );
    assert.equal(outsider.statusCode, 403);
  });

  it('records an existing CPOM with its real dates: in force, its next review still to come, no past reminder (seed 002 II.4)', async () => {
    const today = client.today();
    const region = await client.region('53', { agreedFrom: addMonths(today, -52) });
    const start = addMonths(today, -20);
    const token = await client.party(region, 'direccte');
    const body = {
      serviceId: region.serviceId,
      direccteId: region.direccteId,
      caisseId: region.caisseId,
      ...completeContent(start, { periodEnd: lastDayOfYears(start, 4) }),
      signedOn: addDays(start, -10),
      reference: 'CPOM-53-2025-04',
    };
    const notAgreed = await client.request('POST', '/api/v1/cpoms/existing', token, {
      ...body,
      ...completeContent(addMonths(today, -59)),
      signedOn: addMonths(today, -60),
    });
    assert.equal(notAgreed.statusCode, 422);
    assert.equal(notAgreed.json().code, 'CPOM.SERVICE_NOT_AGREED');
    const recorded = await client.request('POST', '/api/v1/cpoms/existing', token, body);
    assert.equal(recorded.statusCode, 201, JSON.stringify(recorded.json()));
    const cpom = recorded.json();
    assert.equal(cpom.status, 'SIGNED');
    assert.equal(cpom.nextReviewDueOn, addMonths(start, 24));
    assert.equal(cpom.signatures.length, 3);
    assert.deepEqual(cpom.integrity, { verified: true, tamperedVersions: [] });
    // Recorded, not signed today: nobody is told of a new signature.
    assert.deepEqual(await types(cpom.id), ['contract.recorded']);
    const [event] = await client.eventsOf(cpom.id);
    assert.equal(event.payload.reference, 'CPOM-53-2025-04');
    assert.equal(event.payload.status, 'signed');
    assert.equal(event.payload.signedOn, body.signedOn);
    assert.equal(event.payload.contentHash, cpom.signedVersions[0].contentHash);
    const [{ overdue }] = await client.dataSource.query(
      `SELECT count(*)::int AS overdue FROM deadlines WHERE subject_id = $1 AND status = 'pending' AND due_at <= $2`,
      [cpom.id, client.app.get(Clock).now()],
    );
    assert.equal(overdue, 0, 'nothing due is left to fire');
  });

  it('records an ended CPOM as EXPIRED, with no deadline, then takes its final evaluation (seed 002 II.4)', async () => {
    const today = client.today();
    const region = await client.region('53', { agreedFrom: addMonths(today, -52) });
    const start = addMonths(today, -50);
    const token = await client.party(region, 'service');
    const recorded = await client.request('POST', '/api/v1/cpoms/existing', token, {
      serviceId: region.serviceId,
      direccteId: region.direccteId,
      caisseId: region.caisseId,
      ...completeContent(start, { periodEnd: lastDayOfYears(start, 4) }),
      signedOn: addDays(start, -10),
    });
    assert.equal(recorded.statusCode, 201, JSON.stringify(recorded.json()));
    assert.equal(recorded.json().status, 'EXPIRED');
    const [event] = await client.eventsOf(recorded.json().id);
    assert.deepEqual(
      [event.type, event.payload.status, event.payload.reference],
      ['contract.recorded', 'expired', null],
    );
    const [{ n }] = await client.dataSource.query(
      'SELECT count(*)::int AS n FROM deadlines WHERE subject_id = $1',
      [recorded.json().id],
    );
    assert.equal(n, 0);
    const evaluated = await client.request(
      'POST',
      `/api/v1/cpoms/${recorded.json().id}/evaluation`,
      token,
      { evaluatedOn: today, summary: 'Bilan de la génération précédente' },
      { 'if-match': String(recorded.headers.etag) },
    );
    assert.equal(evaluated.json().status, 'EVALUATED');
  });
});
