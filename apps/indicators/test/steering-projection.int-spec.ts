import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { type StartedIndicators, startIndicators } from './support/indicators-app';
import { cpomContent, IndicatorsWorld, type Json } from './support/indicators-world';

// Issue 13: the steering figures of seed 002 I.2 ("nombre de CPOM, nombre de projets pluriannuels de service,
// nombre de services agréés, nombre de salariés couverts") and seed 000 (partnership protocols, 50 % of the
// SSTi), kept by projection of the other services' events, exactly once per event.
describe('steering figures projected from the other services’ events', () => {
  let started: StartedIndicators;
  let world: IndicatorsWorld;

  before(async () => {
    started = await startIndicators('indicators_projection');
    world = new IndicatorsWorld(started);
  });
  after(async () => {
    await started?.close();
  });

  it('counts agreed SSTi, employees, CPOMs in force and protocol coverage as the right events arrive (seed 002 I.2, seed 000)', async () => {
    const region = '28';
    const first = await world.service(region, 12_000);
    const second = await world.service(region, 8_000);
    await world.grant(first, { validFrom: '2024-01-01', validUntil: '2028-12-31' });
    await world.grant(second, { validFrom: '2023-01-01', validUntil: '2027-06-30', conditional: true });
    await expectEventually(async () => {
      const figures = await world.regional(region, undefined, '?at=2026-12-01');
      assert.equal(figures.agreements.agreedSsti, 2);
      assert.equal(figures.agreements.conditional, 1);
      assert.equal(figures.agreements.expiringWithin12Months, 1, 'the one ending June 2027');
      assert.equal(figures.employeesFollowed.byAgreedServices, 20_000);
      assert.equal(figures.cpomsInForce, 0);
      assert.equal(figures.coverage.cpomShare, 0);
    });

    const { contractId } = await world.signCpom(first);
    await world.protocol(first, '2025-03-01');
    await expectEventually(async () => {
      const figures = await world.regional(region, undefined, '?at=2026-12-01');
      assert.equal(figures.cpomsInForce, 1);
      assert.equal(figures.cpomsByStatus.signed, 1);
      assert.equal(figures.employeesFollowed.byServicesWithCpomInForce, 12_000);
      assert.equal(figures.coverage.cpomShare, 0.5);
      assert.equal(figures.coverage.partnershipShare, 0.5);
      assert.equal(figures.coverage.partnershipTarget, 0.5, 'seed 000: 50 % of the SSTi');
      const themes = figures.actionsByTheme.map((theme: Json) => theme.theme);
      const national = figures.actionsByTheme.map((theme: Json) => theme.nationalProgramme);
      assert.deepEqual(
        national,
        [...national].sort((a: boolean, b: boolean) => Number(b) - Number(a)),
        'national priority programmes first (seed 000 programme 1)',
      );
      assert.equal(themes[0], 'tms', 'the first national programme of the reference list');
      const byTheme = Object.fromEntries(figures.actionsByTheme.map((t: Json) => [t.theme, t.actions]));
      assert.equal(byTheme.tms, 1);
      assert.equal(byTheme.risque_routier, 1);
      assert.deepEqual(figures.indicators, { onTrack: 0, behind: 0, noData: 3 });
    });

    // Before the agréments and the CPOM, nothing was in force: `at` reads the past.
    const past = await world.regional(region, undefined, '?at=2022-06-01');
    assert.equal(past.agreements.agreedSsti, 0);
    assert.equal(past.cpomsInForce, 0);

    // The CPOM expires: from the day after its period (D.4622-47) it leaves "signed" for "expired", its actions
    // and indicators leave the counters; the day before, it was still signed.
    await started.contracts.publish(
      'contract.expired',
      { contractId, ...world.subject(first), periodEnd: '2029-12-31' },
      { aggregateId: contractId, aggregateVersion: 9, region },
    );
    await expectEventually(async () => {
      const figures = await world.regional(region, undefined, '?at=2030-01-01');
      assert.equal(figures.cpomsByStatus.signed, 0);
      assert.equal(figures.cpomsByStatus.expired, 1);
      assert.deepEqual(figures.indicators, { onTrack: 0, behind: 0, noData: 0 });
      const lastDay = await world.regional(region, undefined, '?at=2029-12-31');
      assert.equal(lastDay.cpomsByStatus.signed, 1);
      assert.deepEqual(lastDay.indicators, { onTrack: 0, behind: 0, noData: 3 });
    });
  });

  it('counts a CPOM recorded as existing like a signed one, an ended one as expired (seed 002 I.2; issue 11)', async () => {
    const region = '52';
    const running = await world.service(region, 9_000);
    const ended = await world.service(region, 4_000);
    await world.grant(running, { validFrom: '2023-01-01', validUntil: '2027-12-31' });
    await world.grant(ended, { validFrom: '2023-01-01', validUntil: '2027-12-31' });
    await world.recordCpom(running, { periodStart: '2025-01-01', periodEnd: '2029-12-31', status: 'signed' });
    await world.recordCpom(ended, { periodStart: '2019-01-01', periodEnd: '2023-12-31', status: 'expired' });
    await expectEventually(async () => {
      const figures = await world.regional(region, undefined, '?at=2026-06-01');
      assert.equal(figures.cpomsInForce, 1, 'the running one only');
      assert.equal(figures.cpomsByStatus.signed, 1);
      assert.equal(figures.cpomsByStatus.expired, 1);
      assert.equal(figures.employeesFollowed.byServicesWithCpomInForce, 9_000);
      const byTheme = Object.fromEntries(figures.actionsByTheme.map((t: Json) => [t.theme, t.actions]));
      assert.equal(byTheme.tms, 1, 'its actions count like a signed CPOM’s');
      assert.deepEqual(figures.indicators, { onTrack: 0, behind: 0, noData: 3 });
    });
  });

  it('moves an ended CPOM to evaluated by contract.evaluated, which names no party (seed 002 II.4)', async () => {
    const region = '44';
    const ended = await world.service(region, 4_000);
    await world.grant(ended, { validFrom: '2023-01-01', validUntil: '2027-12-31' });
    const { contractId } = await world.recordCpom(ended, {
      periodStart: '2019-01-01',
      periodEnd: '2023-12-31',
      status: 'expired',
    });
    await expectEventually(async () => assert.equal((await world.regional(region)).cpomsByStatus.expired, 1));
    await started.contracts.publish(
      'contract.evaluated',
      {
        contractId,
        serviceId: ended.serviceId,
        regions: [region],
        evaluatedOn: '2024-06-30',
        summary: 'Objectifs atteints à 85 %',
      },
      { aggregateId: contractId, aggregateVersion: 3, region },
    );
    await expectEventually(async () => {
      const figures = await world.regional(region);
      assert.equal(figures.cpomsByStatus.evaluated, 1);
      assert.equal(figures.cpomsByStatus.expired, 0);
    });
    const [{ n }] = await started.dataSource.query('SELECT count(*)::int AS n FROM parked_messages');
    assert.equal(n, 0, 'nothing parked');
  });

  it('applies a redelivered event once: the figures do not change twice (ADR 0002 inbox)', async () => {
    const region = '24';
    const parties = await world.service(region, 5_000);
    await world.grant(parties, { validFrom: '2024-01-01', validUntil: '2028-12-31' });
    const { contractId } = await world.signCpom(parties);
    await expectEventually(async () => assert.equal((await world.regional(region)).cpomsByStatus.signed, 1));
    const once = await world.regional(region);

    // The producer's relay publishes the signature again (as after a crash between confirm and commit).
    const duplicatesBefore = world.duplicates();
    await started.contracts.dataSource.query(
      `UPDATE outbox SET sent_at = NULL WHERE envelope->>'aggregateId' = $1`,
      [contractId],
    );
    await expectEventually(() => assert.equal(world.duplicates(), duplicatesBefore + 1));
    assert.deepEqual(await world.regional(region), once);
  });

  it('ignores a fact older than the one applied to the same CPOM (ordered by aggregateVersion)', async () => {
    const region = '27';
    const parties = await world.service(region);
    const { contractId } = await world.signCpom(parties, { aggregateVersion: 5 });
    await expectEventually(async () => assert.equal(await world.cpomStatus(contractId), 'signed'));
    // A late copy of the submission (version 2) arrives after the signature (version 5).
    await started.contracts.publish(
      'contract.submitted',
      {
        contractId,
        ...world.subject(parties),
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        contentVersion: 1,
        submittedOn: '2024-10-01',
      },
      { aggregateId: contractId, aggregateVersion: 2, region },
    );
    const marker = await world.service(region);
    await world.grant(marker, { validFrom: '2024-01-01', validUntil: '2028-12-31' });
    await expectEventually(async () => assert.equal((await world.regional(region)).agreements.agreedSsti, 1));
    await expectEventually(async () => {
      const rows = await started.dataSource.query("SELECT 1 FROM inbox WHERE type = 'contract.submitted'");
      assert.equal(rows.length, 1);
    });
    assert.equal(await world.cpomStatus(contractId), 'signed');
    const figures = await world.regional(region);
    assert.equal(figures.cpomsByStatus.submitted, 0);
    assert.equal(figures.cpomsByStatus.signed, 1);
  });

  it('counts reviews due, overdue and held (seed 002 II.4: "un examen au moins annuel")', async () => {
    const region = '32';
    const parties = await world.service(region);
    const { contractId } = await world.signCpom(parties);
    const subject = { contractId, ...world.subject(parties) };
    await started.contracts.publish(
      'contract.review_due',
      { ...subject, dueOn: '2026-01-01', daysLeft: 30 },
      { aggregateId: contractId, aggregateVersion: 5, region },
    );
    await expectEventually(async () => assert.equal((await world.regional(region)).reviews.due, 1));
    await started.contracts.publish(
      'contract.review_overdue',
      { ...subject, dueOn: '2026-01-01' },
      { aggregateId: contractId, aggregateVersion: 5, region },
    );
    await expectEventually(async () => {
      const { reviews } = await world.regional(region);
      assert.deepEqual([reviews.due, reviews.overdue], [0, 1]);
    });
    await started.contracts.publish(
      'contract.review_completed',
      {
        contractId,
        serviceId: parties.serviceId,
        regions: [region],
        reviewedOn: '2026-02-10',
        summary: 'Revue tenue',
        nextReviewDueOn: '2027-01-01',
      },
      { aggregateId: contractId, aggregateVersion: 6, region },
    );
    await expectEventually(async () => {
      const { reviews } = await world.regional(region, undefined, '?at=2026-06-01');
      assert.deepEqual(reviews, { due: 0, overdue: 0, heldInYear: 1 });
    });
  });

  it('replaces a CPOM’s actions and indicators by its amendment’s, keeping the values reported (D.4622-47: avenant)', async () => {
    const region = '44';
    const parties = await world.service(region);
    const { contractId, content } = await world.signCpom(parties, { aggregateVersion: 5 });
    await expectEventually(async () => assert.equal(await world.cpomStatus(contractId), 'signed'));
    const reporter = await world.token({ roles: ['sst'], region, org: parties.serviceId });
    const reported = await world.request(
      'POST',
      `/api/v1/cpoms/${contractId}/indicators/${content.indicators.coverage}/measurements`,
      reporter,
      { period: '2025', value: 40 },
    );
    assert.equal(reported.statusCode, 201, reported.body);
    await expectEventually(async () =>
      assert.deepEqual((await world.regional(region)).indicators, { onTrack: 1, behind: 0, noData: 2 }),
    );

    // The amendment keeps the coverage indicator (same id), drops the two others, moves the TMS action to RPS.
    const amended = content.payload;
    await started.contracts.publish(
      'contract.amended',
      {
        contractId,
        ...world.subject(parties),
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        amendmentNumber: 1,
        signedOn: '2026-03-01',
        summary: 'Avenant n° 1',
        ...amended,
        contentVersion: 2,
        actions: [{ ...amended.actions[0]!, theme: 'rps' }],
        indicators: [amended.indicators[0]!],
      },
      { aggregateId: contractId, aggregateVersion: 8, region },
    );
    await expectEventually(async () => {
      const figures = await world.regional(region);
      assert.deepEqual(figures.indicators, { onTrack: 1, behind: 0, noData: 0 });
      const byTheme = Object.fromEntries(figures.actionsByTheme.map((t: Json) => [t.theme, t.actions]));
      assert.deepEqual([byTheme.tms, byTheme.rps, byTheme.risque_routier], [0, 1, 0]);
    });
    const list = await world.request('GET', `/api/v1/cpoms/${contractId}/indicators`, reporter);
    assert.equal(list.json().contentVersion, 2);
    assert.deepEqual(
      list.json().indicators.map((i: Json) => [i.indicatorId, i.status, i.values.length]),
      [[content.indicators.coverage, 'on_track', 1]],
    );

    // A late copy of the signature (content version 1) changes nothing.
    const duplicates = world.duplicates();
    await started.contracts.dataSource.query(
      `UPDATE outbox SET sent_at = NULL WHERE envelope->>'aggregateId' = $1 AND type = 'contract.signed'`,
      [contractId],
    );
    await expectEventually(() => assert.equal(world.duplicates(), duplicates + 1));
    assert.equal(
      (await world.request('GET', `/api/v1/cpoms/${contractId}/indicators`, reporter)).json().contentVersion,
      2,
    );
  });

  it('ends an agrément at its withdrawal and a protocol at its end (D.4622-51 2°, seed 000)', async () => {
    const region = '75';
    const parties = await world.service(region, 7_000);
    const agreementId = await world.grant(parties, { validFrom: '2024-01-01', validUntil: '2028-12-31' });
    await world.protocol(parties, '2024-06-01');
    await expectEventually(async () => {
      const figures = await world.regional(region, undefined, '?at=2026-06-01');
      assert.equal(figures.agreements.agreedSsti, 1);
      assert.equal(figures.coverage.partnershipShare, 1);
    });
    const protocolId = (
      await started.dataSource.query('SELECT protocol_id FROM ind_protocols WHERE service_id = $1', [
        parties.serviceId,
      ])
    )[0].protocol_id;
    await started.contracts.publish(
      'partnership_protocol.ended',
      {
        protocolId,
        serviceId: parties.serviceId,
        caisseId: parties.caisseId,
        direccteId: parties.direccteId,
        regions: [region],
        themes: ['desinsertion_professionnelle'],
        endedOn: '2026-09-01',
        reason: 'Fin des actions',
      },
      { aggregateId: protocolId, aggregateVersion: 4, region },
    );
    await started.agreements.publish(
      'agreement.withdrawn',
      {
        agreementId,
        serviceId: parties.serviceId,
        serviceName: 'SSTI',
        regions: [region],
        serviceType: 'SSTI',
        caisseId: parties.caisseId,
        withdrawnOn: '2026-10-01',
        grounds: 'no_cpom',
        text: 'Retrait après mise en demeure',
        memberCompaniesToInform: true,
      },
      { aggregateId: agreementId, aggregateVersion: 6, region },
    );
    await expectEventually(async () => {
      const after = await world.regional(region, undefined, '?at=2026-11-01');
      assert.equal(after.agreements.agreedSsti, 0, 'withdrawn on 1 October');
      assert.equal(after.employeesFollowed.byAgreedServices, 0);
    });
    const before = await world.regional(region, undefined, '?at=2026-08-01');
    assert.equal(before.agreements.agreedSsti, 1, 'in force until the day before its withdrawal');
    assert.equal(before.coverage.partnershipShare, 1, 'the protocol ran until 1 September');
    const between = await world.regional(region, undefined, '?at=2026-09-15');
    assert.equal(between.coverage.partnershipShare, 0);
  });

  it('reads every figure as it stood at a date and by year: statuses, actions, indicators and reviews at their business dates (issue 13)', async () => {
    const region = '84';
    const parties = await world.service(region, 6_000);
    await world.grant(parties, { validFrom: '2023-01-01', validUntil: '2027-12-31' });
    const contractId = await world.draftCpom(parties);
    const subject = { contractId, ...world.subject(parties) };
    await started.contracts.publish(
      'contract.submitted',
      {
        ...subject,
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        contentVersion: 1,
        submittedOn: '2024-11-15',
      },
      { aggregateId: contractId, aggregateVersion: 2, region },
    );
    const content = cpomContent();
    await started.contracts.publish(
      'contract.signed',
      {
        ...subject,
        periodStart: '2025-01-01',
        periodEnd: '2029-12-31',
        signedOn: '2025-01-20',
        ...content.payload,
      },
      { aggregateId: contractId, aggregateVersion: 4, region },
    );
    await started.contracts.publish(
      'contract.review_completed',
      {
        contractId,
        serviceId: parties.serviceId,
        regions: [region],
        reviewedOn: '2025-12-10',
        summary: 'Revue tenue',
        nextReviewDueOn: '2026-12-10',
      },
      { aggregateId: contractId, aggregateVersion: 5, region },
    );
    await expectEventually(async () =>
      assert.equal((await world.regional(region, undefined, '?at=2025-12-31')).reviews.heldInYear, 1),
    );
    const reporter = await world.token({ roles: ['sst'], region, org: parties.serviceId });
    const reported = await world.request(
      'POST',
      `/api/v1/cpoms/${contractId}/indicators/${content.indicators.coverage}/measurements`,
      reporter,
      { period: '2025', value: 45 },
    );
    assert.equal(reported.statusCode, 201, reported.body);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
    await expectEventually(async () =>
      assert.equal((await world.regional(region, undefined, `?at=${today}`)).indicators.onTrack, 1),
    );

    const at = async (date: string) => world.regional(region, undefined, `?at=${date}`);
    const draft = await at('2024-10-01');
    assert.deepEqual(draft.cpomsByStatus, { ...zeroStatuses, draft: 1 }, 'drafted on 1 September 2024');
    const submitted = await at('2024-12-31');
    assert.deepEqual(submitted.cpomsByStatus, { ...zeroStatuses, submitted: 1 });
    assert.deepEqual(submitted.indicators, { onTrack: 0, behind: 0, noData: 0 }, 'not signed yet');
    const signed = await at('2025-06-30');
    assert.deepEqual(signed.cpomsByStatus, { ...zeroStatuses, signed: 1 });
    const byTheme = Object.fromEntries(signed.actionsByTheme.map((t: Json) => [t.theme, t.actions]));
    assert.deepEqual([byTheme.tms, byTheme.risque_routier], [1, 1]);
    assert.deepEqual(signed.indicators, { onTrack: 0, behind: 0, noData: 3 }, 'no value reported by then');
    assert.equal(signed.reviews.heldInYear, 0);
    const yesterday = new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10);
    assert.deepEqual(
      (await at(yesterday)).indicators,
      { onTrack: 0, behind: 0, noData: 3 },
      'reported today',
    );

    const history = await world.request(
      'GET',
      `/api/v1/dashboards/regions/${region}/history?from=2024&to=${today.slice(0, 4)}`,
      await world.national(),
    );
    assert.equal(history.statusCode, 200, history.body);
    const years = history.json().years as Json[];
    assert.deepEqual(
      years.map((year) => [year.at, year.cpomsByStatus.submitted, year.cpomsByStatus.signed]),
      years.map((year) => [year.at, year.at < '2025' ? 1 : 0, year.at < '2025' ? 0 : 1]),
    );
    assert.equal(
      years.find((year) => year.at === '2025-12-31')!.reviews.heldInYear,
      1,
      'reviewed 10 December 2025',
    );
    assert.equal(years.at(-1)!.indicators.onTrack, 1, 'the value reported this year');
  });
});

const zeroStatuses = { draft: 0, submitted: 0, ready_to_sign: 0, signed: 0, expired: 0, evaluated: 0 };
