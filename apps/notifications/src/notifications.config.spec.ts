import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '@tripartite/config';
import { notificationsConfigSchema } from './notifications.config';

/** The message of the ConfigError that refuses the variables `env`. */
function refusalOf(env: Record<string, string>): string {
  try {
    loadConfig(notificationsConfigSchema, env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('notifications configuration', () => {
  it('works on a development machine with no variable set: local SMTP catcher, local gateway', () => {
    const config = loadConfig(notificationsConfigSchema, {});
    assert.equal(config.SERVICE_NAME, 'notifications');
    assert.equal(config.HTTP_PORT, 3004);
    assert.equal(config.SMTP_HOST, '127.0.0.1');
    assert.equal(config.SMTP_PORT, 1025);
    assert.equal(config.SMTP_SECURE, false);
    assert.equal(config.MAIL_FROM, 'Tripartite <no-reply@tripartite.local>');
    assert.equal(config.PUBLIC_BASE_URL, 'http://127.0.0.1:3000');
    assert.equal(config.MAIL_JOB_LOCK_MS, 30_000);
  });

  it('reads the SMTP relay and the public address, without a trailing slash', () => {
    const config = loadConfig(notificationsConfigSchema, {
      SMTP_HOST: 'smtp.example.fr',
      SMTP_PORT: '465',
      SMTP_SECURE: 'true',
      SMTP_USER: 'tripartite',
      SMTP_PASSWORD: 'secret',
      PUBLIC_BASE_URL: 'https://tripartite.example.fr/',
    });
    assert.equal(config.SMTP_HOST, 'smtp.example.fr');
    assert.equal(config.SMTP_PORT, 465);
    assert.equal(config.SMTP_SECURE, true);
    assert.equal(config.PUBLIC_BASE_URL, 'https://tripartite.example.fr');
  });

  it('refuses to boot in production without its own SMTP relay and public address, naming both', () => {
    const message = refusalOf({
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://oidc.example.fr/jwks.json',
    });
    assert.match(message, /SMTP_HOST/);
    assert.match(message, /PUBLIC_BASE_URL/);
  });

  it('names a bad variable', () => {
    const message = refusalOf({ SMTP_PORT: 'twenty-five', PUBLIC_BASE_URL: 'ftp://x' });
    assert.match(message, /SMTP_PORT/);
    assert.match(message, /PUBLIC_BASE_URL/);
  });

  it('never falls back on the development catcher in production: SMTP_HOST is required even with everything else set', () => {
    const everythingElse = {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://oidc.example.fr/jwks.json',
      PUBLIC_BASE_URL: 'https://tripartite.example.fr',
    };
    const message = refusalOf({ ...everythingElse, SMTP_PORT: '1025' });
    assert.match(message, /SMTP_HOST/);
    assert.doesNotMatch(message, /PUBLIC_BASE_URL/);
    const production = loadConfig(notificationsConfigSchema, {
      ...everythingElse,
      SMTP_HOST: 'smtp.example.fr',
    });
    assert.equal(production.SMTP_HOST, 'smtp.example.fr');
  });
});
