import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, type CalendarDate, daysBetween, lastDayOfYears } from '@tripartite/calendar';
import { expectEventually, startPrivateRedis } from '@tripartite/testing';
import { Redis } from 'ioredis';
import { startAgreements } from './support/agreements-app';
import { AgreementsClient } from './support/agreements-client';

// Issue 4, deadlines: time is moved by the admin clock API (a test clock), never waited for. This file
// has a Redis server of its own, so that "Redis loses everything" is a real FLUSHALL.
describe('agrément deadlines on a moving clock', () => {
  let client: AgreementsClient;
  let close: () => Promise<void>;
  let redis: { url: string; stop: () => Promise<void> };

  before(async () => {
    redis = await startPrivateRedis();
    const started = await startAgreements('agreements_deadlines', { REDIS_URL: redis.url });
    close = started.close;
    client = new AgreementsClient(started.app, started.config, started.dataSource);
  });
  after(async () => {
    await close?.();
    await redis?.stop();
  });

  const get = async (id: string) =>
    (await client.request('GET', `/api/v1/agreements/${id}`, await client.direccte())).json();

  it('silence four months after the application becomes an implicit agrément by itself, after two warnings (R.4622-52)', async () => {
    const today = await client.today();
    const serviceId = await client.registerService('AST Silence');
    const filed = (await client.file(serviceId, today)).json();
    await client.advanceDays(daysBetween(today, filed.decisionDueOn) + 1);
    await expectEventually(async () => assert.equal((await get(filed.id)).status, 'granted'), {
      timeoutMs: 15_000,
    });
    const agreement = await get(filed.id);
    assert.equal(agreement.decision.outcome, 'implicit');
    assert.equal(agreement.validFrom, filed.decisionDueOn);
    assert.equal(agreement.validUntil, lastDayOfYears(filed.decisionDueOn, 5));
    const events = await client.events(filed.id);
    const warnings = events.filter((e) => e.type === 'agreement.decision_due');
    assert.deepEqual(
      warnings.map((w) => w.payload.daysLeft).sort((a, b) => b - a),
      [30, 7],
    );
    const implicit = events.filter((e) => e.type === 'agreement.implicitly_granted');
    assert.equal(implicit.length, 1);
    assert.equal(implicit[0]?.payload.validUntil, agreement.validUntil);
    // The implicit agrément has its own term now: renewal reminders and expiry.
    const kinds = (await client.pendingDeadlines(filed.id)).map((d) => d.kind);
    assert.ok(kinds.includes('agreement.expiry'));
    // A decision after the implicit agrément is too late.
    const late = await client.post(filed.id, 'inspector-opinion', {
      verdict: 'favourable',
      givenOn: await client.today(),
      text: 'x',
    });
    assert.equal(late.statusCode, 409);
  });

  it('a compliance notice lapses at its deadline; only then may the DIRECCTE withdraw, and the service inform its members (D.4622-51 2°)', async () => {
    const today = await client.today();
    const serviceId = await client.registerService('AST Mise en demeure');
    const agreement = await client.grantedAgreement(serviceId, today);
    const tooFar = await client.post(agreement.id, 'compliance-notices', {
      grounds: 'no_cpom',
      noticeOn: today,
      deadlineOn: addDays(addMonths(today, 6), 1),
      text: 'Conclure un CPOM',
    });
    assert.equal(tooFar.statusCode, 422);
    assert.equal(tooFar.json().field, 'deadlineOn');
    const deadlineOn = addMonths(today, 2);
    const issued = await client.post(agreement.id, 'compliance-notices', {
      grounds: 'no_cpom',
      noticeOn: today,
      deadlineOn,
      text: 'Conclure un CPOM avec la DIRECCTE et la CARSAT',
    });
    assert.equal(issued.statusCode, 201, JSON.stringify(issued.json()));
    const early = await client.post(agreement.id, 'withdrawal', {
      withdrawnOn: today,
      grounds: 'no_cpom',
      text: 'Retrait',
    });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().code, 'AGREEMENT.NO_LAPSED_NOTICE');

    await client.advanceDays(daysBetween(today, deadlineOn) + 1);
    await expectEventually(async () =>
      assert.ok((await client.eventTypes(agreement.id)).includes('agreement.compliance_notice_lapsed')),
    );
    const reminders = (await client.events(agreement.id)).filter(
      (e) => e.type === 'agreement.compliance_notice_due',
    );
    assert.deepEqual(
      reminders.map((r) => r.payload.daysLeft).sort((a, b) => b - a),
      [30, 7],
    );

    const withdrawnOn = await client.today();
    // The withdrawal rests on what the service was put on notice to correct (D.4622-51 2°).
    const otherGrounds = await client.post(agreement.id, 'withdrawal', {
      withdrawnOn,
      grounds: 'staffing_limits',
      text: 'Effectifs dépassés',
    });
    assert.equal(otherGrounds.statusCode, 422);
    assert.equal(otherGrounds.json().code, 'AGREEMENT.GROUNDS_DIFFER_FROM_NOTICE');
    assert.equal(otherGrounds.json().field, 'grounds');
    // A problem names the field as the client sent it: the withdrawal's `withdrawnOn`.
    const onTheDeadline = await client.post(agreement.id, 'withdrawal', {
      withdrawnOn: deadlineOn,
      text: 'Retrait',
    });
    assert.equal(onTheDeadline.statusCode, 422);
    assert.equal(onTheDeadline.json().field, 'withdrawnOn');
    const withdrawn = await client.post(agreement.id, 'withdrawal', {
      withdrawnOn,
      grounds: 'no_cpom',
      text: 'Aucun CPOM conclu',
    });
    assert.equal(withdrawn.statusCode, 200, JSON.stringify(withdrawn.json()));
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal(withdrawn.json().validUntil, addDays(withdrawnOn, -1));
    assert.equal(withdrawn.json().memberInformation.doneOn, null);
    const event = (await client.events(agreement.id)).find((e) => e.type === 'agreement.withdrawn');
    assert.equal(event?.payload.memberCompaniesToInform, true);
    assert.deepEqual(
      await client.pendingDeadlines(agreement.id),
      [],
      'withdrawing cancels every pending deadline',
    );

    const otherDirector = await client.token({
      roles: ['sst'],
      region: '53',
      org: '0190b4a4-0000-7000-8000-000000000001',
    });
    const body = { informedOn: withdrawnOn, text: 'Courrier à chaque adhérent' };
    assert.equal(
      (await client.post(agreement.id, 'member-information', body, otherDirector)).statusCode,
      403,
    );
    const director = await client.token({ roles: ['sst'], region: '53', org: serviceId });
    const informed = await client.post(agreement.id, 'member-information', body, director);
    assert.equal(informed.statusCode, 200, JSON.stringify(informed.json()));
    assert.equal(informed.json().memberInformation.doneOn, withdrawnOn);
  });

  it('a notice met in time leaves nothing to lapse; shortening after a lapsed one moves the term deadlines (D.4622-51 2°)', async () => {
    const today = await client.today();
    const serviceId = await client.registerService('AST Réduction');
    const agreement = await client.grantedAgreement(serviceId, today);
    const first = await client.post(agreement.id, 'compliance-notices', {
      grounds: 'staffing_limits',
      noticeOn: today,
      deadlineOn: addMonths(today, 1),
      text: 'Effectifs',
    });
    const noticeId = first.json().notices[0].id;
    const met = await client.post(agreement.id, `compliance-notices/${noticeId}/compliance`, {
      metOn: today,
    });
    assert.equal(met.statusCode, 200, JSON.stringify(met.json()));
    assert.deepEqual(
      (await client.pendingDeadlines(agreement.id))
        .map((d) => d.kind)
        .filter((k) => k.startsWith('agreement.notice')),
      [],
    );

    const second = await client.post(agreement.id, 'compliance-notices', {
      grounds: 'no_cpom',
      noticeOn: today,
      deadlineOn: addMonths(today, 1),
      text: 'CPOM',
    });
    assert.equal(second.statusCode, 201);
    await client.advanceDays(daysBetween(today, addMonths(today, 1)) + 1);
    await expectEventually(async () =>
      assert.ok((await client.eventTypes(agreement.id)).includes('agreement.compliance_notice_lapsed')),
    );
    const decidedOn = await client.today();
    const newEnd = addMonths(decidedOn, 6);
    const shortened = await client.post(agreement.id, 'shortening', {
      decidedOn,
      validUntil: newEnd,
      grounds: 'no_cpom',
      text: 'Réduction à six mois',
    });
    assert.equal(shortened.statusCode, 200, JSON.stringify(shortened.json()));
    assert.equal(shortened.json().validUntil, newEnd);
    const [{ due }] = await client.dataSource.query(
      "SELECT payload->>'validUntil' AS due FROM deadlines WHERE subject_id = $1 AND status = 'pending' AND kind = 'agreement.expiry'",
      [agreement.id],
    );
    assert.equal(due, newEnd, 'the expiry moved to the new end');
  });

  it('a renewal reminder fires once after Redis loses everything; the end expires the agrément by itself (D.4622-50)', async () => {
    const today = await client.today();
    const serviceId = await client.registerService('AST Renouvellement');
    const agreement = await client.grantedAgreement(serviceId, today);
    const filingDeadline: CalendarDate = agreement.renewalFilingDeadline;
    assert.equal(filingDeadline, addMonths(addDays(agreement.validUntil, 1), -4));

    const wiper = new Redis(redis.url);
    try {
      assert.equal(await wiper.flushall(), 'OK');
    } finally {
      wiper.disconnect();
    }
    // Past the six-month reminder, not yet at the three-month one.
    await client.advanceDays(daysBetween(today, addMonths(filingDeadline, -6)) + 1);
    await expectEventually(
      async () => {
        const reminders = (await client.events(agreement.id)).filter(
          (e) => e.type === 'agreement.renewal_due',
        );
        assert.deepEqual(
          reminders.map((r) => r.payload.reminder),
          ['P6M'],
        );
        assert.equal(reminders[0]?.payload.filingDeadline, filingDeadline);
      },
      { timeoutMs: 15_000 },
    );
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const reminders = (await client.events(agreement.id)).filter((e) => e.type === 'agreement.renewal_due');
    assert.equal(reminders.length, 1, 'fired once, not once per timer');

    await client.advanceDays(daysBetween(await client.today(), agreement.validUntil) + 1);
    await expectEventually(async () => assert.equal((await get(agreement.id)).status, 'expired'), {
      timeoutMs: 15_000,
    });
    const types = await client.eventTypes(agreement.id);
    assert.deepEqual(
      types.filter((t) => t === 'agreement.renewal_due' || t === 'agreement.expired'),
      [
        'agreement.renewal_due',
        'agreement.renewal_due',
        'agreement.renewal_due',
        'agreement.renewal_due',
        'agreement.expired',
      ],
    );
  });
});
