// Loads a living region into a running platform, through the gateway like any API consumer:
// `npm start` in one terminal, then `npm run demo:seed` (GATEWAY_URL to aim elsewhere).
// Bretagne (INSEE 53): its DIRECCTE, CARSAT, ARS, CRPRP and a dozen inter-company services, each with
// an agrément at a different step (granted, conditional, under examination, on notice). Safe to run
// twice: what is already there (same type and name; a service with an agrément) is left as it is.
// Consultations (issue 12): the CRPST and the ARS as consulted bodies, the CRPST's members (one of them on the
// board of Santé au travail Rennes Métropole, so recused on its CPOM, D.4622-44) and the plan in force; the
// consultations open when the contracts demo submits CPOMs.
// Development key only.
import { signDevelopmentToken } from '@tripartite/auth';
import { addDays, addMonths, calendarDateAt } from '@tripartite/calendar';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { siretWithKey } from '../apps/agreements/src/organisation/domain/siret.rule';

const REGION = '53';
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';

/** A fictitious SIRET with a valid INSEE key, so the directory accepts it. */
const demoSiret = (index: number) => siretWithKey(`90053${String(index).padStart(8, '0')}`);

const contact = (name: string, email: string, fn: string) => ({
  name,
  email,
  function: fn,
  receivesNotifications: true,
});

const services: [name: string, employees: number, companies: number, btp: boolean, sectors: string[]][] = [
  ['Santé au travail Rennes Métropole', 182_000, 14_800, false, ['Rennes', 'Cesson-Sévigné']],
  ['AST Pays de Saint-Malo', 41_000, 3_600, false, ['Saint-Malo', 'Dinard']],
  ['Santé Travail Pays de Vitré', 28_500, 2_100, false, ['Vitré', 'Fougères']],
  ['Santé au Travail en Iroise', 96_000, 7_900, false, ['Brest', 'Landerneau']],
  ['AST Cornouaille', 64_000, 5_300, false, ['Quimper', 'Douarnenez']],
  ['Santé Travail Pays de Morlaix', 22_000, 1_900, false, ['Morlaix']],
  ['AST Côtes-d’Armor Ouest', 38_000, 3_200, false, ['Guingamp', 'Lannion']],
  ['Santé Travail Baie de Saint-Brieuc', 57_000, 4_700, false, ['Saint-Brieuc']],
  ['AST Pays de Vannes', 71_000, 6_100, false, ['Vannes', 'Auray']],
  ['Santé au Travail Pays de Lorient', 69_000, 5_800, false, ['Lorient', 'Quimperlé']],
  ['Santé Travail Centre Bretagne', 19_000, 1_700, false, ['Pontivy', 'Loudéac']],
  ['Service de santé au travail du BTP de Bretagne', 33_000, 6_400, true, ['Bretagne']],
];

const organisations = [
  {
    type: 'DIRECCTE',
    name: 'DREETS Bretagne',
    regions: [REGION],
    contacts: [contact('Claire Le Bihan', 'claire.lebihan@dreets-bretagne.example', 'Pôle travail')],
  },
  {
    type: 'CAISSE',
    caisseKind: 'CARSAT',
    name: 'CARSAT Bretagne',
    regions: [REGION],
    contacts: [contact('Erwan Kerhervé', 'erwan.kerherve@carsat-bretagne.example', 'Ingénieur-conseil')],
  },
  {
    type: 'ARS',
    name: 'ARS Bretagne',
    regions: [REGION],
    contacts: [contact('Soizic Le Gall', 'soizic.legall@ars-bretagne.example', 'Santé environnement')],
  },
  {
    type: 'CRPRP',
    name: 'CROCT Bretagne — groupe permanent',
    regions: [REGION],
    contacts: [contact('Secrétariat du CROCT', 'croct@dreets-bretagne.example', 'Secrétariat')],
  },
  ...services.map(([name, employeesFollowed, memberCompanies, btp, sectors], index) => ({
    type: 'SSTI',
    name,
    regions: [REGION],
    siret: demoSiret(index + 1),
    service: { employeesFollowed, memberCompanies, btp, sectors },
    contacts: [contact(`Direction — ${name}`, `direction.${index + 1}@spsti-bretagne.example`, 'Direction')],
  })),
];

const limits = (employees: number) => ({
  maxEmployeesPerDoctor: 3_300,
  maxEmployeesPerTeam: 6_500,
  doctorsPerSector: [{ sector: 'principal', doctors: Math.ceil(employees / 3_300) }],
});

/**
 * Which step each demo service's agrément is at, by its index in `services`. `existing`: granted before the
 * region joined the platform, recorded with its real dates (its past reminders skipped, never sent).
 */
type Step = 'granted' | 'conditional' | 'examination' | 'filed' | 'notice' | 'existing';
const steps: Step[] = [
  'granted',
  'existing',
  'conditional',
  'granted',
  'examination',
  'granted',
  'filed',
  'granted',
  'notice',
  'existing',
  'granted',
  'granted',
];

// biome-ignore lint/suspicious/noExplicitAny: the seed reads a few fields of the API's answers.
type Json = Record<string, any>;
/** Calls the API; a change names the version it applies to (`If-Match`, required on every change). */
type Api = (method: string, path: string, body?: unknown, version?: number) => Promise<Json>;

/** Takes one service's agrément to its demo step through the API, as the DIRECCTE and the service would. */
async function agreementFor(
  api: Api,
  serviceId: string,
  employees: number,
  step: Step,
  today: string,
): Promise<void> {
  // An application under examination was filed 100 days ago: the DIRECCTE's first warning is due.
  if (step === 'existing') {
    // Granted in March four years ago by the DREETS, before the region joined the platform.
    const validFrom = `${Number(today.slice(0, 4)) - 4}-03-01`;
    await api('POST', '/api/v1/agreements/existing', {
      serviceId,
      outcome: 'granted',
      decidedOn: addDays(validFrom, -20),
      validFrom,
      limits: limits(employees),
      reference: `Arrêté DREETS-53-${validFrom.slice(0, 4)}-${serviceId.slice(-3)}`,
    });
    return;
  }
  const filedOn = step === 'examination' ? addDays(today, -100) : today;
  const filed = await api('POST', '/api/v1/agreements', { serviceId, application: 'first', filedOn });
  if (step === 'filed') return;
  const id = filed.id as string;
  const opinion = await api(
    'POST',
    `/api/v1/agreements/${id}/inspector-opinion`,
    {
      verdict: step === 'conditional' ? 'reserved' : 'favourable',
      givenOn: today,
      text: step === 'conditional' ? 'Effectif médical insuffisant sur un secteur' : 'Avis favorable',
    },
    filed.version,
  );
  if (step === 'examination') return;
  // In force from the first of next month; the service on notice holds one in force today (D.4622-51).
  const validFrom = step === 'notice' ? today : addMonths(`${today.slice(0, 8)}01`, 1);
  const decided = await api(
    'POST',
    `/api/v1/agreements/${id}/decision`,
    {
      outcome: step === 'conditional' ? 'conditional' : 'granted',
      decidedOn: today,
      validFrom,
      limits: limits(employees),
      ...(step === 'conditional'
        ? {
            complianceCommitment: {
              description: 'Recruter deux médecins du travail',
              dueOn: addMonths(today, 12),
            },
          }
        : {}),
    },
    opinion.version,
  );
  if (step === 'notice') {
    await api(
      'POST',
      `/api/v1/agreements/${id}/compliance-notices`,
      {
        grounds: 'no_cpom',
        noticeOn: today,
        deadlineOn: addMonths(today, 3),
        text: 'Conclure un CPOM avec la DREETS et la CARSAT (D.4622-51)',
      },
      decided.version,
    );
  }
}

/** The CRPST's members by college (seed 002 I.2); the first sits on the board of the first demo service. */
const crpstMembers: [name: string, college: string, email: string][] = [
  ['Yannick Le Roux', 'employers', 'y.leroux@medef-bretagne.example'],
  ['Gwenaëlle Tanguy', 'employers', 'g.tanguy@cpme-bretagne.example'],
  ['Loïc Guillou', 'employees', 'l.guillou@cfdt-bretagne.example'],
  ['Maëlle Rivoal', 'employees', 'm.rivoal@cgt-bretagne.example'],
  ['Anne Jézéquel', 'state', 'a.jezequel@dreets-bretagne.example'],
  ['Hervé Morvan', 'state', 'h.morvan@ars-bretagne.example'],
];

/**
 * The consultations service's data for Bretagne: the CRPST (answered by the CROCT's secretariat) and the ARS
 * as bodies since 2022, the CRPST's members with their declarations of interests, and the consultation plan.
 * The consultations service learns the directory from events: the bodies wait until it knows the organisations.
 */
async function consultationsFor(
  api: Api,
  directory: { id: string; name: string; type: string }[],
): Promise<string> {
  const existing = await api('GET', `/api/v1/bodies?region=${REGION}`);
  if (existing.total > 0) return 'bodies already there';
  const secretariat = directory.find((o) => o.type === 'CRPRP');
  const ars = directory.find((o) => o.type === 'ARS');
  const rennes = directory.find((o) => o.name === services[0]?.[0]);
  if (!secretariat || !ars || !rennes) return 'the directory lacks the CRPRP, the ARS or the first service';
  const body = async (kind: string, name: string, organisationId: string): Promise<Json> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api('POST', '/api/v1/bodies', {
          kind,
          region: REGION,
          name,
          organisationId,
          validFrom: '2022-04-01',
        });
      } catch (error) {
        // The consultations service has not heard of the organisation yet: wait for its event.
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  };
  const crpst = await body(
    'CRPST',
    'Commission régionale de prévention et de santé au travail de Bretagne',
    secretariat.id,
  );
  const arsBody = await body('ARS', 'Agence régionale de santé de Bretagne', ars.id);
  let version = crpst.version as number;
  for (const [index, [name, college, email]] of crpstMembers.entries()) {
    const interests =
      index === 0 ? [{ organisationId: rennes.id, link: 'board_seat', from: '2024-01-01' }] : [];
    await api(
      'POST',
      `/api/v1/bodies/${crpst.id}/members`,
      { name, college, email, mandateFrom: '2022-04-01', interests },
      version,
    );
    version++;
  }
  await api('POST', '/api/v1/consultation-plans', {
    region: REGION,
    validFrom: '2022-04-01',
    entries: [
      { bodyId: crpst.id, step: 'opinion' },
      { bodyId: arsBody.id, step: 'opinion' },
    ],
  });
  return `CRPST with ${crpstMembers.length} members (one recused on ${rennes.name}'s CPOM), ARS, plan in force`;
}

async function main(): Promise<void> {
  const config = loadConfig(serviceConfigSchema('demo-seed', 0));
  const token = await signDevelopmentToken({
    subject: 'demo-seed',
    roles: ['admin'],
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    secret: config.AUTH_DEV_SECRET,
    ttl: '10m',
  });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  let created = 0;
  for (const organisation of organisations) {
    const query = new URLSearchParams({ type: organisation.type, region: REGION, name: organisation.name });
    const existing = await fetch(`${gateway}/api/v1/organisations?${query}`, { headers });
    if (!existing.ok) throw new Error(`GET organisations: ${existing.status} ${await existing.text()}`);
    const page = (await existing.json()) as { items: { name: string }[] };
    if (page.items.some((item) => item.name === organisation.name)) continue;
    const response = await fetch(`${gateway}/api/v1/organisations`, {
      method: 'POST',
      headers,
      body: JSON.stringify(organisation),
    });
    if (response.status !== 201)
      throw new Error(`${organisation.name}: ${response.status} ${await response.text()}`);
    created++;
  }
  console.log(
    `Bretagne: ${created} organisation(s) registered, ${organisations.length - created} already there.`,
  );

  const api: Api = async (method, path, body, version) => {
    const response = await fetch(`${gateway}${path}`, {
      method,
      headers: { ...headers, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Json;
  };
  const today = calendarDateAt(new Date((await api('GET', '/api/v1/admin/clock')).now));
  const directory = await api('GET', `/api/v1/organisations?type=SSTI&region=${REGION}&pageSize=200`);
  let agreements = 0;
  for (const [index, [name, employees]] of services.entries()) {
    const service = (directory.items as { id: string; name: string }[]).find((item) => item.name === name);
    if (!service) continue;
    const existing = await api('GET', `/api/v1/agreements?serviceId=${service.id}`);
    if (existing.total > 0) continue;
    await agreementFor(api, service.id, employees, steps[index] ?? 'granted', today);
    agreements++;
  }
  console.log(
    `Agréments: ${agreements} service(s) taken to their demo step (granted, conditional, under examination, on notice, recorded as existing).`,
  );
  const everyone = await api('GET', `/api/v1/organisations?region=${REGION}&pageSize=200`);
  console.log(`Consultations: ${await consultationsFor(api, everyone.items)}.`);
  console.log(
    `See them: ${gateway}/api/docs, or GET /api/v1/organisations?region=${REGION} with an admin token.`,
  );
}

main().catch((error) => {
  console.error(`demo:seed failed: ${error instanceof Error ? error.message : error}`);
  console.error('Is the platform running (npm start)?');
  process.exit(1);
});
