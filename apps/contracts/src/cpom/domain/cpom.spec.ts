import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@tripartite/errors';
import { Cpom } from './cpom';
import type { CpomContent, CpomOpinion, CpomSignature } from './cpom.types';
import { contentProblems } from './cpom-content.rule';
import { diffVersions } from './cpom-diff';
import { canonicalJson, contentHashOf } from './cpom-hash';
import { partyProblems } from './cpom-parties.rule';
import { nextReviewDate } from './cpom-review.rule';

const P1 = '00000000-0000-7000-8000-000000000001';
const A1 = '00000000-0000-7000-8000-000000000011';
const I1 = '00000000-0000-7000-8000-000000000021';

function content(overrides: Partial<CpomContent> = {}): CpomContent {
  return {
    periodStart: '2025-01-01',
    periodEnd: '2029-12-31',
    context: {
      regionalDiagnosisId: null,
      commonReferences: { prst: 'PRST 4', cogAtmp: 'COG 2023-2027' },
      localDiagnosis: 'TMS',
    },
    priorities: [{ priorityId: P1, title: 'Prévenir les TMS', origins: ['prst'], sharedWithServiceIds: [] }],
    actions: [
      {
        actionId: A1,
        priorityId: P1,
        title: 'Accompagner les entreprises de logistique',
        theme: 'tms',
        commitments: { service: 'Visites', direccte: 'Données', caisse: 'Ciblage' },
        means: [{ party: 'caisse', code: 'company_targeting', text: null }],
        indicators: [
          {
            indicatorId: I1,
            name: 'Entreprises accompagnées',
            kind: 'quantitative',
            purpose: 'result',
            unit: 'entreprises',
            baseline: 0,
            target: 40,
            direction: 'increase',
            frequency: 'yearly',
          },
        ],
        expectedResults: '40 entreprises accompagnées',
      },
    ],
    followUp: { reviewFrequency: 'yearly', bodiesInformed: ['cmt', 'board'] },
    annexes: [],
    ...overrides,
  };
}

const parties = { serviceId: 's', direccteId: 'd', caisseId: 'c', regions: ['53'] };

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return error.code;
  }
  return 'no error';
}

function readyCpom(opinions: CpomOpinion['outcome'][] = ['favourable', 'favourable']): Cpom {
  const cpom = Cpom.draft('id', parties, content(), '2024-09-01');
  cpom.submit('2024-09-02', { btp: false });
  cpom.completeConsultation(
    1,
    opinions.map((outcome, i) => ({
      consultationId: `consultation-${i}`,
      contentVersion: 1,
      bodyKind: i === 0 ? 'CRPST' : 'ARS',
      bodyName: i === 0 ? 'CRPST Bretagne' : 'ARS Bretagne',
      outcome,
      deliveredOn: '2024-10-01',
      text: 'Avis',
    })),
    '2024-10-01',
  );
  return cpom;
}

function signature(party: CpomSignature['party'], overrides: Partial<CpomSignature> = {}): CpomSignature {
  return {
    party,
    organisationId: party,
    signatory: `${party}-person`,
    role: party === 'service' ? 'sst' : party,
    signedOn: '2024-12-01',
    justification: null,
    ...overrides,
  };
}

const agreed = { today: '2024-12-10', agreedOnSignatureDate: true };

describe('the CPOM (L.4622-10, D.4622-44 to 47; seed 002 II)', () => {
  it('accepts five years less a day and refuses one day more (D.4622-47)', () => {
    assert.deepEqual(contentProblems(content({ periodStart: '2025-01-01', periodEnd: '2029-12-31' })), []);
    const tooLong = contentProblems(content({ periodStart: '2025-01-01', periodEnd: '2030-01-01' }));
    assert.deepEqual(
      tooLong.map((p) => p.field),
      ['periodEnd'],
    );
    assert.match(tooLong[0].rule, /D\.4622-47/);
  });

  it('refuses a quantitative indicator without unit and a qualitative one with a target (seed 002 II.4)', () => {
    const base = content();
    const [action] = base.actions;
    const withoutUnit = { ...action.indicators[0], unit: null };
    const qualitative = {
      ...action.indicators[0],
      indicatorId: 'i2',
      kind: 'qualitative' as const,
      unit: null,
      baseline: null,
      direction: null,
    };
    const problems = contentProblems(
      content({ actions: [{ ...action, indicators: [withoutUnit, qualitative] }] }),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['actions[0].indicators[0].unit', 'actions[0].indicators[1].target'],
    );
  });

  it('refuses an action under an unknown priority, a theme outside the list or its extension codes, and an unknown means (seed 002 II.4)', () => {
    const [action] = content().actions;
    const problems = contentProblems(
      content({
        actions: [
          {
            ...action,
            priorityId: 'nope',
            theme: 'Not A Code',
            means: [{ party: 'direccte', code: 'company_targeting', text: null }],
          },
        ],
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['actions[0].priorityId', 'actions[0].theme', 'actions[0].means[0].code'],
    );
    assert.deepEqual(contentProblems(content({ actions: [{ ...action, theme: 'ostreiculture' }] })), []);
  });

  it('refuses a submission listing each incomplete action and what it lacks, by party (seed 002 II.4)', () => {
    const [action] = content().actions;
    const incomplete = content({
      priorities: [
        ...content().priorities,
        { priorityId: 'p2', title: 'Désinsertion', origins: ['cog_atmp'], sharedWithServiceIds: [] },
      ],
      actions: [
        {
          ...action,
          commitments: { service: 'x', direccte: '', caisse: ' ' },
          indicators: [],
          expectedResults: '',
        },
      ],
    });
    const cpom = Cpom.draft('id', parties, incomplete, '2024-09-01');
    try {
      cpom.submit('2024-09-02', { btp: false });
      assert.fail('submitted');
    } catch (error) {
      assert.ok(error instanceof DomainError);
      assert.equal(error.code, 'CPOM.INCOMPLETE');
      assert.deepEqual(
        error.errors.map((e) => e.field),
        [
          'priorities[1]',
          'actions[0].commitments.direccte',
          'actions[0].commitments.caisse',
          'actions[0].indicators',
          'actions[0].expectedResults',
        ],
      );
    }
    assert.equal(cpom.status, 'DRAFT');
  });

  it('warns a BTP service without an OPPBTP annex, without blocking (seed 002 II.4, accord-cadre du 14 décembre 2011)', () => {
    const cpom = Cpom.draft('id', parties, content(), '2024-09-01');
    const warnings = cpom.submit('2024-09-02', { btp: true });
    assert.deepEqual(
      warnings.map((w) => w.code),
      ['CPOM.OPPBTP_ANNEX_MISSING'],
    );
    assert.equal(cpom.status, 'IN_CONSULTATION');
  });

  it('warns of a known Caisse/SSTI convention not annexed, and not of one annexed by its reference (seed 002 II.4, seed 000)', () => {
    const conventions = [
      { reference: 'p-1', title: 'Maintien en emploi' },
      { reference: 'p-2', title: 'Traçabilité des expositions' },
    ];
    const annexed = {
      kind: 'partnership_protocol' as const,
      title: 'Maintien en emploi',
      date: null,
      parties: [],
      reference: 'p-1',
    };
    const cpom = Cpom.draft('id', parties, content({ annexes: [annexed] }), '2024-09-01');
    const warnings = cpom.submit('2024-09-02', { btp: false }, conventions);
    assert.deepEqual(
      warnings.map((w) => [w.code, w.field]),
      [['CPOM.KNOWN_CONVENTION_NOT_ANNEXED', 'annexes']],
    );
    assert.match(warnings[0].message, /p-2/);
  });

  it('takes an SSTi only, the DIRECCTE of its region and its competent Caisse (L.4622-10)', () => {
    const service = { id: 's', type: 'SSTI', regions: ['53'], caisseId: 'c' };
    const direccte = { id: 'd', type: 'DIRECCTE', regions: ['53'], caisseId: null };
    const caisse = { id: 'c', type: 'CAISSE', regions: ['53'], caisseId: null };
    assert.deepEqual(partyProblems({ service, direccte, caisse }), []);
    const ssta = partyProblems({ service: { ...service, type: 'SSTA' }, direccte, caisse });
    assert.equal(ssta[0].field, 'serviceId');
    assert.match(ssta[0].rule, /L\.4622-10/);
    const otherCaisse = partyProblems({ service, direccte, caisse: { ...caisse, id: 'c2' } });
    assert.deepEqual(
      otherCaisse.map((p) => p.field),
      ['caisseId'],
    );
    const otherRegion = partyProblems({ service, direccte: { ...direccte, regions: ['11'] }, caisse });
    assert.deepEqual(
      otherRegion.map((p) => p.field),
      ['direccteId'],
    );
  });

  it('refuses a signature before every opinion is in (L.4622-10, D.4622-44) and without agrément in force (seed 002 I.1)', () => {
    const cpom = Cpom.draft('id', parties, content(), '2024-09-01');
    cpom.submit('2024-09-02', { btp: false });
    assert.equal(
      codeOf(() => cpom.sign(signature('service'), agreed)),
      'CPOM.OPINIONS_MISSING',
    );
    const ready = readyCpom();
    assert.equal(
      codeOf(() => ready.sign(signature('service'), { ...agreed, agreedOnSignatureDate: false })),
      'CPOM.SERVICE_NOT_AGREED',
    );
  });

  it('requires a written justification when an opinion is unfavourable or reserved (L.4622-10, D.4622-44)', () => {
    const cpom = readyCpom(['favourable', 'reserved']);
    assert.equal(
      codeOf(() => cpom.sign(signature('direccte'), agreed)),
      'CPOM.JUSTIFICATION_REQUIRED',
    );
    cpom.sign(signature('direccte', { justification: 'Réserves levées par l’action 2' }), agreed);
    assert.equal(cpom.state.signatures.length, 1);
  });

  it('refuses a party signing twice and is SIGNED at the third signature, frozen with its SHA-256 (L.4622-10)', () => {
    const cpom = readyCpom();
    assert.deepEqual(cpom.sign(signature('service'), agreed), { complete: false });
    assert.equal(
      codeOf(() => cpom.sign(signature('service'), agreed)),
      'CPOM.ALREADY_SIGNED',
    );
    cpom.sign(signature('caisse', { signedOn: '2024-12-05' }), agreed);
    assert.deepEqual(cpom.sign(signature('direccte'), agreed), { complete: true });
    assert.equal(cpom.status, 'SIGNED');
    assert.equal(cpom.state.signedOn, '2024-12-05');
    const version = cpom.currentSignedVersion;
    assert.equal(version?.contentHash, contentHashOf(content()));
    assert.deepEqual(cpom.tamperedVersions(), []);
    assert.equal(
      codeOf(() => cpom.revise(content())),
      'CPOM.INVALID_STATE',
    );
  });

  it('finds a signed text changed after the signature (tamper evidence, règle de la plateforme)', () => {
    const cpom = readyCpom();
    for (const party of ['service', 'caisse', 'direccte'] as const) cpom.sign(signature(party), agreed);
    const state = structuredClone(cpom.state);
    state.signedVersions[0].content.actions[0].indicators[0].target = 400;
    assert.deepEqual(Cpom.restore(state, cpom.version).tamperedVersions(), [1]);
  });

  it('hashes one canonical form whatever the order of the keys', () => {
    assert.equal(canonicalJson({ b: 1, a: [2, { d: 1, c: null }] }), '{"a":[2,{"c":null,"d":1}],"b":1}');
  });

  it('numbers a new content version when a withdrawn submission is edited (règle de la plateforme)', () => {
    const cpom = Cpom.draft('id', parties, content(), '2024-09-01');
    cpom.submit('2024-09-02', { btp: false });
    cpom.withdrawSubmission();
    cpom.revise(content({ periodEnd: '2029-06-30' }));
    assert.equal(cpom.state.contentVersion, 2);
    assert.equal(cpom.completeConsultation(1, [], '2024-10-01'), false);
  });
});

describe('the yearly review dates of a CPOM (seed 002 II.4: "un examen au moins annuel")', () => {
  it('falls on each anniversary of the start within the period, every six months when the follow-up says so', () => {
    const period = { periodStart: '2025-01-01', periodEnd: '2027-12-31' };
    assert.equal(nextReviewDate(period, 12, '2024-12-01'), '2026-01-01');
    assert.equal(nextReviewDate(period, 12, '2026-01-01'), '2027-01-01');
    assert.equal(nextReviewDate(period, 12, '2027-01-01'), null);
    assert.equal(nextReviewDate(period, 6, '2025-01-01'), '2025-07-01');
  });
});

describe('amendments (avenants) to a CPOM in force (D.4622-47)', () => {
  function signedCpom(): Cpom {
    const cpom = readyCpom();
    for (const party of ['service', 'caisse', 'direccte'] as const) cpom.sign(signature(party), agreed);
    return cpom;
  }

  it('keeps the five years amendments included: start + 5 years − 1 day accepted, one more day refused (D.4622-47)', () => {
    const cpom = signedCpom();
    assert.equal(
      codeOf(() => cpom.draftAmendment(content({ periodEnd: '2030-01-01' }), 'Prolongation', '2025-02-01')),
      'CPOM.CONTENT_INVALID',
    );
    assert.equal(
      codeOf(() =>
        cpom.draftAmendment(
          content({ periodStart: '2025-02-01', periodEnd: '2029-12-31' }),
          'x',
          '2025-02-01',
        ),
      ),
      'CPOM.CONTENT_INVALID',
    );
    cpom.draftAmendment(content({ periodEnd: '2029-12-31' }), 'Même terme', '2025-02-01');
    assert.equal(
      codeOf(() => cpom.draftAmendment(content(), 'Un autre', '2025-02-01')),
      'CPOM.AMENDMENT_PENDING',
    );
  });

  it('applies at the third signature as the next version, frozen with its hash, the first kept (D.4622-47)', () => {
    const cpom = signedCpom();
    const changed = content();
    changed.actions[0].indicators[0].target = 60;
    cpom.draftAmendment(changed, 'Cible relevée', '2024-12-20');
    const checks = { today: '2025-01-10', agreedOnSignatureDate: true };
    cpom.signAmendment(1, signature('service', { signedOn: '2025-01-05' }), checks);
    assert.equal(
      codeOf(() => cpom.signAmendment(1, signature('service', { signedOn: '2025-01-05' }), checks)),
      'CPOM.ALREADY_SIGNED',
    );
    cpom.signAmendment(1, signature('caisse', { signedOn: '2025-01-05' }), checks);
    assert.deepEqual(cpom.signAmendment(1, signature('direccte', { signedOn: '2025-01-06' }), checks), {
      complete: true,
    });
    assert.deepEqual(
      cpom.state.signedVersions.map((v) => [v.number, v.amendmentNumber, v.signedOn]),
      [
        [1, 0, '2024-12-01'],
        [2, 1, '2025-01-06'],
      ],
    );
    assert.equal(cpom.state.signedVersions[0].content.actions[0].indicators[0].target, 40);
    assert.equal(cpom.content.actions[0].indicators[0].target, 60);
    assert.deepEqual(cpom.tamperedVersions(), []);
  });

  it('says what changed between two versions in words a party reads (issue 11)', () => {
    const before = content();
    const after = content({ periodEnd: '2029-06-30' });
    after.priorities.push({
      priorityId: 'p2',
      title: 'Prévenir la désinsertion',
      origins: ['cog_atmp'],
      sharedWithServiceIds: [],
    });
    after.actions[0].commitments.caisse = 'Ciblage et aides financières';
    after.actions[0].indicators[0].target = 60;
    const changes = diffVersions(before, after);
    assert.deepEqual(
      changes.map((c) => c.kind),
      ['period_changed', 'priority_added', 'commitment_changed', 'target_moved'],
    );
    assert.equal(changes[1].text, 'Priorité ajoutée : Prévenir la désinsertion');
    assert.match(
      changes[2].text,
      /^Engagement de la Caisse modifié pour l’action « Accompagner les entreprises de logistique »/,
    );
    assert.equal(changes[3].text, 'Cible déplacée : Entreprises accompagnées, de 40 à 60 entreprises');
    assert.deepEqual(diffVersions(before, before), []);
  });
});
