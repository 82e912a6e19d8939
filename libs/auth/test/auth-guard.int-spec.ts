import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  Controller,
  Get,
  type MiddlewareConsumer,
  Module,
  type NestModule,
  Param,
  Post,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  type AuthenticatedActor,
  AuthModule,
  CurrentActor,
  Public,
  RequireScope,
  type Role,
  Roles,
  ScopeEnforcer,
  signDevelopmentToken,
  TokenVerifier,
} from '@tripartite/auth';
import { currentContext, runWithContext } from '@tripartite/context';

const issuer = 'tripartite-guard-test';
const audience = 'tripartite';
const secret = 'guard-test-secret-that-is-at-least-32-characters';

@Controller()
class ProbeController {
  constructor(private readonly scope: ScopeEnforcer) {}

  @Public()
  @Get('health/live')
  live() {
    return { status: 'ok' };
  }

  @Get('me')
  me(@CurrentActor() actor: AuthenticatedActor) {
    return { actor, contextActor: currentContext()?.actor ?? null };
  }

  @Roles('direccte', 'admin')
  @Post('agreements')
  grant() {
    return { granted: true };
  }

  @RequireScope({ regionParam: 'region' })
  @Get('regions/:region/steering')
  steering(@Param('region') region: string) {
    return { region };
  }

  @RequireScope({ organisationParam: 'organisationId', access: 'act' })
  @Post('organisations/:organisationId/service-projects')
  submit(@Param('organisationId') organisationId: string) {
    return { organisationId };
  }

  /** A CPOM of Corse (94), party: an SST of Ajaccio and the CARSAT Sud-Est. */
  @Get('cpoms/:id')
  cpom(@Param('id') id: string) {
    this.scope.assertCanRead({ regions: ['94'], organisationIds: ['sst-ajaccio', 'carsat-sud-est'] });
    return { id };
  }
}

@Module({
  imports: [
    AuthModule.forRoot({
      verifier: TokenVerifier.create({ nodeEnv: 'test', issuer, audience, developmentSecret: secret }),
    }),
  ],
  controllers: [ProbeController],
})
class ProbeModule implements NestModule {
  // Stands in for the http library, which opens the request context of every request.
  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply((_request: unknown, _reply: unknown, next: () => void) =>
        runWithContext({ correlationId: 'test', causationId: null }, next),
      )
      .forRoutes('*path');
  }
}

function token(roles: Role[], region?: string, organisationId?: string) {
  return signDevelopmentToken({
    subject: `probe-${roles[0]}`,
    roles,
    region,
    organisationId,
    issuer,
    audience,
    secret,
  });
}

describe('AuthGuard on a Nest application', () => {
  let app: NestFastifyApplication;

  before(async () => {
    app = await NestFactory.create<NestFastifyApplication>(ProbeModule, new FastifyAdapter(), {
      logger: false,
    });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  after(async () => {
    await app.close();
  });

  async function call(method: 'GET' | 'POST', url: string, bearer?: string) {
    return app.inject({ method, url, headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  }

  it('answers 401 problem+json AUTH.UNAUTHENTICATED to a request without a token (issue 3 faults)', async () => {
    const response = await call('GET', '/me');
    assert.equal(response.statusCode, 401);
    assert.match(response.headers['content-type'] as string, /^application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.code, 'AUTH.UNAUTHENTICATED');
    assert.equal(problem.status, 401);
    assert.equal(typeof problem.type, 'string');
    assert.equal(typeof problem.title, 'string');
    assert.match(problem.detail, /bearer token is required/);
  });

  it('answers 401 to a token it cannot verify', async () => {
    const response = await call('GET', '/me', 'eyJhbGciOiJIUzI1NiJ9.e30.bogus');
    assert.equal(response.statusCode, 401);
    assert.equal(response.json().code, 'AUTH.UNAUTHENTICATED');
  });

  it('lets a @Public() route through without a token', async () => {
    const response = await call('GET', '/health/live');
    assert.equal(response.statusCode, 200);
  });

  it('gives the handler the verified actor, also through the request context', async () => {
    const response = await call('GET', '/me', await token(['sst'], '11', 'sst-paris'));
    assert.equal(response.statusCode, 200);
    const expected = { subject: 'probe-sst', roles: ['sst'], region: '11', organisationId: 'sst-paris' };
    assert.deepEqual(response.json(), { actor: expected, contextActor: expected });
  });

  it('answers 403 AUTH.FORBIDDEN_ROLE to a role the route does not admit', async () => {
    const refused = await call('POST', '/agreements', await token(['sst'], '11', 'sst-paris'));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(refused.json().code, 'AUTH.FORBIDDEN_ROLE');
    const admitted = await call('POST', '/agreements', await token(['direccte'], '11'));
    assert.equal(admitted.statusCode, 201);
  });

  it('answers 403 AUTH.FORBIDDEN_SCOPE to a token of another region (issue 3 faults)', async () => {
    const refused = await call('GET', '/regions/84/steering', await token(['direccte'], '11'));
    assert.equal(refused.statusCode, 403);
    assert.match(refused.headers['content-type'] as string, /^application\/problem\+json/);
    assert.equal(refused.json().code, 'AUTH.FORBIDDEN_SCOPE');
    assert.equal(
      (await call('GET', '/regions/11/steering', await token(['direccte'], '11'))).statusCode,
      200,
    );
    assert.equal((await call('GET', '/regions/84/steering', await token(['national']))).statusCode, 200);
  });

  it('answers 403 AUTH.FORBIDDEN_SCOPE to a token of another organisation (issue 3 faults)', async () => {
    const url = '/organisations/sst-lyon/service-projects';
    const refused = await call('POST', url, await token(['sst'], '84', 'sst-villeurbanne'));
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'AUTH.FORBIDDEN_SCOPE');
    assert.equal((await call('POST', url, await token(['sst'], '84', 'sst-lyon'))).statusCode, 201);
  });

  it('checks a loaded resource’s scope in the handler, regions and parties included', async () => {
    const outsider = await call('GET', '/cpoms/c-1', await token(['direccte'], '11'));
    assert.equal(outsider.statusCode, 403);
    assert.equal(outsider.json().code, 'AUTH.FORBIDDEN_SCOPE');
    // The CARSAT Sud-Est token says PACA (93); it is a party to this Corsican CPOM all the same.
    assert.equal(
      (await call('GET', '/cpoms/c-1', await token(['caisse'], '93', 'carsat-sud-est'))).statusCode,
      200,
    );
    assert.equal((await call('GET', '/cpoms/c-1', await token(['ars'], '94'))).statusCode, 200);
  });
});
