import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishThing, startTestService, type TestService } from './support/test-service';
import { type TwoServiceEnvironments, twoServiceEnvironments } from './support/two-services';

function startConsumerProcess(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, [join(__dirname, 'fixtures', 'consumer-process.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`consumer exited early with ${code}`)));
  });
}

describe('SIGTERM during a burst of events', () => {
  let producer: TestService;
  let env: Record<string, string>;
  let consumerEnv: Record<string, string>;
  let environments: TwoServiceEnvironments | undefined;
  let consumer: ChildProcess | undefined;

  before(async () => {
    environments = await twoServiceEnvironments('sigterm', { SHUTDOWN_GRACE_MS: '5000' });
    ({ env, consumerEnv } = environments);
    producer = await startTestService({ service: 'producer', env });
  });
  after(async () => {
    consumer?.kill('SIGKILL');
    await producer?.close();
    await environments?.dispose();
  });

  it('loses nothing and does nothing twice once the service restarts, and exits within 10 s', async () => {
    consumer = await startConsumerProcess(consumerEnv);
    const aggregates = Array.from({ length: 10 }, () => randomUUID());
    const total = 150;
    // 100 ms each: the burst (seconds) outlasts what a SIGTERM lets finish (the 20 prefetched), even on a
    // fast run; with 25 ms the whole burst was sometimes applied before the signal arrived.
    for (let i = 0; i < total; i++) {
      await publishThing(producer, aggregates[i % aggregates.length], { note: `e${i}`, workMs: 100 });
    }
    // Wait until the consumer is busy (the TestService connection reads the consumer's database).
    const { Client } = await import('pg');
    const db = new Client({
      connectionString: `postgres://postgres@127.0.0.1:5432/${consumerEnv.DATABASE_NAME}`,
    });
    await db.connect();
    const count = async () =>
      (await db.query('SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effects')).rows[0];
    try {
      await expectEventually(async () => assert.ok((await count()).n >= 20));
      const stoppedAt = Date.now();
      const exited = new Promise<number | null>((resolve) => consumer?.once('exit', (code) => resolve(code)));
      consumer.kill('SIGTERM');
      await exited;
      const shutdownMs = Date.now() - stoppedAt;
      assert.ok(shutdownMs < 10_000, `exited in ${shutdownMs} ms`);
      const atStop = await count();
      assert.ok(atStop.n < total, 'the burst was really interrupted');

      consumer = await startConsumerProcess(consumerEnv);
      await expectEventually(async () => assert.deepEqual(await count(), { n: total, d: total }), {
        timeoutMs: 30_000,
      });
    } finally {
      await db.end();
    }
  });
});
