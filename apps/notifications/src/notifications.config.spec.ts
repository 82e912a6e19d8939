import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '@tripartite/config';
import { notificationsConfigSchema } from './notifications.config';

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
    assert.throws(
      () =>
        loadConfig(notificationsConfigSchema, {
          NODE_ENV: 'production',
          AUTH_JWKS_URL: 'https://oidc.example.fr/jwks.json',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /SMTP_HOST/.test(error.message) &&
        /PUBLIC_BASE_URL/.test(error.message),
    );
  });

  it('names a bad variable', () => {
    assert.throws(
      () => loadConfig(notificationsConfigSchema, { SMTP_PORT: 'twenty-five', PUBLIC_BASE_URL: 'ftp://x' }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /SMTP_PORT/.test(error.message) &&
        /PUBLIC_BASE_URL/.test(error.message),
    );
  });

  it('never falls back on the development catcher in production: SMTP_HOST is required even with everything else set', () => {
    assert.throws(
      () =>
        loadConfig(notificationsConfigSchema, {
          NODE_ENV: 'production',
          AUTH_JWKS_URL: 'https://oidc.example.fr/jwks.json',
          PUBLIC_BASE_URL: 'https://tripartite.example.fr',
          SMTP_PORT: '1025',
        }),
      (error: unknown) =>
        error instanceof ConfigError &&
        /SMTP_HOST/.test(error.message) &&
        !/PUBLIC_BASE_URL/.test(error.message),
    );
    const production = loadConfig(notificationsConfigSchema, {
      NODE_ENV: 'production',
      AUTH_JWKS_URL: 'https://oidc.example.fr/jwks.json',
      PUBLIC_BASE_URL: 'https://tripartite.example.fr',
      SMTP_HOST: 'smtp.example.fr',
    });
    assert.equal(production.SMTP_HOST, 'smtp.example.fr');
  });
});
