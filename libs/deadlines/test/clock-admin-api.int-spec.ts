import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { expectEventually } from '@tripartite/testing';
import {
  adjustableClockOf,
  DAY_MS,
  inMs,
  type Replica,
  reminder,
  withDeadlinesTestWorld,
} from './support/deadlines-test-world';

interface InjectResponse {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  json(): Record<string, unknown>;
}
type Inject = (request: {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: unknown;
}) => Promise<InjectResponse>;

function injectorOf(replica: Replica): Inject {
  const fastify = replica.http?.getHttpAdapter().getInstance() as { inject: Inject };
  return (request) => fastify.inject(request);
}

// Issue 3, clock: "time can be moved forward (an admin-only operation, refused in production) and the
// deadlines that become due fire".
describe('the admin clock API', () => {
  let inject: Inject;
  let adminToken: string;

  const tokenFor = (role: Role) =>
    signDevelopmentToken({
      subject: `test-${role}`,
      roles: [role],
      region: '11',
      issuer: setup.world.config.AUTH_ISSUER,
      audience: setup.world.config.AUTH_AUDIENCE,
      secret: setup.world.config.AUTH_DEV_SECRET,
      ttl: '10m',
    });

  const setup = withDeadlinesTestWorld('deadlines_clock_api', [{ http: true }, {}]);
  before(async () => {
    inject = injectorOf(setup.replicas[0]);
    adminToken = await tokenFor('admin');
  });

  it('moves time forward for every process and fires what became due', async () => {
    const [_api, other] = setup.replicas;
    const deadline = await other.dataSource.transaction((m) =>
      other.scheduler.schedule(m, reminder('agreement-api', inMs(other, 3 * DAY_MS))),
    );
    const response = await inject({
      method: 'POST',
      url: '/api/v1/admin/clock/advance',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { days: 2, hours: 24, minutes: 1 },
    });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    const expectedOffset = 3 * DAY_MS + 60_000;
    assert.equal(body.offsetMs, expectedOffset);
    assert.equal(body.adjustable, true);
    assert.ok(Math.abs(Date.parse(String(body.now)) - (Date.now() + expectedOffset)) < 5_000);

    await expectEventually(() => assert.equal(adjustableClockOf(other).offset, expectedOffset));
    await expectEventually(async () =>
      assert.equal((await other.scheduler.find(deadline.id))?.status, 'fired'),
    );

    const read = await inject({
      method: 'GET',
      url: '/api/v1/admin/clock',
      headers: { authorization: `Bearer ${adminToken}` },
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().offsetMs, expectedOffset);
  });

  it('answers 401 without a token and 403 to a role other than admin', async () => {
    const [api] = setup.replicas;
    const anonymous = await inject({
      method: 'POST',
      url: '/api/v1/admin/clock/advance',
      payload: { days: 1 },
    });
    assert.equal(anonymous.statusCode, 401);
    const sst = await inject({
      method: 'POST',
      url: '/api/v1/admin/clock/advance',
      headers: { authorization: `Bearer ${await tokenFor('sst')}` },
      payload: { days: 1 },
    });
    assert.equal(sst.statusCode, 403);
    assert.equal(adjustableClockOf(api).offset, 3 * DAY_MS + 60_000, 'time did not move');
  });

  it('answers 400 naming each bad field of the body', async () => {
    const response = await inject({
      method: 'POST',
      url: '/api/v1/admin/clock/advance',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: { days: -1, weeks: 2 },
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
    const fields = (response.json().errors as { field: string }[]).map((e) => e.field).join(' ');
    assert.match(fields, /days/);
    assert.match(fields, /weeks/);

    const empty = await inject({
      method: 'POST',
      url: '/api/v1/admin/clock/advance',
      headers: { authorization: `Bearer ${adminToken}` },
      payload: {},
    });
    assert.equal(empty.statusCode, 400);
  });

  it('refuses to move time in production, with 409 and code CLOCK.ADJUSTMENT_REFUSED', async () => {
    const { world } = setup;
    const production = await world.start({ production: true, http: true, worker: false, reconciler: false });
    try {
      const response = await injectorOf(production)({
        method: 'POST',
        url: '/api/v1/admin/clock/advance',
        payload: { days: 1 },
      });
      assert.equal(response.statusCode, 409);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      assert.equal(response.json().code, 'CLOCK.ADJUSTMENT_REFUSED');
      const read = await injectorOf(production)({ method: 'GET', url: '/api/v1/admin/clock' });
      assert.equal(read.json().adjustable, false);
      assert.equal(read.json().offsetMs, 0);
      // Nor does a production process take the offset the others share.
      assert.ok(Math.abs(production.clock.now().getTime() - Date.now()) < 1_000);
    } finally {
      await production.close();
    }
  });
});
