import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceProject } from './service-project';
import { ServiceProjectInvalidError, ServiceProjectStepConflictError } from './service-project.errors';
import type { ProjectContent } from './service-project.types';

const content: ProjectContent = {
  title: 'Projet de service 2026-2030',
  periodStart: '2026-01-01',
  periodEnd: '2030-12-31',
  diagnosis: 'Diagnostic territorial : TMS dans la logistique, RPS dans le médico-social.',
  priorities: [
    { title: 'Prévention des TMS', description: 'Logistique et BTP' },
    { title: 'Maintien en emploi', description: 'Cellule PDP' },
  ],
};

const drafted = () => ServiceProject.draft('p1', 's1', content, '2025-10-01');

function rejects(action: () => unknown, field: string, rule: string): void {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof ServiceProjectInvalidError, String(error));
    assert.deepEqual(
      error.errors.map((e) => [e.field, e.rule]),
      [[field, rule]],
    );
    return true;
  });
}

function conflicts(action: () => unknown, code: string): void {
  assert.throws(
    action,
    (error: unknown) => error instanceof ServiceProjectStepConflictError && error.code === code,
  );
}

describe('a service project’s life (L.4622-14)', () => {
  it('starts as draft version 1, with nothing in force', () => {
    const project = drafted();
    assert.equal(project.status, 'draft');
    assert.equal(project.latest.number, 1);
    assert.equal(project.latest.draftedOn, '2025-10-01');
    assert.equal(project.inForce?.number ?? null, null);
    assert.equal(project.version, 1);
    assert.equal(project.pendingRevision, false);
  });

  it('refuses a period that does not end after it starts, and a project without priorities', () => {
    rejects(
      () => ServiceProject.draft('p', 's', { ...content, periodEnd: '2025-06-30' }, '2025-10-01'),
      'periodEnd',
      'after-period-start',
    );
    rejects(
      () => ServiceProject.draft('p', 's', { ...content, priorities: [] }, '2025-10-01'),
      'priorities',
      'min',
    );
  });

  it('is adopted by the CMT, then approved by the board, and comes into force (L.4622-14)', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-15', text: 'Avis unanime' }, '2025-10-20');
    assert.equal(project.status, 'adopted');
    assert.equal(project.latest.cmtText, 'Avis unanime');
    assert.equal(project.inForce?.number ?? null, null, 'adopted is not yet in force');
    project.approveByBoard({ approvedOn: '2025-10-20' }, '2025-10-20');
    assert.equal(project.status, 'approved');
    assert.equal(project.inForce?.number, 1);
    assert.equal(project.version, 3);
  });

  it('refuses a board approval of a version the CMT has not adopted (L.4622-14)', () => {
    conflicts(
      () => drafted().approveByBoard({ approvedOn: '2025-10-01' }, '2025-10-01'),
      'SERVICE_PROJECT.NOT_ADOPTED',
    );
  });

  it('refuses a second CMT adoption of the same version', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    conflicts(
      () => project.adoptByCmt({ adoptedOn: '2025-10-03' }, '2025-10-03'),
      'SERVICE_PROJECT.NOT_A_DRAFT',
    );
  });

  it('refuses an approval dated before the CMT adoption, and steps dated in the future', () => {
    const project = drafted();
    rejects(
      () => project.adoptByCmt({ adoptedOn: '2025-10-03' }, '2025-10-02'),
      'adoptedOn',
      'not-in-future',
    );
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    rejects(
      () => project.approveByBoard({ approvedOn: '2025-10-01' }, '2025-10-05'),
      'approvedOn',
      'not-before-adoption',
    );
    rejects(
      () => project.approveByBoard({ approvedOn: '2025-10-06' }, '2025-10-05'),
      'approvedOn',
      'not-in-future',
    );
    assert.equal(project.status, 'adopted', 'a refused step changes nothing');
  });

  it('is revised as version n+1, a new draft; the approved version stays in force until the next approval (L.4622-14)', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    project.approveByBoard({ approvedOn: '2025-10-03' }, '2025-10-03');
    project.revise(
      {
        revisedOn: '2027-01-10',
        reason: 'Nouveau diagnostic',
        changes: { priorities: [{ title: 'RPS', description: 'Médico-social' }], periodEnd: '2031-06-30' },
      },
      '2027-01-10',
    );
    assert.equal(project.latest.number, 2);
    assert.equal(project.status, 'draft');
    assert.equal(project.latest.title, content.title, 'what the revision does not change is copied');
    assert.equal(project.latest.periodStart, '2026-01-01');
    assert.equal(project.latest.revisionReason, 'Nouveau diagnostic');
    assert.equal(project.inForce?.number, 1);
    assert.equal(project.pendingRevision, true);
    assert.equal(project.warnings()[0]?.code, 'SERVICE_PROJECT.LONGER_THAN_FIVE_YEARS');

    project.adoptByCmt({ adoptedOn: '2027-02-01' }, '2027-02-01');
    assert.equal(project.inForce?.number, 1, 'adoption alone does not replace the version in force');
    project.approveByBoard({ approvedOn: '2027-03-01' }, '2027-03-01');
    assert.equal(project.inForce?.number, 2);
    assert.deepEqual(
      project.versions.map((v) => v.status),
      ['superseded', 'approved'],
    );
    assert.equal(project.pendingRevision, false);
  });

  it('revises one version at a time: refused while a draft or an adopted version awaits approval', () => {
    const project = drafted();
    const revise = () => project.revise({ revisedOn: '2025-10-05', reason: 'x', changes: {} }, '2025-10-05');
    conflicts(revise, 'SERVICE_PROJECT.REVISION_PENDING');
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    conflicts(revise, 'SERVICE_PROJECT.REVISION_PENDING');
    project.approveByBoard({ approvedOn: '2025-10-03' }, '2025-10-03');
    revise();
    conflicts(revise, 'SERVICE_PROJECT.REVISION_PENDING');
  });

  it('refuses a revision dated before the approval it revises, or shortening the period before its start', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    project.approveByBoard({ approvedOn: '2025-10-03' }, '2025-10-03');
    rejects(
      () => project.revise({ revisedOn: '2025-10-02', reason: 'x', changes: {} }, '2025-10-05'),
      'revisedOn',
      'not-before-approval',
    );
    rejects(
      () =>
        project.revise(
          { revisedOn: '2025-10-04', reason: 'x', changes: { periodEnd: '2025-12-31' } },
          '2025-10-05',
        ),
      'periodEnd',
      'after-period-start',
    );
    assert.equal(project.versions.length, 1);
  });

  it('has the CMT adopt a revision no earlier than the revision itself', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    project.approveByBoard({ approvedOn: '2025-10-03' }, '2025-10-03');
    project.revise({ revisedOn: '2026-02-01', reason: 'x', changes: {} }, '2026-02-01');
    rejects(
      () => project.adoptByCmt({ adoptedOn: '2026-01-31' }, '2026-02-05'),
      'adoptedOn',
      'not-before-revision',
    );
  });
});

describe('withdrawing a text not yet approved (L.4622-14: the board approves, then a revision replaces)', () => {
  const approvedProject = () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02');
    project.approveByBoard({ approvedOn: '2025-10-03' }, '2025-10-03');
    return project;
  };

  it('withdraws a first draft: the whole project is withdrawn, with nothing in force and no warning', () => {
    const project = ServiceProject.draft('p1', 's1', { ...content, periodEnd: '2032-12-31' }, '2025-10-01');
    assert.equal(project.warnings().length, 1);
    const text = project.withdraw({ withdrawnOn: '2025-10-05', reason: 'Texte abandonné' }, '2025-10-05');
    assert.equal(text.status, 'withdrawn');
    assert.equal(text.withdrawnOn, '2025-10-05');
    assert.equal(text.withdrawalReason, 'Texte abandonné');
    assert.equal(project.status, 'withdrawn');
    assert.equal(project.withdrawn, true);
    assert.equal(project.inForce, null);
    assert.equal(project.pendingRevision, false);
    assert.deepEqual(project.warnings(), [], 'a withdrawn project has no period left to align');
    assert.equal(project.version, 2);
  });

  it('withdraws a first text adopted by the CMT, not before its adoption', () => {
    const project = drafted();
    project.adoptByCmt({ adoptedOn: '2025-10-04' }, '2025-10-04');
    rejects(
      () => project.withdraw({ withdrawnOn: '2025-10-03', reason: 'x' }, '2025-10-05'),
      'withdrawnOn',
      'not-before-adoption',
    );
    project.withdraw({ withdrawnOn: '2025-10-04', reason: 'x' }, '2025-10-05');
    assert.equal(project.status, 'withdrawn');
  });

  it('takes no further step once withdrawn (409 SERVICE_PROJECT.WITHDRAWN)', () => {
    const project = drafted();
    project.withdraw({ withdrawnOn: '2025-10-01', reason: 'x' }, '2025-10-01');
    conflicts(
      () => project.adoptByCmt({ adoptedOn: '2025-10-02' }, '2025-10-02'),
      'SERVICE_PROJECT.WITHDRAWN',
    );
    conflicts(
      () => project.approveByBoard({ approvedOn: '2025-10-02' }, '2025-10-02'),
      'SERVICE_PROJECT.WITHDRAWN',
    );
    conflicts(
      () => project.revise({ revisedOn: '2025-10-02', reason: 'x', changes: {} }, '2025-10-02'),
      'SERVICE_PROJECT.WITHDRAWN',
    );
    conflicts(
      () => project.withdraw({ withdrawnOn: '2025-10-02', reason: 'x' }, '2025-10-02'),
      'SERVICE_PROJECT.WITHDRAWN',
    );
    assert.equal(project.version, 2, 'a refused step changes nothing');
  });

  it('withdraws a pending revision: the approved version stays in force and a new revision may follow (L.4622-14)', () => {
    const project = approvedProject();
    project.revise(
      { revisedOn: '2026-02-01', reason: 'Bilan', changes: { title: 'Révisé', periodEnd: '2032-06-30' } },
      '2026-02-01',
    );
    project.adoptByCmt({ adoptedOn: '2026-02-10' }, '2026-02-10');
    const text = project.withdraw({ withdrawnOn: '2026-02-15', reason: 'Le CA demande mieux' }, '2026-02-15');
    assert.equal(text.number, 2);
    assert.equal(project.status, 'approved');
    assert.equal(project.withdrawn, false);
    assert.equal(project.latest.number, 1, 'the project is back to its version in force');
    assert.equal(project.latest.title, content.title);
    assert.equal(project.inForce?.number, 1);
    assert.equal(project.pendingRevision, false);
    assert.deepEqual(project.warnings(), [], 'the warning of the withdrawn revision goes with it');
    assert.deepEqual(
      project.versions.map((v) => [v.number, v.status]),
      [
        [1, 'approved'],
        [2, 'withdrawn'],
      ],
    );

    project.revise({ revisedOn: '2026-03-01', reason: 'Autre bilan', changes: {} }, '2026-03-01');
    assert.equal(project.latest.number, 3, 'numbers go on after a withdrawn revision');
    assert.equal(
      project.latest.title,
      content.title,
      'copied from the version in force, not the withdrawn one',
    );
    assert.equal(project.pendingRevision, true);
    project.adoptByCmt({ adoptedOn: '2026-03-02' }, '2026-03-02');
    project.approveByBoard({ approvedOn: '2026-03-03' }, '2026-03-03');
    assert.deepEqual(
      project.versions.map((v) => v.status),
      ['superseded', 'withdrawn', 'approved'],
    );
  });

  it('refuses to withdraw an approved version: the board’s approval stands until a revision is approved (L.4622-14)', () => {
    const project = approvedProject();
    assert.throws(
      () => project.withdraw({ withdrawnOn: '2025-10-04', reason: 'x' }, '2025-10-04'),
      (error: unknown) =>
        error instanceof ServiceProjectStepConflictError &&
        error.code === 'SERVICE_PROJECT.NOTHING_PENDING' &&
        error.rule === 'approval-stands-until-a-revision-is-approved' &&
        error.context.versionStatus === 'approved',
    );
    project.revise({ revisedOn: '2025-10-05', reason: 'x', changes: {} }, '2025-10-05');
    project.withdraw({ withdrawnOn: '2025-10-05', reason: 'x' }, '2025-10-05');
    conflicts(
      () => project.withdraw({ withdrawnOn: '2025-10-06', reason: 'x' }, '2025-10-06'),
      'SERVICE_PROJECT.NOTHING_PENDING',
    );
    assert.equal(project.inForce?.number, 1);
  });

  it('refuses a withdrawal dated in the future, or before the drafting or revision it withdraws', () => {
    const first = drafted();
    rejects(
      () => first.withdraw({ withdrawnOn: '2025-10-06', reason: 'x' }, '2025-10-05'),
      'withdrawnOn',
      'not-in-future',
    );
    rejects(
      () => first.withdraw({ withdrawnOn: '2025-09-30', reason: 'x' }, '2025-10-05'),
      'withdrawnOn',
      'not-before-drafting',
    );
    const revised = approvedProject();
    revised.revise({ revisedOn: '2026-02-01', reason: 'x', changes: {} }, '2026-02-01');
    rejects(
      () => revised.withdraw({ withdrawnOn: '2026-01-31', reason: 'x' }, '2026-02-05'),
      'withdrawnOn',
      'not-before-revision',
    );
    assert.equal(first.status, 'draft', 'a refused withdrawal changes nothing');
    assert.equal(revised.pendingRevision, true);
  });
});
