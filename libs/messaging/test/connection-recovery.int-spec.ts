import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Logger } from '@nestjs/common';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { AmqpConnection } from '@tripartite/messaging';
import { expectEventually, TcpProxy } from '@tripartite/testing';
import type { ChannelModel } from 'amqplib';

// The flake of broker-outage.int-spec.ts, made deterministic: the broker drops the connection after the
// AMQP handshake but before the service has declared its channels (the producer of that test connects
// while its first events are written, and the test cut the proxy right then). amqplib's recovery only
// listens to a new connection once the setup is over; the socket error had no listener, amqplib threw
// from its socket handler before closing the connection, the setup waited forever on a channel that
// would never open, and the service never reconnected: no event left the outbox again.
describe('the broker drops the connection while the service sets up its channels', () => {
  const proxy = new TcpProxy('127.0.0.1', 5672);
  let connection: AmqpConnection | undefined;
  before(() => Logger.overrideLogger(false)); // the reconnection warnings are expected here
  after(async () => {
    await connection?.close();
    await proxy.stop();
  });

  it('reconnects once the broker is back and runs the setup again, to the end', async () => {
    const port = await proxy.start();
    const config = loadConfig(serviceConfigSchema('recovery', 0), {
      AMQP_URL: `amqp://guest:guest@127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
    });
    connection = new AmqpConnection(config);
    const setups: ('started' | 'completed')[] = [];
    let cutDone: Promise<void> | undefined;
    await connection.onConnected(async (model: ChannelModel) => {
      setups.push('started');
      if (setups.length === 1) {
        // The broker goes away in the middle of the first setup, between two channel operations.
        cutDone = proxy.cut();
        await cutDone;
      }
      const channel = await model.createChannel();
      await channel.close();
      setups.push('completed');
    });
    await expectEventually(() => assert.ok(cutDone, 'the first setup started'), { timeoutMs: 15_000 });
    await cutDone;
    assert.equal(connection.connected, false);
    await proxy.restore();

    await expectEventually(() => assert.equal(connection?.connected, true), { timeoutMs: 20_000 });
    assert.deepEqual(setups.slice(0, 1), ['started']);
    assert.equal(setups.at(-1), 'completed', 'a later setup ran to its end');
  });
});
