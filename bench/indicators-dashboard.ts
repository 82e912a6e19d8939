// Benchmark of the indicators service at the ARS scale of domain.md: 50,000 CPOMs and 2,000,000 measurements
// generated straight into a benchmark database, the national dashboard's latency through the service's HTTP
// (in process), the naive GROUP BY over the raw rows in the same run, and the projection's throughput under a
// burst of 10,000 events beside the raw broker's. Not a test. Usage and reading: bench/README.md.
//   npm run bench:indicators     (or: node dist/bench/indicators-dashboard.js --cpoms 50000 --requests 300)

import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@tripartite/config';
import { actionThemeCodes } from '@tripartite/events';
import { createServiceApp } from '@tripartite/http';
import { AmqpEventTransport, connectEventTransport, defaultRetryPolicy } from '@tripartite/messaging';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  isolatedEnvironment,
  TestProducer,
  testToken,
} from '@tripartite/testing';
import { DataSource } from 'typeorm';
import { indicatorsConfigSchema } from '../apps/indicators/src/indicators.config';
import { IndicatorsModule } from '../apps/indicators/src/indicators.module';
import { deleteBrokerObjects } from './support/broker-cleanup';
import { CleanupStack } from './support/cleanup-stack';
import { summarise } from './support/latency-stats';
import { RawBaseline } from './support/raw-baseline';

interface Settings {
  cpoms: number;
  measurementsPerIndicator: number;
  indicatorsPerCpom: number;
  actionsPerCpom: number;
  requests: number;
  naiveRuns: number;
  burst: number;
  writers: number;
}

function readSettings(): Settings {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const index = args.indexOf(`--${name}`);
    const raw = index >= 0 ? args[index + 1] : process.env[`BENCH_${name.toUpperCase()}`];
    return raw === undefined ? fallback : Number(raw);
  };
  return {
    cpoms: value('cpoms', 50_000),
    indicatorsPerCpom: value('indicators', 8),
    measurementsPerIndicator: value('measurements', 5),
    actionsPerCpom: value('actions', 6),
    requests: value('requests', 300),
    naiveRuns: value('naiveRuns', 10),
    burst: value('burst', 10_000),
    writers: value('writers', 8),
  };
}

const REGIONS: readonly string[] = [
  '01',
  '02',
  '03',
  '04',
  '06',
  '11',
  '24',
  '27',
  '28',
  '32',
  '44',
  '52',
  '53',
  '75',
  '76',
  '84',
  '93',
  '94',
];

const log = (message: string) => process.stderr.write(`${new Date().toISOString()} ${message}\n`);

/** The data set, in SQL (generate_series): what the projections would hold after the events of 50,000 CPOMs. */
async function generate(dataSource: DataSource, s: Settings): Promise<void> {
  const regions = `ARRAY[${REGIONS.map((r) => `'${r}'`).join(',')}]`;
  const themes = `ARRAY[${actionThemeCodes.map((t) => `'${t}'`).join(',')}]`;
  const q = (sql: string, params: unknown[] = []) => dataSource.query(sql, params);
  log('services, agréments, protocols, service projects');
  await q(
    `INSERT INTO ind_services (service_id, type, name, region, regions, caisse_id, employees_followed, directory_version)
     SELECT md5('s' || g)::uuid, CASE WHEN g % 10 = 0 THEN 'SSTA' ELSE 'SSTI' END, 'Service ' || g,
            (${regions})[1 + g % 18], ARRAY[(${regions})[1 + g % 18]], md5('c' || (g % 120))::uuid, 500 + g % 20000, 1
       FROM generate_series(1, $1) g`,
    [s.cpoms],
  );
  await q(
    `INSERT INTO ind_agreements (agreement_id, service_id, region, status, valid_from, valid_until, conditional, aggregate_version)
     SELECT md5('a' || g)::uuid, md5('s' || g)::uuid, (${regions})[1 + g % 18], 'granted',
            date '2022-01-01' + (g % 1400), date '2022-01-01' + (g % 1400) + (CASE WHEN g % 17 = 0 THEN 730 ELSE 1826 END),
            g % 17 = 0, 2
       FROM generate_series(1, $1) g`,
    [s.cpoms],
  );
  await q(
    `INSERT INTO ind_protocols (protocol_id, service_id, caisse_id, region, concluded_on, starts_on, ends_on, aggregate_version)
     SELECT md5('p' || g)::uuid, md5('s' || g)::uuid, md5('c' || (g % 120))::uuid, (${regions})[1 + g % 18],
            date '2024-01-01', date '2024-01-01', NULL, 2
       FROM generate_series(1, $1) g WHERE g % 5 < 2`,
    [s.cpoms],
  );
  await q(
    `INSERT INTO ind_service_projects (project_id, service_id, region, approved_on, period_end, aggregate_version)
     SELECT md5('sp' || g)::uuid, md5('s' || g)::uuid, (${regions})[1 + g % 18], date '2024-06-01', date '2029-12-31', 3
       FROM generate_series(1, $1) g WHERE g % 5 < 3`,
    [s.cpoms],
  );
  log(`${s.cpoms} CPOMs, ${s.cpoms * s.actionsPerCpom} actions, ${s.cpoms * s.indicatorsPerCpom} indicators`);
  await q(
    `INSERT INTO ind_cpoms (contract_id, service_id, caisse_id, direccte_id, region, regions, status, period_start,
                            period_end, signed_on, content_version, aggregate_version)
     SELECT md5('k' || g)::uuid, md5('s' || g)::uuid, md5('c' || (g % 120))::uuid, md5('d' || (g % 18))::uuid,
            (${regions})[1 + g % 18], ARRAY[(${regions})[1 + g % 18]],
            (ARRAY['signed','signed','signed','signed','signed','signed','signed','expired','submitted','draft'])[1 + g % 10],
            date '2025-01-01', date '2029-12-31', CASE WHEN g % 10 < 8 THEN date '2025-01-01' END, 1, 5
       FROM generate_series(1, $1) g`,
    [s.cpoms],
  );
  await q(
    `INSERT INTO ind_cpom_actions (contract_id, action_id, priority_id, title, theme)
     SELECT md5('k' || g)::uuid, md5('k' || g || 'a' || a)::uuid, md5('k' || g || 'p')::uuid, 'Action ' || a,
            (${themes})[1 + (g * 7 + a) % ${actionThemeCodes.length}]
       FROM generate_series(1, $1) g, generate_series(1, $2) a`,
    [s.cpoms, s.actionsPerCpom],
  );
  await q(
    `INSERT INTO ind_cpom_indicators (contract_id, indicator_id, action_id, position, name, kind, purpose, unit,
                                      baseline, target, direction, frequency, status)
     SELECT md5('k' || g)::uuid, md5('k' || g || 'i' || i)::uuid, md5('k' || g || 'a' || (1 + i % $3))::uuid, i,
            'Indicateur ' || i, CASE WHEN i % 4 = 0 THEN 'qualitative' ELSE 'quantitative' END, 'result',
            CASE WHEN i % 4 = 0 THEN NULL ELSE '%' END, CASE WHEN i % 4 = 0 THEN NULL ELSE 10 END,
            CASE WHEN i % 4 = 0 THEN NULL ELSE 50 END, CASE WHEN i % 4 = 0 THEN NULL ELSE 'increase' END, 'yearly',
            (ARRAY['on_track','on_track','behind','no_data'])[1 + (g + i) % 4]
       FROM generate_series(1, $1) g, generate_series(1, $2) i`,
    [s.cpoms, s.indicatorsPerCpom, s.actionsPerCpom],
  );
  log(`${s.cpoms * s.indicatorsPerCpom * s.measurementsPerIndicator} measurements`);
  await q(
    `INSERT INTO ind_measurements (contract_id, indicator_id, period, numeric_value, text_value, comment, reported_by,
                                   reporting_organisation, reported_at, version)
     SELECT md5('k' || g)::uuid, md5('k' || g || 'i' || i)::uuid, (2024 + y)::text,
            CASE WHEN i % 4 = 0 THEN NULL ELSE 10 + (g + i + y) % 50 END,
            CASE WHEN i % 4 = 0 THEN 'Appréciation' END, NULL, 'bench', md5('s' || g)::uuid, now(), 1
       FROM generate_series(1, $1) g, generate_series(1, $2) i, generate_series(1, $3) y`,
    [s.cpoms, s.indicatorsPerCpom, s.measurementsPerIndicator],
  );
  log(
    'counters (as the projections keep them: sums per day over four years, and their totals), VACUUM ANALYZE',
  );
  // Each CPOM's contribution dated as the projections date it (ADR 0019): its status, actions and indicators
  // from a day of the four years before 2026, spread across the CPOMs, the indicators' statuses from the days
  // their values were reported (one of the CPOM's reporting days) — what a dated history of 50,000 CPOMs holds.
  await q(`CREATE TEMP TABLE bench_moves AS
           SELECT c.region, 'cpoms_by_status' AS figure, c.status AS key,
                  date '2022-01-01' + (abs(hashtext(c.contract_id::text)) % 1460) AS on_date, 1 AS delta
             FROM ind_cpoms c
           UNION ALL
           SELECT c.region, 'actions_by_theme', a.theme,
                  date '2022-01-01' + (abs(hashtext(c.contract_id::text)) % 1460), 1
             FROM ind_cpom_actions a JOIN ind_cpoms c USING (contract_id) WHERE c.status = 'signed'
           UNION ALL
           SELECT c.region, 'indicators', i.status,
                  date '2022-01-01' + (abs(hashtext(c.contract_id::text)) % 1460) + (i.position % 4) * 90, 1
             FROM ind_cpom_indicators i JOIN ind_cpoms c USING (contract_id) WHERE c.status = 'signed'`);
  await q(`INSERT INTO ind_counter_days (on_date, region, figure, key, value)
           SELECT on_date, region, figure, key, sum(delta) FROM bench_moves GROUP BY 1, 2, 3, 4`);
  await q(`INSERT INTO ind_counters (region, figure, key, value)
           SELECT region, figure, key, sum(delta) FROM bench_moves GROUP BY 1, 2, 3`);
  await q('DROP TABLE bench_moves');
  await q('VACUUM ANALYZE');
}

/**
 * The naive way: every figure recomputed from the raw rows per request — CPOMs by status, actions by theme, and
 * each indicator's status from its latest of the 2,000,000 values (the same rule as the service, in SQL).
 */
const NAIVE = [
  `SELECT region, status, count(*) FROM ind_cpoms GROUP BY region, status`,
  `SELECT c.region, a.theme, count(*) FROM ind_cpom_actions a JOIN ind_cpoms c USING (contract_id)
    WHERE c.status = 'signed' GROUP BY c.region, a.theme`,
  `WITH latest AS (
     SELECT DISTINCT ON (contract_id, indicator_id) contract_id, indicator_id, period, numeric_value, text_value
       FROM ind_measurements ORDER BY contract_id, indicator_id, period DESC)
   SELECT c.region,
          CASE WHEN l.indicator_id IS NULL THEN 'no_data'
               WHEN i.kind = 'qualitative' THEN 'on_track'
               WHEN l.numeric_value >= i.baseline + (i.target - i.baseline) * LEAST(1, GREATEST(0,
                    ((l.period || '-12-31')::date - c.period_start + 1)::numeric / (c.period_end - c.period_start + 1)))
               THEN 'on_track' ELSE 'behind' END AS status,
          count(*)
     FROM ind_cpom_indicators i JOIN ind_cpoms c USING (contract_id)
     LEFT JOIN latest l USING (contract_id, indicator_id)
    WHERE c.status = 'signed' GROUP BY 1, 2`,
];

async function timeNaive(dataSource: DataSource, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    for (const sql of NAIVE) await dataSource.query(sql);
    samples.push(performance.now() - start);
  }
  return samples;
}

async function timeDashboard(
  app: NestFastifyApplication,
  token: string,
  requests: number,
  beforeEach: (index: number) => Promise<unknown> = async () => undefined,
  url = '/api/v1/dashboards/national',
): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < requests + 20; i++) {
    await beforeEach(i);
    const start = performance.now();
    const response = await app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${token}` },
    });
    const elapsed = performance.now() - start;
    if (response.statusCode !== 200)
      throw new Error(`dashboard answered ${response.statusCode}: ${response.body}`);
    if (i >= 20) samples.push(elapsed); // the first 20 warm the caches and the JIT
  }
  return samples;
}

/**
 * 10,000 `contract.signed` (two actions, three indicators each) across the 18 regions, written by `writers`
 * concurrent commands of the producer.
 */
async function burst(
  producer: TestProducer,
  app: NestFastifyApplication,
  dataSource: DataSource,
  s: Settings,
): Promise<{ seconds: number; perSecond: number; applySeconds: number; writeSeconds: number }> {
  const transport = app.get(AmqpEventTransport);
  const appliedBefore = transport.outcomes.applied;
  let next = 0;
  const start = performance.now();
  const writer = async () => {
    while (next < s.burst) {
      const region = REGIONS[next % REGIONS.length]!;
      next++;
      const contractId = randomUUID();
      const priorityId = randomUUID();
      const actions = [randomUUID(), randomUUID()];
      await producer.publish(
        'contract.signed',
        {
          contractId,
          serviceId: randomUUID(),
          regions: [region],
          caisseId: randomUUID(),
          direccteId: randomUUID(),
          periodStart: '2026-01-01',
          periodEnd: '2030-12-31',
          signedOn: '2026-01-01',
          contentVersion: 1,
          contentHash: 'b'.repeat(64),
          priorities: [{ priorityId, title: 'Priorité', origins: ['prst'] }],
          actions: actions.map((actionId, index) => ({
            actionId,
            priorityId,
            title: `Action ${index}`,
            theme: index === 0 ? 'tms' : 'rps',
            expectedResults: '',
          })),
          indicators: [0, 1, 2].map((index) => ({
            indicatorId: randomUUID(),
            actionId: actions[index % 2]!,
            name: `Indicateur ${index}`,
            kind: 'quantitative' as const,
            purpose: 'result' as const,
            unit: '%',
            baseline: 10,
            target: 50,
            direction: 'increase' as const,
            frequency: 'yearly' as const,
          })),
        },
        { aggregateId: contractId, aggregateVersion: 1, region },
      );
    }
  };
  await Promise.all(Array.from({ length: s.writers }, writer));
  const writeSeconds = (performance.now() - start) / 1000;
  const deadline = Date.now() + 600_000;
  while (transport.outcomes.applied - appliedBefore < s.burst) {
    if (Date.now() > deadline) throw new Error('the burst was not applied within 10 minutes');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - start) / 1000;
  const [{ deadlocks }] = await dataSource.query(
    'SELECT deadlocks::int FROM pg_stat_database WHERE datname = current_database()',
  );
  log(`deadlocks in the service database so far: ${deadlocks}; retried: ${transport.outcomes.retried}`);
  const [{ span }] = await dataSource.query(
    `SELECT extract(epoch FROM max(received_at) - min(received_at))::float8 AS span FROM inbox WHERE type = 'contract.signed'`,
  );
  return { seconds, perSecond: s.burst / seconds, applySeconds: span, writeSeconds };
}

async function main(): Promise<void> {
  const s = readSettings();
  const cleanup = new CleanupStack();
  const stop = () => void cleanup.runAll().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const db = await createTestDatabase('indicators_bench');
    cleanup.add('drop the bench database', () => db.drop());
    const producerDb = await createTestDatabase('indicators_bench_contracts');
    cleanup.add('drop the producer database', () => producerDb.drop());
    const env: Record<string, string> = {
      ...isolatedEnvironment('indicators_bench', db.name),
      LOG_LEVEL: 'silent',
    };
    delete env.OUTBOX_POLL_MS;
    cleanup.add('delete queues, exchange, Redis keys', () => cleanupIsolatedEnvironment(env, ['indicators']));
    const config = loadConfig(indicatorsConfigSchema, env);
    const app = await createServiceApp({
      module: IndicatorsModule.forRoot(config),
      config,
      openApi: { title: 'bench', description: 'bench' },
      configure: async (nest) => {
        connectEventTransport(nest);
        await nest.startAllMicroservices();
      },
    });
    cleanup.add('close the service', () => app.close());
    const dataSource = app.get(DataSource);

    const generation = performance.now();
    await generate(dataSource, s);
    const generationSeconds = (performance.now() - generation) / 1000;

    log('national dashboard through HTTP');
    const token = await testToken(config, { roles: ['national'] });
    const dashboardSamples = await timeDashboard(app, token, s.requests);
    const dashboard = summarise(dashboardSamples);
    log('national dashboard through HTTP, one region changed before each request');
    // As when events keep arriving: before each request one region's dated rows "moved" (its generation), so
    // the service sums that region's rows again (ADR 0019); the others answer from memory.
    const movingSamples = await timeDashboard(app, token, s.requests, (index) =>
      dataSource.query(
        `INSERT INTO ind_counters (region, figure, key, value) VALUES ($1, 'generation', 'dated', 1)
         ON CONFLICT (region, figure, key) DO UPDATE SET value = ind_counters.value + 1`,
        [REGIONS[index % REGIONS.length]],
      ),
    );
    const moving = summarise(movingSamples);
    log('national dashboard, every region summed again (no memory: the worst case)');
    const coldSamples = await timeDashboard(app, token, Math.min(50, s.requests), () =>
      dataSource.query(`UPDATE ind_counters SET value = value + 1 WHERE figure = 'generation'`),
    );
    const cold = summarise(coldSamples);
    log('national dashboard at a past date, one region changed before each request');
    const pastSamples = await timeDashboard(
      app,
      token,
      Math.min(100, s.requests),
      (index) =>
        dataSource.query(
          `INSERT INTO ind_counters (region, figure, key, value) VALUES ($1, 'generation', 'dated', 1)
           ON CONFLICT (region, figure, key) DO UPDATE SET value = ind_counters.value + 1`,
          [REGIONS[index % REGIONS.length]],
        ),
      '/api/v1/dashboards/national?at=2024-06-30',
    );
    const past = summarise(pastSamples);
    const [{ days }] = await dataSource.query('SELECT count(*)::int AS days FROM ind_counter_days');
    log('naive GROUP BY over the raw rows');
    const naiveSamples = await timeNaive(dataSource, s.naiveRuns);
    const naive = summarise(naiveSamples);

    log(`projection burst of ${s.burst} events`);
    const producer = await TestProducer.start({ ...env, DATABASE_NAME: producerDb.name }, 'contracts');
    cleanup.add('close the producer', () => producer.close());
    const projection = await burst(producer, app, dataSource, s);

    log(`raw broker, ${s.burst} messages`);
    const rawName = `${env.AMQP_QUEUE_PREFIX}.raw`;
    cleanup.add('delete the raw queue and exchange', () =>
      deleteBrokerObjects(config.AMQP_URL, { queues: [rawName], exchanges: [rawName] }),
    );
    const raw = await RawBaseline.open({
      amqpUrl: config.AMQP_URL,
      exchange: rawName,
      queue: rawName,
      prefetch: config.AMQP_PREFETCH,
      deliveryLimit: defaultRetryPolicy.deliveryLimit,
    });
    cleanup.add('close the raw connections', () => raw.close());
    const rawThroughput = await raw.throughput(0, s.burst, 500, 'raw', 120_000);

    const [{ measurements }] = await dataSource.query(
      'SELECT count(*)::int AS measurements FROM ind_measurements',
    );
    const ms = (value: number) => `${value.toFixed(1)} ms`;
    const lines = [
      '## Indicators dashboard benchmark',
      '',
      `Data set: ${s.cpoms} CPOMs (${s.cpoms * s.actionsPerCpom} actions, ${s.cpoms * s.indicatorsPerCpom} indicators), ` +
        `${measurements} measurements, ${s.cpoms} services; generated in ${generationSeconds.toFixed(1)} s.`,
      '',
      '| | p50 | p95 | p99 | max | runs |',
      '|---|---|---|---|---|---|',
      `| national dashboard, GET through the service (in process) | ${ms(dashboard.p50)} | ${ms(p95(dashboardSamples))} | ${ms(dashboard.p99)} | ${ms(dashboard.max)} | ${dashboard.count} |`,
      `| national dashboard, one region's rows changed before each request | ${ms(moving.p50)} | ${ms(p95(movingSamples))} | ${ms(moving.p99)} | ${ms(moving.max)} | ${moving.count} |`,
      `| national dashboard, every region's rows changed before each request | ${ms(cold.p50)} | ${ms(p95(coldSamples))} | ${ms(cold.p99)} | ${ms(cold.max)} | ${cold.count} |`,
      `| national dashboard at a past date (\`?at=2024-06-30\`: the counters less ${days} day rows after it), one region changed | ${ms(past.p50)} | ${ms(p95(pastSamples))} | ${ms(past.p99)} | ${ms(past.max)} | ${past.count} |`,
      `| naive GROUP BY over the raw rows (3 queries) | ${ms(naive.p50)} | ${ms(p95(naiveSamples))} | ${ms(naive.p99)} | ${ms(naive.max)} | ${naive.count} |`,
      '',
      `Ratio naive / dashboard (p50): ${(naive.p50 / dashboard.p50).toFixed(1)}×. ` +
        `Target p95 < 50 ms (steady): ${p95(dashboardSamples) < 50 ? 'PASS' : 'FAIL'}; ` +
        `with one region moving: ${p95(movingSamples) < 50 ? 'PASS' : 'FAIL'}.`,
      '',
      '| burst of events | count | seconds | events/s |',
      '|---|---|---|---|',
      `| projection: contract.signed through outbox → relay → queue → projection (first write → last applied) | ${s.burst} | ${projection.seconds.toFixed(2)} | ${projection.perSecond.toFixed(0)} |`,
      `| producer's commands alone (8 writers, one transaction each) | ${s.burst} | ${projection.writeSeconds.toFixed(2)} | ${(s.burst / projection.writeSeconds).toFixed(0)} |`,
      `| projection: consumer side only (first → last inbox entry) | ${s.burst} | ${projection.applySeconds.toFixed(2)} | ${(s.burst / projection.applySeconds).toFixed(0)} |`,
      `| raw broker (amqplib, quorum queue, confirms) | ${rawThroughput.arrived} | ${rawThroughput.seconds.toFixed(2)} | ${rawThroughput.perSecond.toFixed(0)} |`,
      '',
      `Ratio projection / raw throughput: ${(projection.perSecond / rawThroughput.perSecond).toFixed(2)}.`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    await cleanup.runAll();
  }
}

/** Nearest-rank p95, as latency-stats computes its percentiles. */
function p95(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(0.95 * sorted.length) - 1))] ?? Number.NaN;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
