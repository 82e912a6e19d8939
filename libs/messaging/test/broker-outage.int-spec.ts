import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { expectEventually, TcpProxy } from '@tripartite/testing';
import { publishThing } from './support/test-service';
import { startTwoServices, type TwoServices } from './support/two-services';

// The broker is "stopped" for this file's services by cutting a proxy in front of it: stopping the
// shared RabbitMQ itself would break the test files running in parallel. The services see the same
// thing either way: connections dropped, new ones refused, then accepted again on the same address.
describe('the broker stopped while events are written, then started', () => {
  const proxy = new TcpProxy('127.0.0.1', 5672);
  let services: TwoServices;

  before(async () => {
    const port = await proxy.start();
    const viaProxy = { AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}` };
    services = await startTwoServices('outage', { producerEnv: viaProxy, consumerEnv: viaProxy });
  });
  after(async () => {
    await proxy.stop();
    await services?.teardown();
  });

  it('delivers every event once the broker is back, none twice in effect', async () => {
    const { producer, consumer } = services;
    const aggregateId = randomUUID();
    const written: string[] = [];
    for (let i = 0; i < 20; i++)
      written.push(await publishThing(producer, aggregateId, { note: `before ${i}` }));
    await proxy.cut();
    for (let i = 0; i < 30; i++)
      written.push(await publishThing(producer, aggregateId, { note: `during ${i}` }));
    const pending = await producer.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
    );
    assert.ok(pending[0].n > 0, 'rows wait in the outbox while the broker is away');
    await proxy.restore();

    await expectEventually(
      async () => {
        const rows = await consumer.dataSource.query(
          'SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS d FROM effects WHERE aggregate_id = $1',
          [aggregateId],
        );
        assert.deepEqual(rows[0], { n: 50, d: 50 });
      },
      { timeoutMs: 30_000 },
    );
    const notes: { note: string }[] = await consumer.dataSource.query(
      'SELECT note FROM effects WHERE aggregate_id = $1 ORDER BY id',
      [aggregateId],
    );
    assert.deepEqual(
      notes.map((n) => n.note),
      [
        ...Array.from({ length: 20 }, (_, i) => `before ${i}`),
        ...Array.from({ length: 30 }, (_, i) => `during ${i}`),
      ],
      'one aggregate keeps its order',
    );
    const unsent = await producer.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL',
    );
    assert.equal(unsent[0].n, 0);
    assert.equal(written.length, 50);
  });
});
