import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { addDays, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { PlatformConfig } from '@tripartite/config';
import { testToken } from '@tripartite/testing';
import type { DataSource } from 'typeorm';
import { siretWithKey } from '../src/organisation/domain/siret.rule';
import { ServiceProjectReader } from '../src/service-project/application/service-project.reader';
import { startAgreements } from './support/agreements-app';

type Method = 'GET' | 'POST';
type Headers = Record<string, string>;

let serial = 0;

/** A fresh SIRET with a valid INSEE key. */
const validSiret = () => siretWithKey(`73283${String(serial++).padStart(8, '0')}`);

/** A project's body as a service drafts it: five years, two priorities drawn from its diagnosis. */
function aProject(serviceId: string, overrides: Record<string, unknown> = {}) {
  return {
    serviceId,
    title: 'Projet de service 2026-2030',
    periodStart: '2026-01-01',
    periodEnd: '2030-12-31',
    diagnosis: 'Diagnostic territorial : TMS dans la logistique, RPS dans le médico-social.',
    priorities: [
      { title: 'Prévention des TMS', description: 'Logistique et BTP du bassin rennais' },
      {
        title: 'Maintien en emploi',
        description: 'Cellule de prévention de la désinsertion professionnelle',
      },
    ],
    ...overrides,
  };
}

describe('service projects over HTTP (L.4622-14; seed 002, part I.1)', () => {
  let app: NestFastifyApplication;
  let config: PlatformConfig;
  let dataSource: DataSource;
  let close: () => Promise<void>;
  let today: string;
  /** Bretagne's only Caisse: the competent Caisse of every service registered here, named by their events. */
  let carsat: string;

  before(async () => {
    ({ app, config, dataSource, close } = await startAgreements('agreements_projects'));
    today = calendarDateAt(app.get(Clock).now());
    const registered = await call('POST', '/api/v1/organisations', await direccte('53'), {
      type: 'CAISSE',
      name: 'CARSAT Bretagne',
      regions: ['53'],
      caisseKind: 'CARSAT',
    });
    assert.equal(registered.statusCode, 201, registered.body);
    carsat = registered.json().id;
  });
  after(() => close?.());

  const call = async (method: Method, url: string, token?: string, body?: object, headers: Headers = {}) =>
    app.inject({
      method,
      url,
      payload: body,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    });

  const direccte = (region = '53') =>
    testToken(config, { roles: ['direccte'], region, sub: `dreets-${region}` });
  const admin = () => testToken(config, { roles: ['admin'], sub: 'admin' });
  /** The service's own director: role sst, its organisation in `org`. */
  const serviceToken = (serviceId: string, region = '53') =>
    testToken(config, { roles: ['sst'], region, org: serviceId, sub: `director-${serviceId}` });

  /** Registers an organisation of the directory (as the DIRECCTE of its region does) and returns its id. */
  async function register(name: string, region = '53', type = 'SSTI'): Promise<string> {
    const isService = type === 'SSTI' || type === 'SSTA';
    const response = await call('POST', '/api/v1/organisations', await direccte(region), {
      type,
      name,
      regions: [region],
      ...(isService
        ? {
            siret: validSiret(),
            service: { employeesFollowed: 48_000, memberCompanies: 3_900, btp: false, sectors: ['Rennes'] },
          }
        : {}),
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  }

  /** The draft request of the service's project, by its own director unless another token is given; unchecked. */
  const postDraft = async (serviceId: string, overrides: Record<string, unknown> = {}, token?: string) =>
    call(
      'POST',
      '/api/v1/service-projects',
      token ?? (await serviceToken(serviceId)),
      aProject(serviceId, overrides),
    );

  /** Drafts a project as the service itself; returns the answer's body. */
  async function draft(serviceId: string, overrides: Record<string, unknown> = {}) {
    const response = await postDraft(serviceId, overrides);
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  /** One step of a project, with If-Match; the service itself acts unless another token is given. */
  async function step(
    project: { id: string; serviceId: string },
    path: 'cmt-adoption' | 'board-approval' | 'revisions' | 'withdrawal',
    body: object,
    version: number | null,
    token?: string,
    headers: Headers = {},
  ) {
    return call(
      'POST',
      `/api/v1/service-projects/${project.id}/${path}`,
      token ?? (await serviceToken(project.serviceId)),
      body,
      version === null ? headers : { 'if-match': `"${version}"`, ...headers },
    );
  }

  /** A project drafted, adopted by the CMT and approved by the board: version 1 in force, ETag 3. */
  async function approvedProject(serviceId: string, overrides: Record<string, unknown> = {}) {
    const project = await draft(serviceId, overrides);
    assert.equal((await step(project, 'cmt-adoption', { adoptedOn: today }, 1)).statusCode, 200);
    const approved = await step(project, 'board-approval', { approvedOn: today }, 2);
    assert.equal(approved.statusCode, 200, approved.body);
    return approved.json();
  }

  /** Where a project stands, as its answer says: its status, its latest and in-force versions, a revision pending. */
  function assertStanding(
    project: {
      status: string;
      projectVersion: number;
      inForceVersion: number | null;
      pendingRevision: boolean;
    },
    status: string,
    projectVersion: number,
    inForceVersion: number | null,
    pendingRevision: boolean,
    message?: string,
  ) {
    assert.deepEqual(
      [project.status, project.projectVersion, project.inForceVersion, project.pendingRevision],
      [status, projectVersion, inForceVersion, pendingRevision],
      message,
    );
  }

  async function counts() {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM service_projects) AS projects,
              (SELECT count(*)::int FROM service_project_versions) AS versions,
              (SELECT count(*)::int FROM outbox WHERE type LIKE 'service_project.%') AS events,
              (SELECT count(*)::int FROM audit_log WHERE aggregate_type = 'service_project') AS audits`,
    );
    return row as { projects: number; versions: number; events: number; audits: number };
  }

  /** Runs a refused request and checks that it left nothing behind. */
  async function refusedWithoutTrace(request: () => Promise<{ statusCode: number; body: string }>) {
    const before = await counts();
    const response = await request();
    assert.ok(response.statusCode >= 400, `expected a refusal, got ${response.statusCode} ${response.body}`);
    assert.deepEqual(await counts(), before, 'a refused request writes nothing');
    return response as Awaited<ReturnType<typeof call>>;
  }

  /** The rows of one project (statuses, dates, ETag), to show that a refusal changed none of them. */
  async function rowsOf(projectId: string) {
    return dataSource.query(
      `SELECT p.status, p.latest_version, p.in_force_version, p.version,
              v.number, v.status AS version_status, v.withdrawn_on::text, v.withdrawal_reason
         FROM service_projects p JOIN service_project_versions v ON v.project_id = p.id
        WHERE p.id = $1 ORDER BY v.number`,
      [projectId],
    );
  }

  /** A refusal that writes nothing at all, and leaves this project's rows as they were. */
  async function refusedLeaving(
    projectId: string,
    request: () => Promise<{ statusCode: number; body: string }>,
  ) {
    const before = await rowsOf(projectId);
    const response = await refusedWithoutTrace(request);
    assert.deepEqual(await rowsOf(projectId), before, 'a refused request changes no row of the project');
    return response;
  }

  async function events(projectId: string, type: string) {
    const rows = await dataSource.query(
      'SELECT envelope FROM outbox WHERE aggregate_id = $1 AND type = $2 ORDER BY seq',
      [projectId, type],
    );
    return rows.map(
      (row: { envelope: { payload: unknown; aggregateVersion: number; region: string } }) => row.envelope,
    );
  }

  const fieldsAndRules = (response: { json: () => { errors: { field: string; rule: string }[] } }) =>
    response.json().errors.map((e) => [e.field, e.rule]);

  describe('drafting a project', () => {
    it('refuses a request without a token (401)', async () => {
      const serviceId = await register('AST 35');
      const response = await call('POST', '/api/v1/service-projects', undefined, aProject(serviceId));
      assert.equal(response.statusCode, 401);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.equal((await call('GET', '/api/v1/service-projects')).statusCode, 401);
    });

    it('is filed by the service itself only (L.4622-14: "élaboré par le service"): DIRECCTE, Caisse and another service get 403, nothing written', async () => {
      const serviceId = await register('AST 22');
      const otherService = await register('AST 29');
      const byDireccte = await refusedWithoutTrace(async () => postDraft(serviceId, {}, await direccte()));
      assert.equal(byDireccte.statusCode, 403);
      assert.equal(byDireccte.json().code, 'AUTH.FORBIDDEN_ROLE');
      const caisse = await testToken(config, { roles: ['caisse'], region: '53', sub: 'carsat' });
      assert.equal((await postDraft(serviceId, {}, caisse)).statusCode, 403);
      const byOther = await refusedWithoutTrace(async () =>
        postDraft(serviceId, {}, await serviceToken(otherService)),
      );
      assert.equal(byOther.statusCode, 403);
      assert.equal(byOther.json().code, 'AUTH.FORBIDDEN_SCOPE');
    });

    it('answers 400 naming each malformed field, and writes nothing', async () => {
      const serviceId = await register('AST 56');
      const response = await refusedWithoutTrace(async () =>
        postDraft(serviceId, {
          title: '',
          periodStart: '2026-13-01',
          priorities: [],
          diagnosis: undefined,
          colour: 'blue',
        }),
      );
      assert.equal(response.statusCode, 400);
      assert.equal(response.json().code, 'REQUEST.INVALID');
      assert.deepEqual(fieldsAndRules(response).sort(), [
        ['colour', 'unknown'],
        ['diagnosis', 'required'],
        ['periodStart', 'date'],
        ['priorities', 'min'],
        ['title', 'min'],
      ]);
      const priority = await postDraft(serviceId, { priorities: [{ title: 'TMS' }] });
      assert.equal(priority.statusCode, 400);
      assert.deepEqual(fieldsAndRules(priority), [['priorities[0].description', 'required']]);
    });

    it('refuses a period that does not end after it starts (422 naming periodEnd), and writes nothing', async () => {
      const serviceId = await register('AST 44');
      const response = await refusedWithoutTrace(async () =>
        postDraft(serviceId, { periodStart: '2026-01-01', periodEnd: '2026-01-01' }),
      );
      assert.equal(response.statusCode, 422);
      assert.equal(response.json().code, 'SERVICE_PROJECT.INVALID');
      assert.deepEqual(fieldsAndRules(response), [['periodEnd', 'after-period-start']]);
    });

    it('refuses priorities named twice (L.4622-14: the project defines the service’s priorities of action)', async () => {
      const serviceId = await register('AST 50');
      const response = await refusedWithoutTrace(async () =>
        postDraft(serviceId, {
          priorities: [
            { title: 'RPS', description: 'a' },
            { title: 'rps', description: 'b' },
          ],
        }),
      );
      assert.equal(response.statusCode, 422);
      assert.deepEqual(fieldsAndRules(response), [['priorities[1].title', 'unique']]);
    });

    it('drafts only for an inter-company service (SSTI) of the directory, not an SSTA (L.4622-14: 422 naming serviceId)', async () => {
      const rule = 'L.4622-14: the service project is an inter-company service’s (SSTI)';
      const ars = await register('ARS Bretagne', '53', 'ARS');
      const notAService = await refusedWithoutTrace(async () => postDraft(ars, {}, await admin()));
      assert.equal(notAService.statusCode, 422);
      assert.equal(notAService.json().code, 'SERVICE_PROJECT.NOT_A_SERVICE');
      assert.deepEqual(fieldsAndRules(notAService), [['serviceId', rule]]);
      const autonomous = await register('Service autonome Usine', '53', 'SSTA');
      const ssta = await refusedWithoutTrace(async () => postDraft(autonomous));
      assert.equal(ssta.statusCode, 422);
      assert.deepEqual(fieldsAndRules(ssta), [['serviceId', rule]]);
      assert.match(ssta.json().errors[0].message, /autonomous service \(SSTA\)/);
      const unknown = await refusedWithoutTrace(async () =>
        postDraft('0190d9e1-0000-7000-8000-000000000001', {}, await admin()),
      );
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(fieldsAndRules(unknown), [['serviceId', 'exists']]);
    });

    it('drafts version 1: rows and audit entry together, no event yet; ETag, and nothing in force', async () => {
      const serviceId = await register('Santé au Travail en Iroise');
      const response = await postDraft(serviceId);
      assert.equal(response.statusCode, 201, response.body);
      assert.equal(response.headers.etag, '"1"');
      const project = response.json();
      assert.equal(project.serviceId, serviceId);
      assert.equal(project.serviceName, 'Santé au Travail en Iroise');
      assert.deepEqual(project.regions, ['53']);
      assertStanding(project, 'draft', 1, null, false);
      assert.deepEqual(project.warnings, []);
      assert.equal(project.versions.length, 1);
      assert.deepEqual(project.versions[0], {
        projectVersion: 1,
        status: 'draft',
        title: 'Projet de service 2026-2030',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        diagnosis: aProject(serviceId).diagnosis,
        priorities: aProject(serviceId).priorities,
        draftedOn: today,
        revisedOn: null,
        revisionReason: null,
        adoptedOn: null,
        cmtText: null,
        approvedOn: null,
        withdrawnOn: null,
        withdrawalReason: null,
      });
      const published = await dataSource.query('SELECT type FROM outbox WHERE aggregate_id = $1', [
        project.id,
      ]);
      assert.deepEqual(published, [], 'a draft is the service’s own work: nothing is published');
      const history = await call('GET', `/api/v1/service-projects/${project.id}/history`, await admin());
      assert.deepEqual(
        history.json().items.map((i: { action: string }) => i.action),
        ['service_project.draft'],
      );
    });

    it('replays the first answer for a repeated Idempotency-Key, and refuses the key for another body (422)', async () => {
      const serviceId = await register('AST 35 Idempotent');
      const token = await serviceToken(serviceId);
      const headers = { 'idempotency-key': `draft-${serviceId}` };
      const first = await call('POST', '/api/v1/service-projects', token, aProject(serviceId), headers);
      assert.equal(first.statusCode, 201, first.body);
      const again = await call('POST', '/api/v1/service-projects', token, aProject(serviceId), headers);
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotency-replayed'], 'true');
      assert.equal(again.json().id, first.json().id);
      const [{ n }] = await dataSource.query(
        'SELECT count(*)::int AS n FROM service_projects WHERE service_id = $1',
        [serviceId],
      );
      assert.equal(n, 1);
      const reused = await refusedWithoutTrace(() =>
        call('POST', '/api/v1/service-projects', token, aProject(serviceId, { title: 'Autre' }), headers),
      );
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().code, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
    });

    it('accepts a period longer than five years with a warning (no legal duration; seed 002, I.1; ADR 0008)', async () => {
      const serviceId = await register('AST Long');
      const response = await postDraft(
        serviceId,
        { periodStart: '2026-01-01', periodEnd: '2031-06-30' },
        await admin(),
      );
      assert.equal(response.statusCode, 201, response.body);
      const [warning] = response.json().warnings;
      assert.equal(warning.code, 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS');
      assert.equal(warning.field, 'periodEnd');
      const read = await call('GET', `/api/v1/service-projects/${response.json().id}`, await admin());
      assert.equal(read.json().warnings[0].code, 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS');
    });

    it('refuses a second project of the same service over the same years (409), and accepts the next period', async () => {
      const serviceId = await register('AST Successive');
      await draft(serviceId);
      const overlap = await refusedWithoutTrace(async () =>
        postDraft(serviceId, { periodStart: '2030-12-31', periodEnd: '2035-12-31' }),
      );
      assert.equal(overlap.statusCode, 409);
      assert.equal(overlap.json().code, 'SERVICE_PROJECT.PERIOD_OVERLAP');
      assert.deepEqual(fieldsAndRules(overlap), [['periodStart', 'no-overlap']]);
      const next = await draft(serviceId, { periodStart: '2031-01-01', periodEnd: '2035-12-31' });
      assert.equal(next.periodStart, '2031-01-01');
    });

    it('lets only one of two simultaneous drafts for the same years through', async () => {
      const serviceId = await register('AST Simultaneous');
      const token = await serviceToken(serviceId);
      const statuses = (
        await Promise.all(['Projet A', 'Projet B'].map((title) => postDraft(serviceId, { title }, token)))
      )
        .map((response) => response.statusCode)
        .sort();
      assert.deepEqual(statuses, [201, 409]);
    });
  });

  describe('adoption by the CMT, then approval by the board (L.4622-14)', () => {
    it('requires If-Match on every step (428 without it, 412 when stale), and writes nothing then', async () => {
      const project = await draft(await register('AST If-Match'));
      const missing = await refusedWithoutTrace(() =>
        step(project, 'cmt-adoption', { adoptedOn: today }, null),
      );
      assert.equal(missing.statusCode, 428);
      assert.equal(missing.json().code, 'REQUEST.PRECONDITION_REQUIRED');
      const stale = await refusedWithoutTrace(() => step(project, 'cmt-adoption', { adoptedOn: today }, 7));
      assert.equal(stale.statusCode, 412);
      assert.equal(stale.json().code, 'REQUEST.PRECONDITION_FAILED');
      assert.equal(stale.json().currentVersion, 1);
      assert.equal((await step(project, 'board-approval', { approvedOn: today }, null)).statusCode, 428);
      assert.equal(
        (await step(project, 'revisions', { revisedOn: today, reason: 'x' }, null)).statusCode,
        428,
      );
    });

    it('refuses a board approval of a version the CMT has not adopted (L.4622-14: 409), and writes nothing', async () => {
      const project = await draft(await register('AST Approval First'));
      const response = await refusedWithoutTrace(() =>
        step(project, 'board-approval', { approvedOn: today }, 1),
      );
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'SERVICE_PROJECT.NOT_ADOPTED');
      assert.equal(response.json().rule, 'cmt-adoption-before-board-approval');
      assert.equal(response.json().versionStatus, 'draft');
    });

    it('lets only the service record its CMT’s and board’s steps: DIRECCTE and another service get 403', async () => {
      const project = await draft(await register('AST Steps Scope'));
      const other = await register('AST Other Steps');
      const byDireccte = await refusedWithoutTrace(async () =>
        step(project, 'cmt-adoption', { adoptedOn: today }, 1, await direccte()),
      );
      assert.equal(byDireccte.statusCode, 403);
      assert.equal(byDireccte.json().code, 'AUTH.FORBIDDEN_ROLE');
      const byOther = await refusedWithoutTrace(async () =>
        step(project, 'cmt-adoption', { adoptedOn: today }, 1, await serviceToken(other)),
      );
      assert.equal(byOther.statusCode, 403);
      assert.equal(byOther.json().code, 'AUTH.FORBIDDEN_SCOPE');
      const admin_ = await step(project, 'cmt-adoption', { adoptedOn: today }, 1, await admin());
      assert.equal(admin_.statusCode, 200, 'an administrator may record it');
    });

    it('refuses steps dated in the future, and a malformed date (400 naming it)', async () => {
      const project = await draft(await register('AST Dates'));
      const future = await refusedWithoutTrace(() =>
        step(project, 'cmt-adoption', { adoptedOn: addDays(today, 1) }, 1),
      );
      assert.equal(future.statusCode, 422);
      assert.deepEqual(fieldsAndRules(future), [['adoptedOn', 'not-in-future']]);
      const malformed = await refusedWithoutTrace(() =>
        step(project, 'cmt-adoption', { adoptedOn: 'demain' }, 1),
      );
      assert.equal(malformed.statusCode, 400);
      assert.deepEqual(fieldsAndRules(malformed), [['adoptedOn', 'date']]);
      const missing = await refusedWithoutTrace(() => step(project, 'board-approval', {}, 1));
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(fieldsAndRules(missing), [['approvedOn', 'required']]);
    });

    it('adopts, then approves: the version comes into force, with service_project.adopted and .approved in the outbox', async () => {
      const serviceId = await register('AST Rennes');
      const project = await draft(serviceId);
      const adoptedOn = addDays(today, -20);
      const adopted = await step(project, 'cmt-adoption', { adoptedOn, text: 'Avis favorable unanime' }, 1);
      assert.equal(adopted.statusCode, 200, adopted.body);
      assert.equal(adopted.headers.etag, '"2"');
      assert.equal(adopted.json().status, 'adopted');
      assert.equal(adopted.json().inForceVersion, null, 'adoption alone does not put it in force');
      assert.equal(adopted.json().versions[0].cmtText, 'Avis favorable unanime');

      const subject = {
        projectId: project.id,
        serviceId,
        serviceName: 'AST Rennes',
        regions: ['53'],
        caisseId: carsat,
        projectVersion: 1,
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        priorities: ['Prévention des TMS', 'Maintien en emploi'],
      };
      const [adoptedEvent] = await events(project.id, 'service_project.adopted');
      assert.deepEqual(adoptedEvent.payload, { ...subject, adoptedOn });
      assert.equal(adoptedEvent.aggregateVersion, 2);
      assert.equal(adoptedEvent.region, '53');

      const twice = await refusedWithoutTrace(() => step(project, 'cmt-adoption', { adoptedOn: today }, 2));
      assert.equal(twice.statusCode, 409);
      assert.equal(twice.json().code, 'SERVICE_PROJECT.NOT_A_DRAFT');

      const early = await refusedWithoutTrace(() =>
        step(project, 'board-approval', { approvedOn: addDays(adoptedOn, -1) }, 2),
      );
      assert.equal(early.statusCode, 422, 'approvedOn not before adoptedOn');
      assert.deepEqual(fieldsAndRules(early), [['approvedOn', 'not-before-adoption']]);

      const approved = await step(project, 'board-approval', { approvedOn: adoptedOn }, 2);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.headers.etag, '"3"');
      assert.equal(approved.json().status, 'approved');
      assert.equal(approved.json().inForceVersion, 1);
      const [approvedEvent] = await events(project.id, 'service_project.approved');
      assert.deepEqual(approvedEvent.payload, { ...subject, approvedOn: adoptedOn });
      assert.equal(approvedEvent.aggregateVersion, 3);

      const history = await call(
        'GET',
        `/api/v1/service-projects/${project.id}/history`,
        await serviceToken(serviceId),
      );
      assert.deepEqual(
        history.json().items.map((i: { action: string; versionAfter: number }) => [i.action, i.versionAfter]),
        [
          ['service_project.draft', 1],
          ['service_project.adopt', 2],
          ['service_project.approve', 3],
        ],
      );
    });

    it('replays a retried step with the same Idempotency-Key instead of answering 412', async () => {
      const project = await draft(await register('AST Retry'));
      const headers = { 'idempotency-key': `adopt-${project.id}` };
      const first = await step(project, 'cmt-adoption', { adoptedOn: today }, 1, undefined, headers);
      assert.equal(first.statusCode, 200, first.body);
      const again = await step(project, 'cmt-adoption', { adoptedOn: today }, 1, undefined, headers);
      assert.equal(again.statusCode, 200);
      assert.equal(again.headers['idempotency-replayed'], 'true');
      assert.equal((await events(project.id, 'service_project.adopted')).length, 1);
    });
  });

  describe('revisions ("peut être révisé régulièrement", L.4622-14)', () => {
    it('drafts version 2; version 1 stays in force until the board approves version 2', async () => {
      const serviceId = await register('AST Révision');
      const project = await approvedProject(serviceId);
      const revised = await step(
        project,
        'revisions',
        {
          revisedOn: today,
          reason: 'Nouveau diagnostic territorial',
          priorities: [{ title: 'Risques psychosociaux', description: 'Secteur médico-social' }],
          periodEnd: '2031-06-30',
        },
        3,
      );
      assert.equal(revised.statusCode, 201, revised.body);
      assert.equal(revised.headers.etag, '"4"');
      const body = revised.json();
      assertStanding(body, 'draft', 2, 1, true);
      assert.equal(body.title, 'Projet de service 2026-2030', 'what the revision does not change is kept');
      assert.equal(body.warnings[0].code, 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS');
      assert.deepEqual(
        body.versions.map((v: { projectVersion: number; status: string }) => [v.projectVersion, v.status]),
        [
          [1, 'approved'],
          [2, 'draft'],
        ],
      );
      const [revisedEvent] = await events(project.id, 'service_project.revised');
      assert.deepEqual(revisedEvent.payload, {
        projectId: project.id,
        serviceId,
        serviceName: 'AST Révision',
        regions: ['53'],
        caisseId: carsat,
        projectVersion: 2,
        periodStart: '2026-01-01',
        periodEnd: '2031-06-30',
        priorities: ['Risques psychosociaux'],
        revisedOn: today,
        reason: 'Nouveau diagnostic territorial',
      });

      const second = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, reason: 'Encore' }, 4),
      );
      assert.equal(second.statusCode, 409, 'one revision at a time');
      assert.equal(second.json().code, 'SERVICE_PROJECT.REVISION_PENDING');

      const adopted = await step(project, 'cmt-adoption', { adoptedOn: today }, 4);
      assert.equal(adopted.json().inForceVersion, 1, 'the CMT’s adoption alone changes nothing in force');
      const stillPending = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, reason: 'Encore' }, 5),
      );
      assert.equal(stillPending.statusCode, 409);

      const approved = await step(project, 'board-approval', { approvedOn: today }, 5);
      assert.equal(approved.statusCode, 200, approved.body);
      assert.equal(approved.json().inForceVersion, 2);
      assert.equal(approved.json().pendingRevision, false);
      assert.deepEqual(
        approved.json().versions.map((v: { status: string }) => v.status),
        ['superseded', 'approved'],
      );
      const approvals = await events(project.id, 'service_project.approved');
      assert.deepEqual(
        approvals.map((e: { payload: { projectVersion: number } }) => e.payload.projectVersion),
        [1, 2],
      );
    });

    it('refuses revising a project whose first text is not yet approved (409)', async () => {
      const project = await draft(await register('AST Unapproved'));
      const response = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, reason: 'Trop tôt' }, 1),
      );
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'SERVICE_PROJECT.REVISION_PENDING');
    });

    it('refuses a revision whose period ends before it starts, or runs into the service’s next project, or without a reason', async () => {
      const serviceId = await register('AST Bounds');
      const project = await approvedProject(serviceId);
      await draft(serviceId, { periodStart: '2031-01-01', periodEnd: '2035-12-31' });
      const backwards = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, reason: 'x', periodEnd: '2025-12-31' }, 3),
      );
      assert.equal(backwards.statusCode, 422);
      assert.deepEqual(fieldsAndRules(backwards), [['periodEnd', 'after-period-start']]);
      const overlap = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, reason: 'x', periodEnd: '2031-06-30' }, 3),
      );
      assert.equal(overlap.statusCode, 409);
      assert.deepEqual(fieldsAndRules(overlap), [['periodEnd', 'no-overlap']]);
      const noReason = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: today, priorities: [] }, 3),
      );
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(fieldsAndRules(noReason).sort(), [
        ['priorities', 'min'],
        ['reason', 'required'],
      ]);
      const beforeApproval = await refusedWithoutTrace(() =>
        step(project, 'revisions', { revisedOn: addDays(today, -1), reason: 'x' }, 3),
      );
      assert.equal(beforeApproval.statusCode, 422);
      assert.deepEqual(fieldsAndRules(beforeApproval), [['revisedOn', 'not-before-approval']]);
    });
  });

  describe('withdrawal of a text not yet approved (L.4622-14; ADR 0008)', () => {
    const withdraw = (
      project: { id: string; serviceId: string },
      version: number | null,
      body: object = { withdrawnOn: today, reason: 'Le conseil d’administration demande un autre texte' },
      token?: string,
      headers: Headers = {},
    ) => step(project, 'withdrawal', body, version, token, headers);

    const actions = async (projectId: string) =>
      (await call('GET', `/api/v1/service-projects/${projectId}/history`, await admin()))
        .json()
        .items.map((i: { action: string; versionAfter: number }) => [i.action, i.versionAfter]);

    it('withdraws a first draft: the project is withdrawn, publishes service_project.withdrawn, frees its years for a new draft, and no longer speaks for the service', async () => {
      const reader = app.get(ServiceProjectReader);
      const serviceId = await register('AST Retrait');
      const project = await draft(serviceId);
      assert.equal((await reader.summaryForService(serviceId))?.projectId, project.id);

      const withdrawn = await withdraw(project, 1, { withdrawnOn: today, reason: 'Texte abandonné' });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.headers.etag, '"2"');
      const body = withdrawn.json();
      assertStanding(body, 'withdrawn', 1, null, false);
      assert.deepEqual(body.warnings, []);
      assert.equal(body.versions.length, 1);
      assert.equal(body.versions[0].status, 'withdrawn');
      assert.equal(body.versions[0].withdrawnOn, today);
      assert.equal(body.versions[0].withdrawalReason, 'Texte abandonné');
      const [event] = await dataSource.query(
        "SELECT type, envelope->'payload' AS payload FROM outbox WHERE aggregate_id = $1",
        [project.id],
      );
      assert.equal(event?.type, 'service_project.withdrawn');
      assert.deepEqual(
        [event?.payload.projectVersion, event?.payload.projectWithdrawn, event?.payload.reason],
        [1, true, 'Texte abandonné'],
      );
      assert.deepEqual(await actions(project.id), [
        ['service_project.draft', 1],
        ['service_project.withdraw', 2],
      ]);
      assert.equal(await reader.summaryForService(serviceId), null, 'a withdrawn project speaks for nobody');

      const again = await draft(serviceId, { title: 'Projet de service 2026-2030, second texte' });
      assert.equal(again.periodStart, '2026-01-01', 'the withdrawn project no longer holds its years');
      assert.equal((await reader.summaryForService(serviceId))?.projectId, again.id);
      const read = await call('GET', `/api/v1/service-projects/${project.id}`, await serviceToken(serviceId));
      assert.equal(read.statusCode, 200, 'a withdrawn project stays readable: it is history');
      assert.equal(read.json().status, 'withdrawn');
    });

    it('takes no further step once the project is withdrawn (409 SERVICE_PROJECT.WITHDRAWN), and writes nothing', async () => {
      const project = await draft(await register('AST Retrait Définitif'));
      assert.equal((await withdraw(project, 1)).statusCode, 200);
      for (const [path, body] of [
        ['cmt-adoption', { adoptedOn: today }],
        ['board-approval', { approvedOn: today }],
        ['revisions', { revisedOn: today, reason: 'x' }],
        ['withdrawal', { withdrawnOn: today, reason: 'x' }],
      ] as const) {
        const response = await refusedLeaving(project.id, () => step(project, path, body, 2));
        assert.equal(response.statusCode, 409, path);
        assert.equal(response.json().code, 'SERVICE_PROJECT.WITHDRAWN', path);
        assert.equal(response.json().rule, 'withdrawn-project-takes-no-step', path);
        assert.equal(response.json().versionStatus, 'withdrawn', path);
      }
    });

    it('withdraws a pending revision adopted by the CMT: the project is back to its version in force, its years count again as before, and a new revision may be drafted (L.4622-14)', async () => {
      const reader = app.get(ServiceProjectReader);
      const serviceId = await register('AST Révision Retirée');
      const project = await approvedProject(serviceId);
      const revised = await step(
        project,
        'revisions',
        { revisedOn: today, reason: 'Allonger le projet', title: 'Projet prolongé', periodEnd: '2031-06-30' },
        3,
      );
      assert.equal(revised.statusCode, 201, revised.body);
      assert.equal((await step(project, 'cmt-adoption', { adoptedOn: today }, 4)).statusCode, 200);
      const overlapping = await postDraft(serviceId, { periodStart: '2031-01-01', periodEnd: '2035-12-31' });
      assert.equal(overlapping.statusCode, 409, 'the pending revision holds 2031 while it stands');
      const published = await counts();

      const withdrawn = await withdraw(project, 5, { withdrawnOn: today, reason: 'Le CA préfère 2030' });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.headers.etag, '"6"');
      const body = withdrawn.json();
      assertStanding(body, 'approved', 1, 1, false, 'back to the version in force');
      assert.equal(body.title, 'Projet de service 2026-2030');
      assert.equal(body.periodEnd, '2030-12-31');
      assert.deepEqual(body.warnings, []);
      assert.deepEqual(
        body.versions.map(
          (v: { projectVersion: number; status: string; withdrawalReason: string | null }) => [
            v.projectVersion,
            v.status,
            v.withdrawalReason,
          ],
        ),
        [
          [1, 'approved', null],
          [2, 'withdrawn', 'Le CA préfère 2030'],
        ],
      );
      assert.equal(
        (await counts()).events,
        published.events + 1,
        'a withdrawal publishes service_project.withdrawn',
      );
      assert.equal((await counts()).audits, published.audits + 1);
      assert.deepEqual((await actions(project.id)).at(-1), ['service_project.withdraw', 6]);
      const summary = await reader.summaryForService(serviceId);
      assert.equal(summary?.projectVersion, 1);
      assert.equal(summary?.pendingRevision, false);

      const next = await draft(serviceId, { periodStart: '2031-01-01', periodEnd: '2035-12-31' });
      assert.equal(next.periodStart, '2031-01-01', 'only the version in force holds years now');

      const again = await step(project, 'revisions', { revisedOn: today, reason: 'Nouveau bilan' }, 6);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().projectVersion, 3, 'numbers go on after a withdrawn revision');
      assert.equal(again.json().title, 'Projet de service 2026-2030', 'copied from the version in force');
      assert.equal(again.json().pendingRevision, true);
      assert.deepEqual(
        again.json().versions.map((v: { status: string }) => v.status),
        ['approved', 'withdrawn', 'draft'],
      );
    });

    it('refuses to withdraw an approved version: the board’s approval stands until a revision is approved (L.4622-14: 409), and writes nothing', async () => {
      const project = await approvedProject(await register('AST Approuvé'));
      const response = await refusedLeaving(project.id, () => withdraw(project, 3));
      assert.equal(response.statusCode, 409);
      assert.equal(response.json().code, 'SERVICE_PROJECT.NOTHING_PENDING');
      assert.equal(response.json().rule, 'approval-stands-until-a-revision-is-approved');
      assert.equal(response.json().versionStatus, 'approved');
      assert.equal(response.json().projectVersion, 1);
    });

    it('is recorded by the service itself or an administrator only: DIRECCTE, Caisse and another service get 403, nothing written', async () => {
      const project = await draft(await register('AST Retrait Scope'));
      const other = await register('AST Retrait Autre');
      const byDireccte = await refusedLeaving(project.id, async () =>
        withdraw(project, 1, undefined, await direccte()),
      );
      assert.equal(byDireccte.statusCode, 403);
      assert.equal(byDireccte.json().code, 'AUTH.FORBIDDEN_ROLE');
      const caisse = await testToken(config, { roles: ['caisse'], region: '53', sub: 'carsat' });
      assert.equal(
        (await refusedLeaving(project.id, () => withdraw(project, 1, undefined, caisse))).statusCode,
        403,
      );
      const byOther = await refusedLeaving(project.id, async () =>
        withdraw(project, 1, undefined, await serviceToken(other)),
      );
      assert.equal(byOther.statusCode, 403);
      assert.equal(byOther.json().code, 'AUTH.FORBIDDEN_SCOPE');
      const unauthenticated = await refusedLeaving(project.id, () =>
        call(
          'POST',
          `/api/v1/service-projects/${project.id}/withdrawal`,
          undefined,
          {
            withdrawnOn: today,
            reason: 'x',
          },
          { 'if-match': '"1"' },
        ),
      );
      assert.equal(unauthenticated.statusCode, 401);
      const byAdmin = await withdraw(project, 1, undefined, await admin());
      assert.equal(byAdmin.statusCode, 200, 'an administrator may record it');
      assert.equal(byAdmin.json().status, 'withdrawn');
    });

    it('requires If-Match (428 without it, 412 when stale), and writes nothing then', async () => {
      const project = await draft(await register('AST Retrait If-Match'));
      const missing = await refusedLeaving(project.id, () => withdraw(project, null));
      assert.equal(missing.statusCode, 428);
      assert.equal(missing.json().code, 'REQUEST.PRECONDITION_REQUIRED');
      assert.equal((await step(project, 'cmt-adoption', { adoptedOn: today }, 1)).statusCode, 200);
      const stale = await refusedLeaving(project.id, () => withdraw(project, 1));
      assert.equal(stale.statusCode, 412, 'the CMT adopted the text since it was read');
      assert.equal(stale.json().code, 'REQUEST.PRECONDITION_FAILED');
      assert.equal(stale.json().currentVersion, 2);
      const current = await withdraw(project, 2);
      assert.equal(current.statusCode, 200, 'an adopted first text is withdrawn too');
      assert.equal(current.json().status, 'withdrawn');
    });

    it('replays a retried withdrawal with the same Idempotency-Key, with one audit entry', async () => {
      const project = await draft(await register('AST Retrait Rejoué'));
      const headers = { 'idempotency-key': `withdraw-${project.id}` };
      const first = await withdraw(project, 1, undefined, undefined, headers);
      assert.equal(first.statusCode, 200, first.body);
      const again = await withdraw(project, 1, undefined, undefined, headers);
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.headers['idempotency-replayed'], 'true');
      assert.deepEqual(again.json(), first.json());
      assert.deepEqual(await actions(project.id), [
        ['service_project.draft', 1],
        ['service_project.withdraw', 2],
      ]);
      const reused = await refusedLeaving(project.id, () =>
        withdraw(project, 1, { withdrawnOn: today, reason: 'Autre raison' }, undefined, headers),
      );
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().code, 'REQUEST.IDEMPOTENCY_KEY_REUSED');
    });

    it('refuses a withdrawal dated in the future or before the text was drafted (422), and one without a reason or with a malformed date (400), writing nothing', async () => {
      const project = await draft(await register('AST Retrait Dates'));
      const future = await refusedLeaving(project.id, () =>
        withdraw(project, 1, { withdrawnOn: addDays(today, 1), reason: 'x' }),
      );
      assert.equal(future.statusCode, 422);
      assert.deepEqual(fieldsAndRules(future), [['withdrawnOn', 'not-in-future']]);
      const early = await refusedLeaving(project.id, () =>
        withdraw(project, 1, { withdrawnOn: addDays(today, -1), reason: 'x' }),
      );
      assert.equal(early.statusCode, 422);
      assert.deepEqual(fieldsAndRules(early), [['withdrawnOn', 'not-before-drafting']]);
      const malformed = await refusedLeaving(project.id, () =>
        withdraw(project, 1, { withdrawnOn: 'hier', reason: '  ' }),
      );
      assert.equal(malformed.statusCode, 400);
      assert.deepEqual(fieldsAndRules(malformed).sort(), [
        ['reason', 'min'],
        ['withdrawnOn', 'date'],
      ]);
      const noReason = await refusedLeaving(project.id, () => withdraw(project, 1, { withdrawnOn: today }));
      assert.equal(noReason.statusCode, 400);
      assert.deepEqual(fieldsAndRules(noReason), [['reason', 'required']]);
    });

    it('keeps withdrawn projects in lists (they are history) and filters them with status=withdrawn (ADR 0008)', async () => {
      const serviceId = await register('AST Retrait Liste');
      const project = await draft(serviceId);
      assert.equal((await withdraw(project, 1)).statusCode, 200);
      const current = await draft(serviceId);
      const token = await serviceToken(serviceId);
      const list = async (query: string) => {
        const response = await call('GET', `/api/v1/service-projects${query}`, token);
        assert.equal(response.statusCode, 200, response.body);
        return response.json().items.map((p: { id: string; status: string }) => [p.id, p.status]);
      };
      assert.deepEqual(
        (await list('')).sort(),
        [
          [current.id, 'draft'],
          [project.id, 'withdrawn'],
        ].sort(),
      );
      assert.deepEqual(await list('?status=withdrawn'), [[project.id, 'withdrawn']]);
      assert.deepEqual(await list('?status=draft'), [[current.id, 'draft']]);
    });
  });

  describe('reading within scope', () => {
    let bretagne: { id: string; serviceId: string };
    let normandie: { id: string; serviceId: string };

    before(async () => {
      bretagne = await approvedProject(await register('Scope Bretagne', '53'));
      const normandieService = await register('Scope Normandie', '28');
      const created = await postDraft(normandieService, {}, await admin());
      assert.equal(created.statusCode, 201, created.body);
      normandie = created.json();
    });

    it('lets national roles, the regional authorities of the region and the service itself read a project (ETag); others get 403', async () => {
      const read = async (token: string) => call('GET', `/api/v1/service-projects/${bretagne.id}`, token);
      for (const caller of [
        { roles: ['national'] },
        { roles: ['direccte'], region: '53' },
        { roles: ['caisse'], region: '53' },
        { roles: ['crprp'], region: '53' },
        { roles: ['ars'], region: '53' },
      ]) {
        const response = await read(await testToken(config, caller));
        assert.equal(response.statusCode, 200, JSON.stringify(caller));
      }
      const own = await read(await serviceToken(bretagne.serviceId));
      assert.equal(own.statusCode, 200);
      assert.equal(own.headers.etag, '"3"');
      assert.equal(own.json().inForceVersion, 1);
      assert.equal(own.json().versions[0].status, 'approved');

      const otherRegion = await read(await direccte('28'));
      assert.equal(otherRegion.statusCode, 403);
      assert.equal(otherRegion.json().code, 'AUTH.FORBIDDEN_SCOPE');
      assert.equal((await read(await serviceToken(normandie.serviceId, '28'))).statusCode, 403);
      const sameRegionService = await serviceToken(await register('Scope Voisin', '53'));
      assert.equal(
        (await read(sameRegionService)).statusCode,
        403,
        'a service does not read its neighbour’s',
      );
      assert.equal((await call('GET', `/api/v1/service-projects/${bretagne.id}`)).statusCode, 401);
      assert.equal(
        (await call('GET', `/api/v1/service-projects/${bretagne.id}/history`, await direccte('28')))
          .statusCode,
        403,
      );
    });

    it('answers 404 for an unknown project and 400 for an id that is not one', async () => {
      const missing = await call(
        'GET',
        '/api/v1/service-projects/0190d9e1-0000-7000-8000-000000000002',
        await admin(),
      );
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().code, 'SERVICE_PROJECT.NOT_FOUND');
      const malformed = await call('GET', '/api/v1/service-projects/abc', await admin());
      assert.equal(malformed.statusCode, 400);
      assert.deepEqual(fieldsAndRules(malformed), [['id', 'uuid']]);
    });

    it('lists within the reader’s scope: national all, a DIRECCTE its region, a service its own', async () => {
      const ids = async (token: string, query = '') => {
        const response = await call('GET', `/api/v1/service-projects${query}`, token);
        assert.equal(response.statusCode, 200, response.body);
        return (response.json().items as { id: string }[]).map((p) => p.id);
      };
      const national = await ids(await testToken(config, { roles: ['national'] }), '?pageSize=200');
      assert.ok(national.includes(bretagne.id) && national.includes(normandie.id));
      const inBretagne = await ids(await direccte('53'), '?pageSize=200');
      assert.ok(inBretagne.includes(bretagne.id));
      assert.ok(!inBretagne.includes(normandie.id));
      assert.deepEqual(await ids(await direccte('28')), [normandie.id]);
      assert.deepEqual(await ids(await serviceToken(bretagne.serviceId)), [bretagne.id]);
      const noService = await testToken(config, {
        roles: ['sst'],
        region: '53',
        org: 'not-a-uuid',
        sub: 'x',
      });
      assert.deepEqual(await ids(noService), []);
      assert.deepEqual(await ids(await direccte('53'), `?region=28`), [], 'a filter never widens the scope');
    });

    it('filters by service, region and status, and pages like the directory', async () => {
      const token = await admin();
      const page = async (query: string) =>
        (await call('GET', `/api/v1/service-projects${query}`, token)).json();
      const byService = await page(`?serviceId=${normandie.serviceId}`);
      assert.deepEqual(
        byService.items.map((p: { id: string; status: string }) => [p.id, p.status]),
        [[normandie.id, 'draft']],
      );
      assert.deepEqual(
        (await page('?region=28')).items.map((p: { id: string }) => p.id),
        [normandie.id],
      );
      const approved = await page('?status=approved&pageSize=200');
      assert.ok(approved.items.some((p: { id: string }) => p.id === bretagne.id));
      assert.ok(approved.items.every((p: { status: string }) => p.status === 'approved'));
      const first = await page('?pageSize=1&page=1');
      const second = await page('?pageSize=1&page=2');
      assert.equal(first.items.length, 1);
      assert.equal(first.total, second.total);
      assert.ok(first.total >= 2);
      assert.notEqual(first.items[0].id, second.items[0].id);
      const bad = await call('GET', '/api/v1/service-projects?status=cancelled&region=99', token);
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(fieldsAndRules(bad).sort(), [
        ['region', 'regex'],
        ['status', 'enum'],
      ]);
    });
  });

  it('documents the routes in OpenAPI, If-Match required on every step', async () => {
    const response = await call('GET', '/openapi.json');
    assert.equal(response.statusCode, 200);
    const paths = response.json().paths;
    for (const step of ['cmt-adoption', 'board-approval', 'revisions', 'withdrawal']) {
      const operation = paths[`/api/v1/service-projects/{id}/${step}`]?.post;
      assert.ok(operation, step);
      const ifMatch = operation.parameters.find((p: { name: string }) => p.name === 'If-Match');
      assert.equal(ifMatch?.required, true, step);
    }
    assert.ok(paths['/api/v1/service-projects'].get);
    assert.ok(paths['/api/v1/service-projects/{id}'].get);
  });

  describe('ServiceProjectReader, for the agrément renewal (seed 002, part I.1)', () => {
    it('summarises the version in force of a service’s project, says when a revision is pending, and answers null without one', async () => {
      const reader = app.get(ServiceProjectReader);
      const serviceId = await register('AST Summary');
      assert.equal(await reader.summaryForService(serviceId), null);
      assert.equal(await reader.summaryForService('not-a-uuid'), null);

      const drafted = await draft(serviceId);
      assert.equal((await reader.summaryForService(serviceId))?.status, 'draft');

      await step(drafted, 'cmt-adoption', { adoptedOn: today }, 1);
      await step(drafted, 'board-approval', { approvedOn: today }, 2);
      const revised = await step(
        drafted,
        'revisions',
        { revisedOn: today, reason: 'Bilan à mi-parcours', title: 'Projet révisé' },
        3,
      );
      assert.equal(revised.statusCode, 201, revised.body);
      assert.deepEqual(await reader.summaryForService(serviceId), {
        projectId: drafted.id,
        title: 'Projet de service 2026-2030',
        projectVersion: 1,
        status: 'approved',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        priorities: ['Prévention des TMS', 'Maintien en emploi'],
        adoptedOn: today,
        approvedOn: today,
        pendingRevision: true,
      });
    });
  });
});
