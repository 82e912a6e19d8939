import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ParkedMessageSummary } from '@tripartite/messaging';
import { createTestDatabase, expectEventually, isolatedEnvironment, testToken } from '@tripartite/testing';
import { deleteBrokerObjects, publishRaw } from './support/broker-admin';
import { rawEnvelope } from './support/raw-envelope';
import { publishThing, startTestService, type TestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';
import { notesOf } from './support/two-services';

interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  json(): Record<string, unknown>;
}

/** An item of the list, as the API answers it. */
type ParkedItem = Omit<ParkedMessageSummary, 'parkedAt'> & { parkedAt: string };

const BASE = '/api/v1/admin/consumer/parked-messages';

// Platform rule: the admin view of a service's parked messages is for the admin role only, and a replay
// is audited and applies each event at most once (ADR 0011).
describe('the admin view of parked messages', () => {
  let producer: TestService;
  let consumer: TestService;
  let env: Record<string, string>;
  let admin: string;
  const drops: (() => Promise<void>)[] = [];

  function call(
    method: 'GET' | 'POST',
    url: string,
    token?: string,
    payload?: unknown,
  ): Promise<InjectResponse> {
    const fastify = consumer.app.getHttpAdapter().getInstance() as {
      inject(request: object): Promise<InjectResponse>;
    };
    return fastify.inject({
      method,
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload }),
    });
  }

  async function listAll(): Promise<ParkedItem[]> {
    const response = await call('GET', `${BASE}?pageSize=200`, admin);
    assert.equal(response.statusCode, 200);
    return response.json().items as ParkedItem[];
  }

  before(async () => {
    const producerDb = await createTestDatabase('parked_api_producer');
    const consumerDb = await createTestDatabase('parked_api_consumer');
    drops.push(producerDb.drop, consumerDb.drop);
    env = isolatedEnvironment('parked_api', producerDb.name);
    consumer = await startTestService({
      service: 'consumer',
      env: { ...env, DATABASE_NAME: consumerDb.name },
      controllers: [ThingConsumer],
      adminApi: true,
    });
    producer = await startTestService({ service: 'producer', env });
    admin = await testToken(consumer.config, { roles: ['admin'] });
  });
  after(async () => {
    await producer?.close();
    await consumer?.close();
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['consumer']);
    for (const drop of drops) await drop();
  });

  let blockedEventId: string;
  const blockedAggregate = randomUUID();

  it('lists what was parked, paged, with type, version, event id, reason, time and tries', async () => {
    await consumer.dataSource.query("INSERT INTO blocked_notes (note) VALUES ('blocked')");
    blockedEventId = await publishThing(producer, blockedAggregate, { note: 'blocked' });
    const invalid = [
      rawEnvelope('thing.happened', 1, { note: 1 }),
      rawEnvelope('thing.happened', 1, { note: 2 }),
    ];
    for (const envelope of invalid) await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', envelope);

    const items = await expectEventually(async () => {
      const all = await listAll();
      assert.equal(all.length, 3);
      return all;
    });
    const blocked = items.find((item) => item.eventId === blockedEventId);
    assert.equal(blocked?.type, 'thing.happened');
    assert.equal(blocked?.version, 1);
    assert.equal(blocked?.attempts, 3);
    assert.match(blocked?.reason ?? '', /handler failed 3 times: note "blocked" is blocked/);
    assert.ok(!Number.isNaN(Date.parse(blocked?.parkedAt ?? '')));
    for (const envelope of invalid) {
      const item = items.find((i) => i.eventId === envelope.id);
      assert.match(item?.reason ?? '', /^invalid payload: note/);
    }

    const first = await call('GET', `${BASE}?page=1&pageSize=2`, admin);
    const second = await call('GET', `${BASE}?page=2&pageSize=2`, admin);
    assert.deepEqual(
      [first.json().total, first.json().page, first.json().pageSize, (first.json().items as []).length],
      [3, 1, 2, 2],
    );
    assert.equal((second.json().items as []).length, 1);
    const paged = [...(first.json().items as ParkedItem[]), ...(second.json().items as ParkedItem[])];
    assert.deepEqual(
      paged.map((item) => item.id),
      items.map((item) => item.id),
      'pages follow one order, oldest first',
    );
  });

  it('answers 401 without a token and 403 to a role other than admin, and replays nothing', async () => {
    const direccte = await testToken(consumer.config, { roles: ['direccte'], region: '53' });
    assert.equal((await call('GET', BASE)).statusCode, 401);
    assert.equal((await call('POST', `${BASE}/replay`, undefined, { all: true })).statusCode, 401);
    assert.equal((await call('GET', BASE, direccte)).statusCode, 403);
    const refused = await call('POST', `${BASE}/replay`, direccte, { all: true });
    assert.equal(refused.statusCode, 403);
    assert.match(String(refused.headers['content-type']), /^application\/problem\+json/);
    assert.equal((await listAll()).length, 3, 'still parked');
  });

  it('answers 400 naming the field for a bad query or body', async () => {
    const query = await call('GET', `${BASE}?pageSize=500`, admin);
    assert.equal(query.statusCode, 400);
    assert.match(JSON.stringify(query.json().errors), /pageSize/);
    for (const body of [{}, { ids: [] }, { ids: ['not-a-uuid'] }, { ids: [randomUUID()], all: true }]) {
      const response = await call('POST', `${BASE}/replay`, admin, body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.match(JSON.stringify(response.json().errors), /ids/);
    }
  });

  it('replays the ids given once the cause is fixed: applied once, audited, and not found a second time', async () => {
    const [blocked] = (await listAll()).filter((item) => item.eventId === blockedEventId);
    await consumer.dataSource.query("DELETE FROM blocked_notes WHERE note = 'blocked'");

    const replay = await call('POST', `${BASE}/replay`, admin, { ids: [blocked.id.toUpperCase()] });
    assert.equal(replay.statusCode, 200);
    assert.deepEqual(replay.json(), { replayed: [blocked.id], notFound: [] });
    await expectEventually(async () =>
      assert.deepEqual(await notesOf(consumer, blockedAggregate), ['blocked']),
    );
    assert.equal((await listAll()).length, 2, 'the other two stay parked');

    const again = await call('POST', `${BASE}/replay`, admin, { ids: [blocked.id] });
    assert.deepEqual(again.json(), { replayed: [], notFound: [blocked.id] });
    const [audit] = await consumer.dataSource.query(
      `SELECT actor_subject, summary, payload FROM audit_log
        WHERE action = 'parked_messages.replay' ORDER BY occurred_at LIMIT 1`,
    );
    assert.equal(audit.actor_subject, 'test-admin');
    assert.match(audit.summary, /1 parked message\(s\) put back on the consumer queue/);
    assert.equal(audit.payload.replayed[0].eventId, blockedEventId);
    assert.deepEqual(await notesOf(consumer, blockedAggregate), ['blocked'], 'applied once');
  });

  it('replays all: what still cannot be applied is parked again, with its reason', async () => {
    const before = await listAll();
    const replay = await call('POST', `${BASE}/replay`, admin, { all: true });
    assert.equal(replay.statusCode, 200);
    assert.deepEqual([...(replay.json().replayed as string[])].sort(), before.map((item) => item.id).sort());
    const after = await expectEventually(async () => {
      const items = await listAll();
      assert.equal(items.length, 2);
      return items;
    });
    assert.deepEqual(
      after.map((item) => item.eventId).sort(),
      before.map((item) => item.eventId).sort(),
      'the same events, parked anew',
    );
    for (const item of after) assert.match(item.reason, /^invalid payload: note/);
  });
});
