import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { PlatformConfig } from '@tripartite/config';
import { expectEventually, testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { ServiceDirectory } from '../src/directory/application/service-directory';
import { PartnershipProtocolReader } from '../src/partnership-protocol/application/partnership-protocol.reader';
import { startContracts } from './support/contracts-app';
import { DirectoryFacts } from './support/directory-facts';
import { fieldsAndRules, refusedWithoutTrace } from './support/refusals';

type Method = 'GET' | 'POST';

// Bretagne (53) and Pays de la Loire (52), as the directory's events describe them. The CARSAT covers both
// regions (a Caisse may cover two regions: domain.md); the CGSS is another Caisse.
const DREETS_53 = randomUUID();
const DREETS_52 = randomUUID();
const CARSAT = randomUUID();
const CGSS = randomUUID();
const AST_35 = randomUUID();
const SST_44 = randomUUID();
const SSTA = randomUUID();
const OTHER_SSTI = randomUUID();
const ARS_53 = randomUUID();

describe('Caisse/SSTI partnership protocols over HTTP (seed 000, programmes 2 and 6)', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let today: CalendarDate;

  before(async () => {
    const started = await startContracts('contracts_protocols');
    ({ app, config, dataSource, close } = started);
    today = calendarDateAt(app.get(Clock).now());
    const facts = new DirectoryFacts(started.producer);
    await facts.organisation({ id: DREETS_53, type: 'DIRECCTE', name: 'DREETS Bretagne', regions: ['53'] });
    await facts.organisation({
      id: DREETS_52,
      type: 'DIRECCTE',
      name: 'DREETS Pays de la Loire',
      regions: ['52'],
    });
    await facts.organisation({ id: CARSAT, type: 'CAISSE', name: 'CARSAT Bretagne', regions: ['53', '52'] });
    await facts.organisation({ id: CGSS, type: 'CAISSE', name: 'Autre Caisse', regions: ['53'] });
    await facts.organisation({ id: ARS_53, type: 'ARS', name: 'ARS Bretagne', regions: ['53'] });
    await facts.organisation({ id: AST_35, type: 'SSTI', name: 'AST 35', regions: ['53'], caisseId: CARSAT });
    await facts.organisation({ id: SST_44, type: 'SSTI', name: 'SST 44', regions: ['52'], caisseId: CARSAT });
    await facts.organisation({
      id: SSTA,
      type: 'SSTA',
      name: 'Service autonome',
      regions: ['53'],
      caisseId: CARSAT,
    });
    await facts.organisation({
      id: OTHER_SSTI,
      type: 'SSTI',
      name: 'SSTI CGSS',
      regions: ['53'],
      caisseId: CGSS,
    });
    const directory = app.get(ServiceDirectory);
    await expectEventually(async () => {
      assert.equal(
        (
          await directory.organisations([
            DREETS_53,
            DREETS_52,
            CARSAT,
            CGSS,
            ARS_53,
            AST_35,
            SST_44,
            SSTA,
            OTHER_SSTI,
          ])
        ).length,
        9,
      );
    });
  });
  after(() => close?.());

  const call = async (
    method: Method,
    url: string,
    token?: string,
    body?: object,
    headers: Record<string, string> = {},
  ) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  const service = (org = AST_35, region = '53') => testToken(config, { roles: ['sst'], region, org });
  const caisse = (org = CARSAT, region = '53') => testToken(config, { roles: ['caisse'], region, org });
  const direccte = (region = '53', org = region === '53' ? DREETS_53 : DREETS_52) =>
    testToken(config, { roles: ['direccte'], region, org });
  const admin = () => testToken(config, { roles: ['admin'] });
  const national = () => testToken(config, { roles: ['national'] });

  function anOpening(overrides: Record<string, unknown> = {}) {
    return {
      serviceId: AST_35,
      caisseId: CARSAT,
      title: 'Prévention de la désinsertion professionnelle',
      themes: ['desinsertion_professionnelle', 'visites_pre_reprise'],
      openedOn: addDays(today, -90),
      ...overrides,
    };
  }

  async function opened(overrides: Record<string, unknown> = {}, token?: string) {
    const response = await call(
      'POST',
      '/api/v1/partnership-protocols',
      token ?? (await service()),
      anOpening(overrides),
    );
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  /** A step with If-Match set to the version the test has read (unless the test gives its own). */
  async function step(id: string, action: string, body: object, token?: string, ifMatch?: string | null) {
    const version =
      ifMatch === undefined
        ? String((await call('GET', `/api/v1/partnership-protocols/${id}`, await admin())).headers.etag)
        : ifMatch;
    return call(
      'POST',
      `/api/v1/partnership-protocols/${id}/${action}`,
      token ?? (await caisse()),
      body,
      version === null ? {} : { 'if-match': version },
    );
  }

  async function concluded(overrides: Record<string, unknown> = {}) {
    const protocol = await opened(overrides, await caisse());
    const response = await step(protocol.id, 'conclusion', {
      concludedOn: addDays(today, -60),
      startsOn: addDays(today, -60),
      endsOn: null,
    });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  }

  async function events(id: string): Promise<{ type: string; payload: Record<string, unknown> }[]> {
    return dataSource.query(
      "SELECT type, envelope->'payload' AS payload FROM outbox WHERE aggregate_id = $1 ORDER BY seq",
      [id],
    );
  }

  async function counts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*) FROM partnership_protocols)::int AS protocols,
              (SELECT coalesce(sum(version), 0) FROM partnership_protocols)::int AS versions,
              (SELECT count(*) FROM audit_log)::int AS audit,
              (SELECT count(*) FROM outbox)::int AS outbox`,
    );
    return row;
  }

  const refused = (request: () => ReturnType<typeof call>) => refusedWithoutTrace(counts, request);

  it('goes negotiation → concluded → progress → ended, telling the DIRECCTE of the region at each step (seed 000)', async () => {
    const protocol = await opened();
    assert.equal(protocol.status, 'NEGOTIATION');
    assert.equal(
      protocol.direccteId,
      DREETS_53,
      'the DIRECCTE of the service’s region, found in the directory',
    );

    const conclusion = await step(protocol.id, 'conclusion', {
      concludedOn: addDays(today, -30),
      startsOn: addDays(today, -30),
      endsOn: addDays(today, 700),
    });
    assert.equal(conclusion.statusCode, 200, conclusion.body);
    assert.equal(conclusion.json().status, 'CONCLUDED');
    assert.equal(conclusion.headers.etag, '"2"');

    const progress = await step(
      protocol.id,
      'progress-points',
      {
        recordedOn: today,
        summary: 'Vingt visites de pré-reprise coordonnées avec le service social de la Caisse.',
      },
      await service(),
    );
    assert.equal(progress.statusCode, 201, progress.body);
    assert.deepEqual(
      progress.json().progressPoints.map((p: { number: number }) => p.number),
      [1],
    );
    const end = await step(protocol.id, 'end', {
      endedOn: today,
      reason: 'Dénonciation par accord des parties',
    });
    assert.equal(end.statusCode, 200, end.body);
    assert.equal(end.json().status, 'ENDED');
    assert.equal(end.json().endReason, 'Dénonciation par accord des parties');

    const published = await events(protocol.id);
    assert.deepEqual(
      published.map((e) => e.type),
      [
        'partnership_protocol.negotiation_opened',
        'partnership_protocol.concluded',
        'partnership_protocol.progress_recorded',
        'partnership_protocol.ended',
      ],
    );
    for (const event of published) {
      assert.equal(event.payload.direccteId, DREETS_53, `${event.type} names the DIRECCTE told`);
      assert.equal(event.payload.caisseId, CARSAT);
      assert.deepEqual(
        event.payload.themes,
        ['desinsertion_professionnelle', 'visites_pre_reprise'],
        'the themes chosen',
      );
    }
    assert.equal(published[1].payload.endsOn, addDays(today, 700));

    const history = await call(
      'GET',
      `/api/v1/partnership-protocols/${protocol.id}/history`,
      await direccte(),
    );
    assert.equal(history.statusCode, 200, history.body);
    assert.equal(history.json().items.length, 4);
  });

  it('accepts the competent Caisse of a service of the second region it covers, and tells that region’s DIRECCTE (seed 000; domain.md)', async () => {
    const protocol = await opened({ serviceId: SST_44 }, await caisse(CARSAT, '52'));
    assert.equal(protocol.direccteId, DREETS_52);
    assert.deepEqual(protocol.regions, ['52']);
  });

  it('refuses an SSTA, a Caisse that is not the service’s competent one, and unknown organisations, naming the field (seed 000)', async () => {
    const ssta = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await admin(), anOpening({ serviceId: SSTA })),
    );
    assert.equal(ssta.statusCode, 422);
    assert.equal(ssta.json().code, 'PARTNERSHIP_PROTOCOL.INVALID');
    assert.deepEqual(fieldsAndRules(ssta), [
      ['serviceId', 'seed 000: a partnership protocol is signed by an inter-company service (SSTI)'],
    ]);

    const notCompetent = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await caisse(CGSS), anOpening({ caisseId: CGSS })),
    );
    assert.equal(notCompetent.statusCode, 422);
    assert.deepEqual(fieldsAndRules(notCompetent), [
      ['caisseId', 'seed 000: the Caisse competent for the service (a Caisse may cover two regions)'],
    ]);

    const notACaisse = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await admin(), anOpening({ caisseId: ARS_53 })),
    );
    assert.deepEqual(
      fieldsAndRules(notACaisse).map(([field]) => field),
      ['caisseId'],
    );

    const unknown = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await admin(), anOpening({ serviceId: randomUUID() })),
    );
    assert.deepEqual(
      fieldsAndRules(unknown).map(([field]) => field),
      ['serviceId'],
    );
  });

  it('refuses bad input naming each field: shape and theme list (400), dates out of order (422), nothing written', async () => {
    const shape = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await service(), {
        ...anOpening(),
        themes: ['tms'],
        openedOn: '2026-13-01',
        title: '',
        extra: true,
      }),
    );
    assert.equal(shape.statusCode, 400);
    assert.deepEqual(
      fieldsAndRules(shape)
        .map(([field]) => field)
        .sort(),
      ['extra', 'openedOn', 'themes[0]', 'title'],
    );

    const future = await refused(async () =>
      call(
        'POST',
        '/api/v1/partnership-protocols',
        await service(),
        anOpening({ openedOn: addDays(today, 1) }),
      ),
    );
    assert.equal(future.statusCode, 422);
    assert.deepEqual(fieldsAndRules(future), [['openedOn', 'not-in-future (règle de la plateforme)']]);

    const twice = await refused(async () =>
      call(
        'POST',
        '/api/v1/partnership-protocols',
        await service(),
        anOpening({ themes: ['etudes_communes', 'etudes_communes'] }),
      ),
    );
    assert.deepEqual(fieldsAndRules(twice), [['themes[1]', 'named-once (règle de la plateforme)']]);

    const protocol = await opened();
    const disorder = await refused(async () =>
      step(protocol.id, 'conclusion', {
        concludedOn: addDays(today, -91),
        startsOn: addDays(today, -92),
        endsOn: addDays(today, -92),
      }),
    );
    assert.equal(disorder.statusCode, 422);
    assert.deepEqual(fieldsAndRules(disorder), [
      ['concludedOn', 'chronological-order (règle de la plateforme)'],
      ['startsOn', 'chronological-order (règle de la plateforme)'],
      ['endsOn', 'after-start (règle de la plateforme)'],
    ]);
    const noEnd = await refused(async () =>
      step(protocol.id, 'conclusion', { concludedOn: today, startsOn: today }),
    );
    assert.equal(noEnd.statusCode, 400, 'endsOn is required, null when without a term');

    const running = await concluded();
    const early = await refused(async () =>
      step(running.id, 'progress-points', { recordedOn: addDays(today, -61), summary: 'Avant le début' }),
    );
    assert.deepEqual(fieldsAndRules(early), [['recordedOn', 'chronological-order (règle de la plateforme)']]);
    const endedEarly = await refused(async () =>
      step(running.id, 'end', { endedOn: addDays(today, -61), reason: 'x' }),
    );
    assert.deepEqual(fieldsAndRules(endedEarly), [
      ['endedOn', 'chronological-order (règle de la plateforme)'],
    ]);
  });

  it('takes each step only where it follows (409): progress before conclusion, a second conclusion, anything once ended', async () => {
    const protocol = await opened();
    const progress = await refused(async () =>
      step(protocol.id, 'progress-points', { recordedOn: today, summary: 'Trop tôt' }),
    );
    assert.equal(progress.statusCode, 409);
    assert.equal(progress.json().code, 'PARTNERSHIP_PROTOCOL.NOT_CONCLUDED');

    const running = await concluded();
    const again = await refused(async () =>
      step(running.id, 'conclusion', { concludedOn: today, startsOn: today, endsOn: null }),
    );
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, 'PARTNERSHIP_PROTOCOL.NOT_IN_NEGOTIATION');

    const abandoned = await step(protocol.id, 'end', { endedOn: today, reason: 'Négociation abandonnée' });
    assert.equal(abandoned.statusCode, 200, abandoned.body);
    const afterEnd = await refused(async () =>
      step(protocol.id, 'end', { endedOn: today, reason: 'Encore' }),
    );
    assert.equal(afterEnd.statusCode, 409);
    assert.equal(afterEnd.json().code, 'PARTNERSHIP_PROTOCOL.ENDED');
  });

  it('requires If-Match on every step (428 without, 412 when stale), and writes nothing then', async () => {
    const protocol = await opened();
    const body = { concludedOn: today, startsOn: today, endsOn: null };
    const missing = await refused(async () => step(protocol.id, 'conclusion', body, undefined, null));
    assert.equal(missing.statusCode, 428);
    const stale = await refused(async () => step(protocol.id, 'conclusion', body, undefined, '"9"'));
    assert.equal(stale.statusCode, 412);
  });

  it('lets only the two parties act: another service, another Caisse, the DIRECCTE and the ARS are denied', async () => {
    const protocol = await opened();
    const byOtherService = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await service(OTHER_SSTI), anOpening()),
    );
    assert.equal(byOtherService.statusCode, 403);
    assert.equal(byOtherService.json().code, 'AUTH.FORBIDDEN_SCOPE');
    const byDireccte = await refused(async () =>
      call('POST', '/api/v1/partnership-protocols', await direccte(), anOpening()),
    );
    assert.equal(byDireccte.statusCode, 403);
    assert.equal(byDireccte.json().code, 'AUTH.FORBIDDEN_ROLE', 'the DIRECCTE is told, it is no party');
    const body = { concludedOn: today, startsOn: today, endsOn: null };
    const byOtherCaisse = await refused(async () =>
      step(protocol.id, 'conclusion', body, await caisse(CGSS)),
    );
    assert.equal(byOtherCaisse.statusCode, 403);
    const byDireccteStep = await refused(async () => step(protocol.id, 'conclusion', body, await direccte()));
    assert.equal(byDireccteStep.statusCode, 403);
    const byArs = await refused(async () =>
      step(
        protocol.id,
        'conclusion',
        body,
        await testToken(config, { roles: ['ars'], region: '53', org: ARS_53 }),
      ),
    );
    assert.equal(byArs.statusCode, 403);
  });

  it('lets the parties and the DIRECCTE of the region read, national roles read all, and denies the others', async () => {
    const protocol = await opened({ themes: ['tracabilite_expositions'] });
    const readBy = async (token: string) =>
      (await call('GET', `/api/v1/partnership-protocols/${protocol.id}`, token)).statusCode;
    assert.equal(await readBy(await service()), 200);
    assert.equal(await readBy(await caisse()), 200);
    assert.equal(await readBy(await direccte('53')), 200);
    assert.equal(await readBy(await national()), 200);
    assert.equal(await readBy(await direccte('52')), 403, 'the DIRECCTE of another region');
    assert.equal(await readBy(await service(OTHER_SSTI)), 403, 'another service of the region');
    assert.equal(await readBy(await caisse(CGSS)), 403, 'another Caisse of the region');
    assert.equal(await readBy(await testToken(config, { roles: ['ars'], region: '53', org: ARS_53 })), 403);
    assert.equal(await readBy(await testToken(config, { roles: ['crprp'], region: '53' })), 403);

    const idsFor = async (token: string, query = '') => {
      const list = await call('GET', `/api/v1/partnership-protocols${query}`, token);
      assert.equal(list.statusCode, 200, list.body);
      return list.json().items.map((p: { id: string }) => p.id) as string[];
    };
    assert.ok((await idsFor(await direccte('53'))).includes(protocol.id));
    assert.ok(!(await idsFor(await direccte('52'))).includes(protocol.id));
    assert.ok(
      (await idsFor(await caisse(CARSAT, '52'))).includes(protocol.id),
      'the Caisse reads its protocols of both regions',
    );
    assert.deepEqual(await idsFor(await caisse(CGSS)), []);
    assert.deepEqual(await idsFor(await service(OTHER_SSTI)), []);
    assert.deepEqual(
      await idsFor(await testToken(config, { roles: ['ars'], region: '53', org: ARS_53 })),
      [],
    );
    assert.deepEqual(
      await idsFor(await national(), '?theme=tracabilite_expositions&status=NEGOTIATION&region=53'),
      [protocol.id],
    );
    assert.deepEqual(
      await idsFor(await national(), `?theme=tracabilite_expositions&serviceId=${SST_44}`),
      [],
    );
    assert.ok((await idsFor(await national(), `?caisseId=${CARSAT}&pageSize=200`)).includes(protocol.id));
    const bad = await call('GET', '/api/v1/partnership-protocols?status=SIGNED', await national());
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field, 'status');
  });

  it('gives the CPOM the service’s concluded protocols to annex (seed 002 II.4)', async () => {
    const running = await concluded({ serviceId: SST_44, title: 'Études communes' });
    const annexable = await app.get(PartnershipProtocolReader).concludedFor(SST_44);
    assert.ok(annexable.some((p) => p.protocolId === running.id && p.title === 'Études communes'));
    assert.ok(annexable.every((p) => p.concludedOn !== null));
  });

  it('answers 404 for an unknown protocol and 401 without a token', async () => {
    const unknown = await call('GET', `/api/v1/partnership-protocols/${randomUUID()}`, await admin());
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().code, 'PARTNERSHIP_PROTOCOL.NOT_FOUND');
    assert.equal((await call('GET', '/api/v1/partnership-protocols')).statusCode, 401);
  });
});
