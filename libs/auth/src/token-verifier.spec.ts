import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { AuthenticationError, DevelopmentKeyRefusedError, VerifierUnavailableError } from './auth.errors';
import { developmentKey, signDevelopmentToken } from './development-token';
import type { Role } from './roles';
import { TokenVerifier } from './token-verifier';

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

const issuer = 'tripartite-test';
const audience = 'tripartite';
const secret = 'a-development-secret-of-at-least-32-characters';
const devVerifier = TokenVerifier.create({ nodeEnv: 'test', issuer, audience, developmentSecret: secret });

function devToken(overrides: Partial<Parameters<typeof signDevelopmentToken>[0]> = {}) {
  return signDevelopmentToken({
    subject: 'marie.dupont',
    roles: ['direccte'],
    region: '11',
    issuer,
    audience,
    secret,
    ...overrides,
  });
}

async function assertRefused(token: Promise<string> | string, pattern: RegExp, verifier = devVerifier) {
  await assert.rejects(verifier.verify(await token), (error: unknown) => {
    assert.ok(error instanceof AuthenticationError, `expected AuthenticationError, got ${String(error)}`);
    assert.equal(error.code, 'AUTH.UNAUTHENTICATED');
    assert.match(error.message, pattern);
    return true;
  });
}

describe('TokenVerifier with the development key', () => {
  it('turns the claims of a valid token into the actor of the request context', async () => {
    const actor = await devVerifier.verify(await devToken({ organisationId: 'org-42' }));
    assert.deepEqual(actor, {
      subject: 'marie.dupont',
      roles: ['direccte'],
      region: '11',
      organisationId: 'org-42',
    });
  });

  it('refuses an expired token', async () => {
    const expired = new SignJWT({ roles: ['direccte'], region: '11' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('marie.dupont')
      .setIssuer(issuer)
      .setAudience(audience)
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(developmentKey(secret));
    await assertRefused(expired, /expired/);
  });

  it('refuses a token without an expiry', async () => {
    const eternal = new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('root')
      .setIssuer(issuer)
      .setAudience(audience)
      .sign(developmentKey(secret));
    await assertRefused(eternal, /"exp" is missing/);
  });

  it('refuses a token from another issuer', async () => {
    await assertRefused(devToken({ issuer: 'someone-else' }), /"iss"/);
  });

  it('refuses a token meant for another audience', async () => {
    await assertRefused(devToken({ audience: 'another-api' }), /"aud"/);
  });

  it('refuses a token signed with another key', async () => {
    await assertRefused(
      devToken({ secret: 'another-secret-that-is-also-32-characters-long' }),
      /trusted key/,
    );
  });

  it('refuses a malformed token', async () => {
    await assertRefused('not.a.jwt', /malformed/);
  });

  it('refuses a regional role without a region, but not a national one', async () => {
    await assertRefused(devToken({ region: undefined }), /"region" is required/);
    const national = await devVerifier.verify(await devToken({ roles: ['national'], region: undefined }));
    assert.equal(national.region, null);
  });

  it('keeps only the platform roles and refuses a token with none', async () => {
    const token = new SignJWT({ roles: ['offline_access', 'caisse'], region: '93' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('carsat-sud-est')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(developmentKey(secret));
    assert.deepEqual((await devVerifier.verify(await token)).roles, ['caisse']);
    const foreignRoles = ['offline_access'] as unknown as Role[];
    await assertRefused(devToken({ roles: foreignRoles }), /no Tripartite role/);
  });

  it('is refused in production, where only the identity provider is trusted', () => {
    assert.throws(
      () => TokenVerifier.create({ nodeEnv: 'production', issuer, audience, developmentSecret: secret }),
      DevelopmentKeyRefusedError,
    );
  });
});

describe('TokenVerifier against a JWKS URL', () => {
  let server: Server;
  let jwksUrl: string;
  let signingKey: PrivateKey;
  let verifier: TokenVerifier;

  before(async () => {
    const pair = await generateKeyPair('RS256');
    signingKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'key-1', alg: 'RS256', use: 'sig' };
    server = createServer((request, response) => {
      if (request.url !== '/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    verifier = TokenVerifier.create({ nodeEnv: 'production', issuer, audience, jwksUrl });
  });

  after(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  function providerToken(claims: Record<string, unknown>, key: PrivateKey = signingKey) {
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .setSubject('agent.dreets@idf')
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('5m')
      .sign(key);
  }

  it('accepts a token signed by the provider, in production', async () => {
    const actor = await verifier.verify(await providerToken({ roles: ['direccte'], region: '11' }));
    assert.equal(actor.subject, 'agent.dreets@idf');
    assert.deepEqual(actor.roles, ['direccte']);
  });

  it('refuses a development token once a JWKS is configured', async () => {
    await assertRefused(devToken(), /algorithm that is not accepted/, verifier);
  });

  it('refuses a token signed by a key the provider does not publish', async () => {
    const stranger = await generateKeyPair('RS256');
    await assertRefused(providerToken({ roles: ['admin'] }, stranger.privateKey), /trusted key/, verifier);
  });

  it('reports an unreachable provider as unavailable, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/jwks.json`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const orphan = TokenVerifier.create({ nodeEnv: 'production', issuer, audience, jwksUrl: url });
    await assert.rejects(orphan.verify(await providerToken({ roles: ['admin'] })), VerifierUnavailableError);
  });
});
