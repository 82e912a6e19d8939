import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller } from '@nestjs/common';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { deleteBrokerObjects } from './support/broker-admin';
import { startTestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';

@Controller()
class NoHandlers {}

describe('booting a consuming service', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  before(async () => {
    const db = await createTestDatabase('boot_checks');
    drop = db.drop;
    env = isolatedEnvironment('boot_checks', db.name);
  });
  after(async () => {
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['consumer']);
    await drop();
  });

  it('stops when it binds a routing key that no @EventPattern handles', async () => {
    await assert.rejects(
      startTestService({ service: 'consumer', env, consumes: ['thing.happened'], controllers: [NoHandlers] }),
      /thing.happened is bound but has no @EventPattern handler/,
    );
  });

  it('stops when a handler listens to a routing key the service does not bind', async () => {
    await assert.rejects(
      startTestService({ service: 'consumer', env, consumes: [], controllers: [ThingConsumer] }),
      /@EventPattern\('thing.happened'\) is not in consumes/,
    );
  });

  it('stops when it binds an event the catalogue does not know', async () => {
    await assert.rejects(
      startTestService({
        service: 'consumer',
        env,
        consumes: ['thing.happened', 'nothing.known'],
        controllers: [ThingConsumer],
      }),
      /nothing.known is not in the event catalogue/,
    );
  });
});
