import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually } from '@tripartite/testing';
import { publishThing, startTestService, type TestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';
import { startTwoServices, type TwoServices } from './support/two-services';

describe('two replicas of one consuming service', () => {
  let services: TwoServices;
  let secondReplica: TestService;

  before(async () => {
    services = await startTwoServices('competing');
    // Same service name, database and queue as the first replica: a second pod of the same Deployment.
    secondReplica = await startTestService({
      service: 'consumer',
      env: services.consumerEnv,
      controllers: [ThingConsumer],
    });
  });
  after(async () => {
    await secondReplica?.close();
    await services?.teardown();
  });

  it('share the queue: both take work, and every event is applied once', async () => {
    const { producer, consumer } = services;
    const total = 120;
    const aggregates = Array.from({ length: 12 }, () => randomUUID());
    for (let i = 0; i < total; i++) {
      await publishThing(producer, aggregates[i % aggregates.length], { note: `n${i}`, workMs: 5 });
    }
    await expectEventually(
      async () => {
        const [row] = await consumer.dataSource.query(
          'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effects',
        );
        assert.deepEqual(row, { n: total, d: total });
      },
      { timeoutMs: 20_000 },
    );
    const first = consumer.transport.outcomes.applied;
    const second = secondReplica.transport.outcomes.applied;
    assert.equal(first + second, total);
    assert.ok(first > 0 && second > 0, `both replicas applied events (${first} and ${second})`);
  });
});
