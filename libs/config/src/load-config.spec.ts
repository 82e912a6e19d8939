import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { serviceConfigSchema } from './platform-config.schema';

describe('loadConfig', () => {
  const schema = serviceConfigSchema('agreements', 3001);

  it('boots on this machine with no environment at all', () => {
    const config = loadConfig(schema, {});
    assert.equal(config.HTTP_PORT, 3001);
    assert.equal(config.DATABASE_NAME, 'tripartite_agreements');
    assert.equal(config.AMQP_URL, 'amqp://guest:guest@127.0.0.1:5672');
  });

  it('stops the boot naming every invalid variable', () => {
    assert.throws(
      () => loadConfig(schema, { HTTP_PORT: 'abc', AMQP_URL: 'http://x' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        const names = error.problems.map((p) => p.variable).sort();
        assert.deepEqual(names, ['AMQP_URL', 'HTTP_PORT']);
        assert.match(error.message, /HTTP_PORT: must be a whole number/);
        return true;
      },
    );
  });

  it('requires a JWKS URL in production, where the development key is refused', () => {
    assert.throws(() => loadConfig(schema, { NODE_ENV: 'production' }), /AUTH_JWKS_URL/);
  });
});
