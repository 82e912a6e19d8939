// Benchmark of the event path (outbox → RabbitMQ → inbox) against a raw amqplib baseline, in one run,
// on this machine's PostgreSQL and RabbitMQ. Usage and reading: bench/README.md.
//   npm run bench            (or: node dist/bench/event-path.js --count 5000 --rate 500 --seconds 10)

import { cpus, loadavg, totalmem } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { defaultRetryPolicy } from '@tripartite/messaging';
import { isolatedEnvironment, TEST_SERVER_URL } from '@tripartite/testing';
import { Client } from 'pg';
import { type Diagnostics, type RoundFigures, renderReport } from './support/bench-report';
import { type BenchSettings, readBenchSettings } from './support/bench-settings';
import { deleteBrokerObjects } from './support/broker-cleanup';
import { CleanupStack } from './support/cleanup-stack';
import { type CpuUse, measureCpu } from './support/cpu-meter';
import { CONSUMER, PlatformPath } from './support/platform-path';
import { RawBaseline } from './support/raw-baseline';

/** Variables of the services under test that a run may change (the rest are the platform's defaults). */
const TUNABLES = ['DATABASE_POOL_SIZE', 'AMQP_PREFETCH', 'OUTBOX_POLL_MS'] as const;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\]|::1)$/;

function assertLoopback(name: string, url: string): void {
  const host = new URL(url).hostname;
  if (!LOOPBACK.test(host)) throw new Error(`${name} must point at this machine (loopback), not ${host}`);
}

async function postgresVersion(): Promise<string> {
  const client = new Client({ connectionString: TEST_SERVER_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/** Runs one phase and notes how busy the machine and this process were meanwhile. */
async function metered<R extends object>(phase: () => Promise<R>): Promise<R & { cpu: CpuUse }> {
  const stop = measureCpu();
  const result = await phase();
  return { ...result, cpu: stop() };
}

async function run(settings: BenchSettings, cleanup: CleanupStack): Promise<void> {
  // The services' own environment: isolated names, silent logs, and what the caller chose to tune.
  const env = isolatedEnvironment('bench', 'unused');
  env.LOG_LEVEL = 'silent';
  delete env.OUTBOX_POLL_MS; // the platform default, not the tests' fast poll
  for (const name of TUNABLES) if (process.env[name]) env[name] = process.env[name] as string;
  if (process.env.AMQP_URL) env.AMQP_URL = process.env.AMQP_URL;
  const config = loadConfig(serviceConfigSchema(CONSUMER, 0), { ...env, DATABASE_NAME: 'unused' });
  assertLoopback('AMQP_URL', config.AMQP_URL);
  assertLoopback('TEST_DATABASE_URL', TEST_SERVER_URL);

  const rawExchange = `${env.AMQP_QUEUE_PREFIX}.raw`;
  const rawQueue = `${env.AMQP_QUEUE_PREFIX}.raw`;
  const timeoutMs = settings.phaseTimeoutSeconds * 1000;
  let seq = 0;
  const take = (count: number) => {
    const first = seq;
    seq += count;
    return first;
  };
  const latencyCount = settings.rate * settings.seconds;

  cleanup.add('delete raw queue and exchange', () =>
    deleteBrokerObjects(config.AMQP_URL, { queues: [rawQueue], exchanges: [rawExchange] }),
  );
  const raw = await RawBaseline.open({
    amqpUrl: config.AMQP_URL,
    exchange: rawExchange,
    queue: rawQueue,
    prefetch: config.AMQP_PREFETCH,
    deliveryLimit: defaultRetryPolicy.deliveryLimit,
  });
  cleanup.add('close raw connections', () => raw.close());

  console.log('# Event path bench');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; ` +
      `node ${process.version}; PostgreSQL ${await postgresVersion()}; RabbitMQ ${raw.brokerVersion}`,
  );
  const idle = measureCpu();
  await sleep(1000);
  const before = idle();
  console.log(
    `date: ${new Date().toISOString()}; load average before: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; machine CPU busy in the second before: ${before.machine.toFixed(0)}%`,
  );
  console.log(
    `settings: count=${settings.count} rate=${settings.rate}/s seconds=${settings.seconds} warmup=${settings.warmup} ` +
      `writers=${settings.writers} rawWindow=${settings.rawWindow} tickMs=${settings.tickMs} ` +
      `rounds=${settings.rounds} writer=${settings.writer} vacuum=${settings.vacuum}; ` +
      `DATABASE_POOL_SIZE=${config.DATABASE_POOL_SIZE} AMQP_PREFETCH=${config.AMQP_PREFETCH} ` +
      `OUTBOX_POLL_MS=${config.OUTBOX_POLL_MS} (consumer transactions at once: ${Math.max(1, Math.floor(config.DATABASE_POOL_SIZE / 2))})`,
  );
  console.log(
    `names: exchange ${env.AMQP_EXCHANGE}, queue prefix ${env.AMQP_QUEUE_PREFIX}, databases test_bench_*`,
  );
  console.log('');

  const step = (what: string) => process.stderr.write(`… ${what}\n`);
  step('platform: creating databases, booting producer and consumer');
  const platform = await PlatformPath.start(env, config.AMQP_URL, settings.writer, cleanup);

  step('warm-up, raw then platform');
  await raw.throughput(take(settings.warmup), settings.warmup, settings.rawWindow, 'raw-warmup', timeoutMs);
  await platform.throughput(
    take(settings.warmup),
    settings.warmup,
    settings.writers,
    'platform-warmup',
    timeoutMs,
  );

  const rounds: RoundFigures[] = [];
  for (let round = 1; round <= settings.rounds; round++) {
    const tag = `r${round}`;
    step(`round ${round}/${settings.rounds}: throughput, ${settings.count} events, raw then platform`);
    const rawThroughput = await metered(() =>
      raw.throughput(
        take(settings.count),
        settings.count,
        settings.rawWindow,
        `raw-throughput-${tag}`,
        timeoutMs,
      ),
    );
    if (settings.vacuum === 1) await platform.vacuumOutbox();
    const platformThroughput = await metered(() =>
      platform.throughput(
        take(settings.count),
        settings.count,
        settings.writers,
        `platform-throughput-${tag}`,
        timeoutMs,
      ),
    );
    step(
      `round ${round}/${settings.rounds}: latency at ${settings.rate}/s for ${settings.seconds} s, raw then platform`,
    );
    const rawLatency = await metered(() =>
      raw.latency(
        take(latencyCount),
        settings.rate,
        settings.seconds,
        settings.tickMs,
        `raw-latency-${tag}`,
        timeoutMs,
      ),
    );
    if (settings.vacuum === 1) await platform.vacuumOutbox();
    const platformLatency = await metered(() =>
      platform.latency(
        take(latencyCount),
        settings.rate,
        settings.seconds,
        settings.tickMs,
        `platform-latency-${tag}`,
        timeoutMs,
      ),
    );
    rounds.push({ rawThroughput, platformThroughput, rawLatency, platformLatency });
  }

  let diagnostics: Diagnostics | undefined;
  if (settings.diagnostics === 1) {
    step(`diagnostics: consumer alone, then a backlog of ${settings.count} events`);
    const consumerAlone = await metered(() =>
      platform.consumerAlone(
        take(settings.count),
        settings.count,
        settings.rawWindow,
        'consumer-alone',
        timeoutMs,
      ),
    );
    const backlog = await metered(() =>
      platform.backlog(take(settings.count), settings.count, 'backlog', timeoutMs),
    );
    diagnostics = { consumerAlone, backlog, pendingRead: await platform.pendingReadCost() };
  }

  console.log(renderReport(rounds, diagnostics));
  console.log('');
  console.log(
    `load average after: ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

async function main(): Promise<number> {
  const settings = readBenchSettings(process.argv.slice(2), process.env);
  const cleanup = new CleanupStack();
  const stop = (reason: string, code: number) => {
    console.error(`\nbench stopped: ${reason}; cleaning up`);
    void cleanup.runAll().finally(() => process.exit(code));
  };
  process.once('SIGINT', () => stop('interrupted', 130));
  process.once('SIGTERM', () => stop('terminated', 143));
  const bound = setTimeout(() => stop(`over ${settings.maxSeconds} s`, 1), settings.maxSeconds * 1000);
  try {
    await run(settings, cleanup);
    return 0;
  } catch (error) {
    console.error(`bench failed: ${(error as Error).stack ?? error}`);
    return 1;
  } finally {
    clearTimeout(bound);
    process.stderr.write('… cleaning up\n');
    await cleanup.runAll();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
