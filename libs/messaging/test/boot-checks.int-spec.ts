import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { type EnvelopeOf, EventPattern, MessagingHealth } from '@tripartite/messaging';
import { createTestDatabase, expectEventually, isolatedEnvironment } from '@tripartite/testing';
import { deleteBrokerObjects, publishRaw, queueExists } from './support/broker-admin';
import { rawEnvelope } from './support/raw-envelope';
import { startTestService } from './support/test-service';
import { ThingConsumer } from './support/thing.consumer';
import { notesOf } from './support/two-services';

@Controller()
class NoHandlers {}

@Controller()
class UnknownEventConsumer {
  @EventPattern('nothing.known')
  onNothing(_event: EnvelopeOf<'nothing.known'>): void {}
}

@Controller()
class SecondThingConsumer {
  @EventPattern('thing.happened')
  onThingToo(_event: EnvelopeOf<'thing.happened'>): void {}
}

@Controller()
class ThingRequestHandler {
  @MessagePattern('thing.happened')
  answer(): string {
    return 'a reply nobody waits for';
  }
}

// Platform rule (ADR 0011): what a service consumes is what its @EventPattern handlers name, nothing else.
describe('booting a consuming service', () => {
  let env: Record<string, string>;
  let drop: () => Promise<void>;
  before(async () => {
    const db = await createTestDatabase('boot_checks');
    drop = db.drop;
    env = isolatedEnvironment('boot_checks', db.name);
  });
  after(async () => {
    await deleteBrokerObjects(env.AMQP_EXCHANGE, env.AMQP_QUEUE_PREFIX, ['consumer', 'idle']);
    await drop();
  });

  it('stops, naming it, when a handler names an event the catalogue does not know', async () => {
    await assert.rejects(
      startTestService({ service: 'consumer', env, controllers: [ThingConsumer, UnknownEventConsumer] }),
      /@EventPattern\('nothing.known'\) names no event of the catalogue/,
    );
  });

  it('stops, naming it, when one event type has two handlers', async () => {
    await assert.rejects(
      startTestService({ service: 'consumer', env, controllers: [ThingConsumer, SecondThingConsumer] }),
      /thing.happened has more than one handler/,
    );
  });

  it('stops, naming it, when a handler is a @MessagePattern (a request awaiting a reply)', async () => {
    await assert.rejects(
      startTestService({ service: 'consumer', env, controllers: [ThingRequestHandler] }),
      /thing.happened must be an @EventPattern, not a @MessagePattern/,
    );
  });

  it('declares no queue when it has no handler, and is ready', async () => {
    const idle = await startTestService({ service: 'idle', env, controllers: [NoHandlers] });
    try {
      assert.deepEqual(idle.transport.consumedTypes, []);
      await idle.app.get(MessagingHealth).checkConsumers();
      assert.equal(await queueExists(idle.transport.queues.main), false);
      assert.equal(await queueExists(idle.transport.queues.parked), false);
    } finally {
      await idle.close();
    }
  });

  it('binds its queue to the types its handlers name, with nothing else listed', async () => {
    const consumer = await startTestService({ service: 'consumer', env, controllers: [ThingConsumer] });
    try {
      assert.deepEqual(consumer.transport.consumedTypes, ['thing.happened']);
      await consumer.app.get(MessagingHealth).checkConsumers();
      const event = rawEnvelope('thing.happened', 1, { note: 'bound from its handler' });
      await publishRaw(env.AMQP_EXCHANGE, 'thing.happened', event);
      await expectEventually(async () =>
        assert.deepEqual(await notesOf(consumer, String(event.aggregateId)), ['bound from its handler']),
      );
    } finally {
      await consumer.close();
    }
  });
});
