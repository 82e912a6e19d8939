import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addDays, addMonths, calendarDateAt } from '@tripartite/calendar';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import {
  cleanupIsolatedEnvironment,
  createTestDatabase,
  expectEventually,
  freePort,
  isolatedEnvironment,
  SmtpCatcher,
  testToken,
} from '@tripartite/testing';

// Issues 11, 12 and 13 across processes: every service its own process (the compiled main.js), talking only
// through RabbitMQ, reached only through the gateway. A CPOM is drafted and submitted in the contracts
// service; the consultations service opens the opinions of Bretagne's plan (L.4622-10), refuses a recused
// member (D.4622-44), and its completion makes the CPOM ready to sign in the contracts service; the three
// parties sign; the indicators service learns the indicator from `contract.signed` and takes its value; the
// consulted ARS is asked by a French e-mail.

// biome-ignore lint/suspicious/noExplicitAny: the test reads nested fields of JSON answers.
type Json = Record<string, any>;

const appsDir = join(__dirname, '..', 'apps');
const SERVICES = ['agreements', 'contracts', 'consultations', 'notifications', 'indicators'] as const;

describe('the CPOM cycle across the five services and the gateway', () => {
  const smtp = new SmtpCatcher();
  const children: ChildProcess[] = [];
  const drops: (() => Promise<void>)[] = [];
  let env: Record<string, string>;
  let gateway: string;
  let token: (caller: { roles: string[]; region?: string; org?: string; sub?: string }) => Promise<string>;

  async function start(name: string, extra: Record<string, string>): Promise<number> {
    const port = await freePort();
    const child = spawn(process.execPath, [join(appsDir, name, 'src', 'main.js')], {
      env: { ...process.env, ...env, ...extra, HTTP_PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(child);
    await expectEventually(
      async () => assert.equal((await fetch(`http://127.0.0.1:${port}/health/ready`)).status, 200),
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    return port;
  }

  async function call(
    caller: string,
    method: string,
    path: string,
    body?: unknown,
    version?: number,
  ): Promise<{ status: number; json: Json }> {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${caller}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Json) : {} };
  }

  /** A call that must succeed; a service that has not heard of an organisation yet is asked again. */
  async function ok(caller: string, method: string, path: string, body?: unknown, version?: number) {
    return expectEventually(
      async () => {
        const reply = await call(caller, method, path, body, version);
        assert.ok(reply.status < 300, `${method} ${path}: ${reply.status} ${JSON.stringify(reply.json)}`);
        return reply.json;
      },
      { timeoutMs: 20_000, intervalMs: 300 },
    );
  }

  before(async () => {
    const smtpPort = await smtp.start();
    const databases: Record<string, string> = {};
    for (const service of SERVICES) {
      const database = await createTestDatabase(`e2e_cycle_${service}`);
      databases[service] = database.name;
      drops.push(database.drop);
    }
    env = isolatedEnvironment('e2e_cycle', databases.agreements);
    const ports: Record<string, number> = {};
    for (const service of SERVICES) {
      ports[service] = await start(service, {
        DATABASE_NAME: databases[service],
        ...(service === 'notifications'
          ? {
              SMTP_HOST: '127.0.0.1',
              SMTP_PORT: String(smtpPort),
              PUBLIC_BASE_URL: 'https://tripartite.test',
            }
          : {}),
      });
    }
    const gatewayPort = await start('gateway', {
      ...Object.fromEntries(
        SERVICES.map((service) => [`${service.toUpperCase()}_URL`, `http://127.0.0.1:${ports[service]}`]),
      ),
      GATEWAY_RATE_LIMIT_STORE: 'memory',
    });
    gateway = `http://127.0.0.1:${gatewayPort}`;
    const config = loadConfig(serviceConfigSchema('e2e', 0), env);
    token = (caller) => testToken(config, caller);
  });

  after(async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await smtp.stop();
    await cleanupIsolatedEnvironment(env, [...SERVICES]);
    for (const drop of drops) await drop();
  });

  it('drafts, consults, completes, signs and measures a CPOM through HTTP calls and events only', async () => {
    const admin = await token({ roles: ['admin'], sub: 'admin' });
    const contact = (name: string, email: string) => ({
      name,
      email,
      function: null,
      receivesNotifications: true,
    });
    const register = (body: Json) => ok(admin, 'POST', '/api/v1/organisations', body);
    const direccte = await register({
      type: 'DIRECCTE',
      name: 'DREETS Bretagne',
      regions: ['53'],
      contacts: [contact('Claire Le Bihan', 'claire@dreets.example')],
    });
    const caisse = await register({
      type: 'CAISSE',
      caisseKind: 'CARSAT',
      name: 'CARSAT Bretagne',
      regions: ['53'],
      contacts: [contact('Erwan Kerhervé', 'erwan@carsat.example')],
    });
    const ars = await register({
      type: 'ARS',
      name: 'ARS Bretagne',
      regions: ['53'],
      contacts: [contact('Soizic Le Gall', 'soizic@ars.example')],
    });
    const crprp = await register({
      type: 'CRPRP',
      name: 'CROCT Bretagne',
      regions: ['53'],
      contacts: [contact('Secrétariat', 'croct@dreets.example')],
    });
    const service = await register({
      type: 'SSTI',
      name: 'Santé au travail Rennes Métropole',
      regions: ['53'],
      siret: '73282932000074',
      service: { employeesFollowed: 61_000, memberCompanies: 5_200, btp: false, sectors: ['Rennes'] },
      contacts: [contact('Anne Le Goff', 'anne@sst.example')],
    });
    const today = calendarDateAt(new Date());
    await ok(admin, 'POST', '/api/v1/agreements/existing', {
      serviceId: service.id,
      outcome: 'granted',
      decidedOn: addDays(addMonths(today, -12), -20),
      validFrom: addMonths(today, -12),
      limits: {
        maxEmployeesPerDoctor: 3_300,
        maxEmployeesPerTeam: 6_500,
        doctorsPerSector: [{ sector: 'principal', doctors: 19 }],
      },
      reference: 'Arrêté DREETS-53-E2E',
    });

    // The region's consulted bodies, the CRPST's members (one on the service's board) and the plan.
    const regional = await token({ roles: ['direccte'], region: '53', org: direccte.id, sub: 'agent' });
    const crpst = await ok(regional, 'POST', '/api/v1/bodies', {
      kind: 'CRPST',
      region: '53',
      name: 'CRPST de Bretagne',
      organisationId: crprp.id,
      validFrom: '2022-04-01',
    });
    const arsBody = await ok(regional, 'POST', '/api/v1/bodies', {
      kind: 'ARS',
      region: '53',
      name: 'ARS de Bretagne',
      organisationId: ars.id,
      validFrom: '2022-04-01',
    });
    const recused = await ok(
      regional,
      'POST',
      `/api/v1/bodies/${crpst.id}/members`,
      {
        name: 'Yannick Le Roux',
        college: 'employers',
        email: 'y.leroux@example.org',
        mandateFrom: '2022-04-01',
        interests: [{ organisationId: service.id, link: 'board_seat', from: '2022-04-01' }],
      },
      crpst.version,
    );
    const sitting = await ok(
      regional,
      'POST',
      `/api/v1/bodies/${crpst.id}/members`,
      {
        name: 'Loïc Guillou',
        college: 'employees',
        email: 'l.guillou@example.org',
        mandateFrom: '2022-04-01',
      },
      crpst.version + 1,
    );
    await ok(regional, 'POST', '/api/v1/consultation-plans', {
      region: '53',
      validFrom: '2022-04-01',
      entries: [
        { bodyId: crpst.id, step: 'opinion' },
        { bodyId: arsBody.id, step: 'opinion' },
      ],
    });

    // The three parties draft and submit the CPOM in the contracts service.
    const sst = await token({ roles: ['sst'], region: '53', org: service.id, sub: 'director' });
    const caisseAgent = await token({ roles: ['caisse'], region: '53', org: caisse.id, sub: 'engineer' });
    const periodEnd = addDays(addMonths(today, 36), -1);
    const drafted = await ok(sst, 'POST', '/api/v1/cpoms', {
      serviceId: service.id,
      direccteId: direccte.id,
      caisseId: caisse.id,
      periodStart: today,
      periodEnd,
      context: {
        regionalDiagnosisId: null,
        commonReferences: { prst: 'PRST 4 Bretagne', cogAtmp: 'COG AT-MP 2023-2027' },
        localDiagnosis: 'Logistique et agroalimentaire, sinistralité TMS élevée.',
      },
      priorities: [
        { priorityId: '0194b7a0-0001-7000-8000-000000000001', title: 'Prévenir les TMS', origins: ['prst'] },
      ],
      actions: [
        {
          actionId: '0194b7a0-0002-7000-8000-000000000001',
          priorityId: '0194b7a0-0001-7000-8000-000000000001',
          title: 'Accompagner les entrepôts',
          theme: 'tms',
          commitments: {
            service: 'Conduire 30 accompagnements par an',
            direccte: 'Animer le réseau des préventeurs',
            caisse: 'Cibler les entreprises et mobiliser les aides',
          },
          means: [{ party: 'caisse', code: 'company_targeting' }],
          indicators: [
            {
              indicatorId: '0194b7a0-0003-7000-8000-000000000001',
              name: 'Entreprises accompagnées',
              kind: 'quantitative',
              purpose: 'result',
              unit: 'entreprises',
              baseline: 0,
              target: 90,
              direction: 'increase',
              frequency: 'yearly',
            },
          ],
          expectedResults: '30 entreprises accompagnées chaque année',
        },
      ],
      followUp: { reviewFrequency: 'yearly', bodiesInformed: ['cmt', 'board'] },
      annexes: [],
    });
    const submitted = await ok(sst, 'POST', `/api/v1/cpoms/${drafted.id}/submission`, {}, drafted.version);
    assert.equal(submitted.status, 'IN_CONSULTATION');

    // The consultations service opened one consultation per body of the plan, on version 1 (L.4622-10).
    const consultations = await expectEventually(
      async () => {
        const list = await ok(regional, 'GET', `/api/v1/consultations?contractId=${drafted.id}`);
        assert.equal(list.total, 2);
        return list.items as Json[];
      },
      { timeoutMs: 20_000 },
    );
    const onCrpst = consultations.find((c) => c.bodyId === crpst.id) as Json;
    const onArs = consultations.find((c) => c.bodyId === arsBody.id) as Json;
    assert.deepEqual([onCrpst.contractVersion, onArs.contractVersion], [1, 1]);

    // D.4622-44: the member linked to the service is recused; an opinion where they sat is refused.
    const secretariat = await token({ roles: ['crprp'], region: '53', org: crprp.id, sub: 'secretariat' });
    const session = await ok(
      secretariat,
      'POST',
      `/api/v1/consultations/${onCrpst.id}/session`,
      { sessionOn: today },
      onCrpst.version,
    );
    assert.deepEqual(
      session.session.recused.map((m: Json) => m.memberId),
      [recused.id],
    );
    const opinion = (sat: string[]) => ({
      outcome: 'favourable',
      deliveredOn: today,
      text: 'Avis favorable au CPOM.',
      sat,
      votes: { for: sat.length, against: 0, abstentions: 0 },
    });
    const refused = await call(
      secretariat,
      'POST',
      `/api/v1/consultations/${onCrpst.id}/opinion`,
      opinion([recused.id, sitting.id]),
      session.version,
    );
    assert.equal(refused.status, 422, JSON.stringify(refused.json));
    assert.match(JSON.stringify(refused.json), /Yannick Le Roux/);
    await ok(
      secretariat,
      'POST',
      `/api/v1/consultations/${onCrpst.id}/opinion`,
      opinion([sitting.id]),
      session.version,
    );
    const arsAgent = await token({ roles: ['ars'], region: '53', org: ars.id, sub: 'ars' });
    await ok(
      arsAgent,
      'POST',
      `/api/v1/consultations/${onArs.id}/opinion`,
      { outcome: 'favourable', deliveredOn: today, text: 'Avis favorable de l’ARS.' },
      onArs.version,
    );

    // consultation.completed moves the CPOM to READY_TO_SIGN in the contracts service (D.4622-44).
    const ready = await expectEventually(
      async () => {
        const cpom = await ok(sst, 'GET', `/api/v1/cpoms/${drafted.id}`);
        assert.equal(cpom.status, 'READY_TO_SIGN');
        return cpom;
      },
      { timeoutMs: 20_000 },
    );
    let version = ready.version as number;
    for (const party of [sst, caisseAgent, regional]) {
      const signed = await ok(
        party,
        'POST',
        `/api/v1/cpoms/${drafted.id}/signatures`,
        { signedOn: today },
        version,
      );
      version = signed.version;
    }
    const signed = await ok(sst, 'GET', `/api/v1/cpoms/${drafted.id}`);
    assert.equal(signed.status, 'SIGNED');

    // The indicators service projected the indicator from contract.signed; the service reports its value.
    const indicatorId = '0194b7a0-0003-7000-8000-000000000001';
    await expectEventually(
      async () => {
        const indicators = await ok(sst, 'GET', `/api/v1/cpoms/${drafted.id}/indicators`);
        assert.equal(JSON.stringify(indicators).includes(indicatorId), true);
      },
      { timeoutMs: 20_000 },
    );
    const year = today.slice(0, 4);
    await ok(sst, 'POST', `/api/v1/cpoms/${drafted.id}/indicators/${indicatorId}/measurements`, {
      period: year,
      value: 12,
      comment: 'Premiers accompagnements',
    });
    const dashboard = await expectEventually(
      async () => {
        const figures = await ok(regional, 'GET', '/api/v1/dashboards/regions/53');
        assert.equal(figures.cpomsInForce, 1);
        return figures;
      },
      { timeoutMs: 20_000 },
    );
    assert.equal(dashboard.cpomsByStatus.signed, 1);

    // The ARS was asked for its opinion by a French e-mail.
    await expectEventually(
      () =>
        assert.ok(
          smtp.messages.some((m) => m.to.includes('soizic@ars.example') && /^Demande :/.test(m.subject)),
          smtp.messages.map((m) => `${m.to} ${m.subject}`).join('\n'),
        ),
      { timeoutMs: 30_000 },
    );
  });
});
