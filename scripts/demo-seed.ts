// Loads a living region into a running platform, through the gateway like any API consumer:
// `npm start` in one terminal, then `npm run demo:seed` (GATEWAY_URL to aim elsewhere).
// Bretagne (INSEE 53): its DIRECCTE, CARSAT, ARS, CRPRP and a dozen inter-company services, each with
// an agrément at a different step (granted, conditional, under examination, on notice), the region's
// shared diagnosis and two Caisse/SSTI partnership protocols. Safe to run
// twice: what is already there (same type and name; a service with an agrément) is left as it is.
// Consultations (issue 12): the CRPST and the ARS as consulted bodies, the CRPST's members (one of them on the
// board of Santé au travail Rennes Métropole, so recused on its CPOM, D.4622-44) and the plan in force; the
// consultations open when the contracts demo submits CPOMs, and are taken to their steps (a session scheduled,
// opinions given, all of them for one CPOM, which becomes ready to sign). CPOMs (issue 11) at every step, and
// indicator values (issue 13) so that the region's dashboard shows every status.
// Development key only.
import { type Role, signDevelopmentToken } from '@tripartite/auth';
import { addDays, addMonths, calendarDateAt } from '@tripartite/calendar';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { siretWithKey } from '../apps/agreements/src/organisation/domain/siret.rule';
import { reportDemoMeasurements } from './demo-seed-indicators';

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

/**
 * The contracts service's regional pieces (issue 11): Bretagne's shared diagnosis, "en chapeau de tous les
 * CPOM" of the region, and two Caisse/SSTI partnership protocols (seed 000), one concluded with a progress
 * point, one in negotiation. Skipped when the region already has them. The contracts service learns the
 * directory from events: the first protocol is retried while it has not heard of the services yet.
 */
async function regionalContracting(
  api: Api,
  services: { id: string; name: string }[],
  today: string,
): Promise<string> {
  const said: string[] = [];
  const diagnoses = await api('GET', `/api/v1/regional-diagnoses?region=${REGION}`);
  if (diagnoses.total === 0) {
    await api('POST', '/api/v1/regional-diagnoses', {
      region: REGION,
      title: 'Diagnostic régional partagé en santé au travail — Bretagne',
      summary:
        'Sinistralité élevée dans l’agroalimentaire (TMS, 45 % des maladies professionnelles reconnues), ' +
        'dans le BTP (chutes de hauteur) et le transport routier ; vieillissement des salariés des TPE ; ' +
        'désinsertion professionnelle après arrêt long dans les industries de la mer.',
      sources: [
        'PRST 4 Bretagne',
        'Statistiques AT-MP 2024 de la CARSAT Bretagne',
        'Rapports annuels des SPSTI',
      ],
      diagnosedOn: addDays(today, -60),
    });
    said.push('a regional diagnosis');
  }
  const protocols = await api('GET', `/api/v1/partnership-protocols?region=${REGION}`);
  const caisses = await api('GET', `/api/v1/organisations?type=CAISSE&region=${REGION}`);
  const caisseId = (caisses.items as { id: string }[])[0]?.id;
  const [rennes, iroise] = ['Santé au travail Rennes Métropole', 'Santé au Travail en Iroise'].map((name) =>
    services.find((service) => service.name === name),
  );
  if (protocols.total === 0 && caisseId && rennes && iroise) {
    const open = (serviceId: string, title: string, themes: string[], openedOn: string) =>
      api('POST', '/api/v1/partnership-protocols', { serviceId, caisseId, title, themes, openedOn });
    let first: Json | null = null;
    for (let attempt = 0; first === null; attempt++) {
      try {
        first = await open(
          rennes.id,
          'Maintien en emploi et visites de pré-reprise',
          ['desinsertion_professionnelle', 'visites_pre_reprise'],
          addDays(today, -200),
        );
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
    const concluded = await api(
      'POST',
      `/api/v1/partnership-protocols/${first.id}/conclusion`,
      {
        concludedOn: addDays(today, -120),
        startsOn: addDays(today, -120),
        endsOn: addDays(addMonths(today, 36), -1),
      },
      first.version,
    );
    await api(
      'POST',
      `/api/v1/partnership-protocols/${first.id}/progress-points`,
      {
        recordedOn: addDays(today, -10),
        summary: 'Cellule PDP commune installée ; 42 visites de pré-reprise coordonnées.',
      },
      concluded.version,
    );
    await open(
      iroise.id,
      'Traçabilité des expositions dans la réparation navale',
      ['tracabilite_expositions', 'etudes_communes'],
      addDays(today, -20),
    );
    said.push('two partnership protocols (one concluded, one in negotiation)');
  }
  return said.length > 0
    ? `Contracts: ${said.join(' and ')}.`
    : 'Contracts: the regional diagnosis and protocols were already there.';
}

/** A CPOM's contents for the demo: one priority per theme, each action with the three parties' commitments. */
function cpomContent(
  start: string,
  end: string,
  diagnosisId: string | null,
  themes: [string, string][],
): Json {
  const ids = (n: number, base: string) => `0194b7a0-${base}-7000-8000-${String(n).padStart(12, '0')}`;
  return {
    periodStart: start,
    periodEnd: end,
    context: {
      regionalDiagnosisId: diagnosisId,
      commonReferences: {
        prst: 'PRST 4 Bretagne (2022-2025)',
        cogAtmp: 'COG AT-MP 2023-2027 — déclinaison bretonne',
      },
      localDiagnosis:
        'Un tissu de TPE du commerce, du nautisme et de l’agroalimentaire ; sinistralité TMS au-dessus de la moyenne régionale.',
    },
    priorities: themes.map(([, title], i) => ({
      priorityId: ids(i + 1, '0001'),
      title,
      origins: i === 0 ? ['prst', 'service_project'] : ['cog_atmp', 'direccte_caisse'],
    })),
    actions: themes.map(([theme, title], i) => ({
      actionId: ids(i + 1, '0002'),
      priorityId: ids(i + 1, '0001'),
      title: `Programme « ${title} »`,
      theme,
      commitments: {
        service: 'Repérer les entreprises concernées lors des visites et conduire 30 accompagnements par an',
        direccte: 'Mettre à disposition les données régionales et animer le réseau des préventeurs',
        caisse: 'Cibler les entreprises prioritaires et mobiliser les aides financières simplifiées',
      },
      means: [
        { party: 'caisse', code: 'company_targeting' },
        { party: 'direccte', code: 'network_animation' },
      ],
      indicators: [
        {
          indicatorId: ids(i + 1, '0003'),
          name: 'Entreprises accompagnées',
          kind: 'quantitative',
          purpose: 'result',
          unit: 'entreprises',
          baseline: 0,
          target: 30,
          direction: 'increase',
          frequency: 'yearly',
        },
      ],
      expectedResults: '30 entreprises accompagnées chaque année',
    })),
    followUp: { reviewFrequency: 'yearly', bodiesInformed: ['cmt', 'board'] },
    annexes: [],
  };
}

/**
 * Bretagne's CPOMs at several steps (issue 11): a draft (Rennes), one in consultation (Iroise), and for the
 * services agreed before the region joined, their generation already signed, recorded as existing: Saint-Malo's
 * ended one evaluated and its current one with a review done; Lorient's in force. Skipped for a service that has
 * a CPOM already. (Amendments come with their own step; readiness and signatures on the platform follow the
 * consulted bodies' opinions, from the consultations service.)
 */
async function regionalCpoms(
  api: Api,
  as: (role: Role, organisationId: string) => Promise<Api>,
  services: { id: string; name: string }[],
  today: string,
): Promise<string> {
  const [direccte] = (await api('GET', `/api/v1/organisations?type=DIRECCTE&region=${REGION}`))
    .items as Json[];
  const [caisse] = (await api('GET', `/api/v1/organisations?type=CAISSE&region=${REGION}`)).items as Json[];
  const diagnosis = ((await api('GET', `/api/v1/regional-diagnoses?region=${REGION}`)).items as Json[])[0];
  if (!direccte || !caisse) return 'CPOMs: no DIRECCTE or Caisse in the directory.';
  const byName = (name: string) => services.find((service) => service.name === name);
  const parties = (serviceId: string) => ({ serviceId, direccteId: direccte.id, caisseId: caisse.id });
  const year = Number(today.slice(0, 4));
  const said: string[] = [];
  /** The contracts service learns the directory from events: retried while it has not heard of the service. */
  const retried = async (call: () => Promise<Json>): Promise<Json> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1_000));
      }
    }
  };
  const fresh = async (name: string) => {
    const service = byName(name);
    if (!service) return null;
    return (await api('GET', `/api/v1/cpoms?serviceId=${service.id}`)).total === 0 ? service : null;
  };
  const [secretariat] = (await api('GET', `/api/v1/organisations?type=CRPRP&region=${REGION}`))
    .items as Json[];
  const [arsOrganisation] = (await api('GET', `/api/v1/organisations?type=ARS&region=${REGION}`))
    .items as Json[];
  /** The consultations the submission opened (the consultations service hears of it by event). */
  const consultationsOf = async (contractId: string): Promise<{ crpst: Json; ars: Json }> => {
    const items = (
      await retried(async () => {
        const list = await api('GET', `/api/v1/consultations?contractId=${contractId}`);
        if (list.total < 2) throw new Error('consultations not opened yet');
        return list;
      })
    ).items as Json[];
    const crpst = items.find((c) => c.bodyKind === 'CRPST');
    const ars = items.find((c) => c.bodyKind === 'ARS');
    if (!crpst || !ars) throw new Error('the plan has no CRPST or ARS');
    return { crpst, ars };
  };
  const consulted = {
    schedule: async (consultation: Json): Promise<Json> =>
      (await as('crprp', secretariat.id))(
        'POST',
        `/api/v1/consultations/${consultation.id}/session`,
        { sessionOn: today },
        consultation.version,
      ),
    crpstOpinion: async (scheduled: Json): Promise<Json> => {
      const recused = new Set((scheduled.session.recused as Json[]).map((m) => m.memberId));
      const members = (await api('GET', `/api/v1/bodies/${scheduled.bodyId}/members?pageSize=200`))
        .items as Json[];
      const sat = members.map((m) => m.id as string).filter((id) => !recused.has(id));
      return (await as('crprp', secretariat.id))(
        'POST',
        `/api/v1/consultations/${scheduled.id}/opinion`,
        {
          outcome: 'favourable',
          deliveredOn: today,
          text: 'Avis favorable de la commission, à l’unanimité des membres présents.',
          sat,
          votes: { for: sat.length, against: 0, abstentions: 0 },
        },
        scheduled.version,
      );
    },
    arsOpinion: async (consultation: Json): Promise<Json> =>
      (await as('ars', arsOrganisation.id))(
        'POST',
        `/api/v1/consultations/${consultation.id}/opinion`,
        {
          outcome: 'reserved',
          deliveredOn: today,
          text: 'Avis réservé : préciser l’articulation avec le plan régional santé environnement.',
        },
        consultation.version,
      ),
  };
  const start = `${year + 1}-01-01`;
  const end = `${year + 5}-12-31`;
  const rennes = await fresh('Santé au travail Rennes Métropole');
  if (rennes) {
    await retried(() =>
      api('POST', '/api/v1/cpoms', {
        ...parties(rennes.id),
        ...cpomContent(start, end, diagnosis?.id ?? null, [
          ['tms', 'Prévenir les TMS dans la logistique'],
          ['rps', 'Prévenir les risques psychosociaux'],
        ]),
      }),
    );
    said.push('a draft');
  }
  const iroise = await fresh('Santé au Travail en Iroise');
  if (iroise) {
    const drafted = await retried(() =>
      api('POST', '/api/v1/cpoms', {
        ...parties(iroise.id),
        ...cpomContent(start, end, diagnosis?.id ?? null, [
          ['cmr', 'Réduire l’exposition aux CMR dans la réparation navale'],
          ['desinsertion', 'Prévenir la désinsertion professionnelle'],
        ]),
      }),
    );
    await api('POST', `/api/v1/cpoms/${drafted.id}/submission`, {}, drafted.version);
    // Its consultations at two steps: the CRPST's session scheduled, the ARS's opinion given.
    const opened = await consultationsOf(drafted.id);
    await consulted.schedule(opened.crpst);
    await consulted.arsOpinion(opened.ars);
    said.push('one in consultation (the CRPST’s session scheduled, the ARS’s opinion given)');
  }
  const cornouaille = await fresh('AST Cornouaille');
  if (cornouaille) {
    const drafted = await retried(() =>
      api('POST', '/api/v1/cpoms', {
        ...parties(cornouaille.id),
        ...cpomContent(start, end, diagnosis?.id ?? null, [
          ['risque_routier', 'Réduire le risque routier des salariés itinérants'],
        ]),
      }),
    );
    await api('POST', `/api/v1/cpoms/${drafted.id}/submission`, {}, drafted.version);
    // Every opinion of the plan given: consultation.completed makes it ready to sign (D.4622-44).
    const opened = await consultationsOf(drafted.id);
    const scheduled = await consulted.schedule(opened.crpst);
    await consulted.crpstOpinion(scheduled);
    await consulted.arsOpinion(opened.ars);
    await retried(async () => {
      const cpom = await api('GET', `/api/v1/cpoms/${drafted.id}`);
      if (cpom.status !== 'READY_TO_SIGN') throw new Error(`still ${cpom.status}`);
      return cpom;
    });
    said.push('one ready to sign after both opinions');
  }
  const saintMalo = await fresh('AST Pays de Saint-Malo');
  if (saintMalo) {
    // Agreed from March four years ago (recorded as existing): its previous generation, ended and evaluated…
    const ended = await retried(() =>
      api('POST', '/api/v1/cpoms/existing', {
        ...parties(saintMalo.id),
        ...cpomContent(`${year - 4}-04-01`, `${year - 1}-03-31`, null, [
          ['tms', 'Prévenir les TMS dans le nautisme'],
        ]),
        signedOn: `${year - 4}-03-20`,
        reference: `CPOM-53-${year - 4}-SM`,
      }),
    );
    await api(
      'POST',
      `/api/v1/cpoms/${ended.id}/evaluation`,
      { evaluatedOn: `${year - 1}-06-30`, summary: 'Objectifs atteints à 85 % ; action TMS à poursuivre.' },
      ended.version,
    );
    // …and the current one, signed in April last year, with its first yearly review held.
    const current = await api('POST', '/api/v1/cpoms/existing', {
      ...parties(saintMalo.id),
      ...cpomContent(`${year - 1}-04-01`, `${year + 3}-12-31`, diagnosis?.id ?? null, [
        ['tms', 'Prévenir les TMS dans le nautisme'],
        ['risque_routier', 'Réduire le risque routier professionnel'],
      ]),
      signedOn: `${year - 1}-03-25`,
      reference: `CPOM-53-${year - 1}-SM`,
    });
    await api(
      'POST',
      `/api/v1/cpoms/${current.id}/annual-reviews`,
      {
        reviewedOn: today,
        participants: [
          { name: 'Direction — AST Pays de Saint-Malo', party: 'service' },
          { name: 'Claire Le Bihan', party: 'direccte' },
          { name: 'Erwan Kerhervé', party: 'caisse' },
        ],
        indicators: current.actions.map((action: Json) => ({
          indicatorId: action.indicators[0].indicatorId,
          value: 18,
          comment: 'Montée en charge conforme',
        })),
        difficulties: 'Recrutement d’un ergonome',
        decisions: 'Étendre l’action TMS aux chantiers navals',
      },
      current.version,
    );
    said.push('an ended CPOM evaluated and a signed one with its review done');
  }
  const lorient = await fresh('Santé au Travail Pays de Lorient');
  if (lorient) {
    const recorded = await retried(() =>
      api('POST', '/api/v1/cpoms/existing', {
        ...parties(lorient.id),
        ...cpomContent(`${year - 3}-07-01`, `${year + 1}-06-30`, null, [
          ['btp', 'Prévenir les chutes de hauteur dans le BTP'],
        ]),
        signedOn: `${year - 3}-06-15`,
        reference: `CPOM-53-${year - 3}-LO`,
      }),
    );
    // Amended: the target raised and a year added (five years at most, amendments included: D.4622-47),
    // signed by a person of each party.
    const actions = structuredClone(recorded.actions) as Json[];
    actions[0].indicators[0].target = 45;
    let amended = await api(
      'POST',
      `/api/v1/cpoms/${recorded.id}/amendments`,
      {
        summary: 'Avenant n°1 : cible relevée et prolongation d’un an',
        periodEnd: `${year + 2}-06-30`,
        actions,
      },
      recorded.version,
    );
    for (const [role, organisationId] of [
      ['sst', lorient.id],
      ['direccte', direccte.id],
      ['caisse', caisse.id],
    ] as const) {
      const party = await as(role, organisationId);
      amended = await party(
        'POST',
        `/api/v1/cpoms/${recorded.id}/amendments/1/signatures`,
        { signedOn: today },
        amended.version,
      );
    }
    said.push('one in force, amended');
  }
  return said.length > 0 ? `CPOMs: ${said.join(', ')}.` : 'CPOMs: already there.';
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
  console.log(await regionalContracting(api, directory.items, today));
  const as = async (role: Role, organisationId: string): Promise<Api> => {
    const party = await signDevelopmentToken({
      subject: `demo-seed-${role}`,
      roles: [role],
      region: REGION,
      organisationId,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      secret: config.AUTH_DEV_SECRET,
      ttl: '10m',
    });
    return async (method, path, body, version) => {
      const response = await fetch(`${gateway}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${party}`,
          'content-type': 'application/json',
          ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
      return (await response.json()) as Json;
    };
  };
  console.log(await regionalCpoms(api, as, directory.items, today));
  // Indicators (issue 13): values on the signed CPOMs of Bretagne, once the contracts service has some.
  const cpoms = await fetch(`${gateway}/api/v1/cpoms?region=${REGION}&pageSize=200`, { headers });
  const cpomIds = cpoms.ok
    ? ((await cpoms.json()) as { items?: { id: string }[] }).items?.map((c) => c.id)
    : [];
  if (cpomIds && cpomIds.length > 0) {
    const reported = await reportDemoMeasurements({ gateway, headers, cpomIds, today });
    console.log(`Indicators: ${reported} value(s) reported on ${cpomIds.length} CPOM(s) of Bretagne.`);
  } else {
    console.log('Indicators: no CPOM of Bretagne yet, no value reported.');
  }
  console.log(
    `See them: ${gateway}/api/docs, or GET /api/v1/organisations?region=${REGION} with an admin token.`,
  );
}

main().catch((error) => {
  console.error(`demo:seed failed: ${error instanceof Error ? error.message : error}`);
  console.error('Is the platform running (npm start)?');
  process.exit(1);
});
