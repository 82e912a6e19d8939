import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServiceProject } from './service-project';
import type { ProjectContent } from './service-project.types';
import { projectSpeakingFor, summaryOf } from './service-project-summary';

const content = (periodStart: string, periodEnd: string): ProjectContent => ({
  title: `Projet ${periodStart.slice(0, 4)}`,
  periodStart,
  periodEnd,
  diagnosis: 'Diagnostic',
  priorities: [{ title: 'TMS', description: 'x' }],
});

function approved(id: string, start: string, end: string): ServiceProject {
  const project = ServiceProject.draft(id, 's', content(start, end), '2020-01-01');
  project.adoptByCmt({ adoptedOn: '2020-01-02' }, '2020-01-02');
  project.approveByBoard({ approvedOn: '2020-01-03' }, '2020-01-03');
  return project;
}

describe('the summary of a service’s project for the agrément renewal (seed 002, part I.1)', () => {
  it('gives the version in force while a revision is pending, and says one is', () => {
    const project = approved('p', '2021-01-01', '2025-12-31');
    project.revise({ revisedOn: '2023-05-01', reason: 'x', changes: { title: 'Révisé' } }, '2023-05-01');
    const summary = summaryOf(project);
    assert.deepEqual(summary, {
      projectId: 'p',
      title: 'Projet 2021',
      projectVersion: 1,
      status: 'approved',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
      priorities: ['TMS'],
      adoptedOn: '2020-01-02',
      approvedOn: '2020-01-03',
      pendingRevision: true,
    });
  });

  it('gives the latest version when none was approved', () => {
    const project = ServiceProject.draft('p', 's', content('2026-01-01', '2030-12-31'), '2025-01-01');
    assert.equal(summaryOf(project).status, 'draft');
    assert.equal(summaryOf(project).approvedOn, null);
  });

  it('picks the project in force covering today, else the one starting last, else the newest draft', () => {
    const old = approved('old', '2016-01-01', '2020-12-31');
    const current = approved('current', '2021-01-01', '2025-12-31');
    const next = ServiceProject.draft('next', 's', content('2026-01-01', '2030-12-31'), '2025-06-01');
    assert.equal(projectSpeakingFor([next, current, old], '2025-06-01')?.id, 'current');
    assert.equal(projectSpeakingFor([next, current, old], '2026-06-01')?.id, 'current');
    assert.equal(projectSpeakingFor([next], '2026-06-01')?.id, 'next');
    assert.equal(projectSpeakingFor([], '2026-06-01'), null);
  });

  it('never lets a withdrawn project speak for its service', () => {
    const withdrawn = ServiceProject.draft('gone', 's', content('2026-01-01', '2030-12-31'), '2025-06-01');
    withdrawn.withdraw({ withdrawnOn: '2025-06-02', reason: 'x' }, '2025-06-02');
    assert.equal(projectSpeakingFor([withdrawn], '2026-06-01'), null);
    const redrafted = ServiceProject.draft('again', 's', content('2026-01-01', '2030-12-31'), '2025-06-03');
    assert.equal(projectSpeakingFor([redrafted, withdrawn], '2026-06-01')?.id, 'again');
    const current = approved('current', '2021-01-01', '2025-12-31');
    assert.equal(projectSpeakingFor([withdrawn, current], '2026-06-01')?.id, 'current');
  });

  it('gives the version in force, with no pending revision, after a revision is withdrawn', () => {
    const project = approved('p', '2021-01-01', '2025-12-31');
    project.revise({ revisedOn: '2023-05-01', reason: 'x', changes: { title: 'Révisé' } }, '2023-05-01');
    project.withdraw({ withdrawnOn: '2023-05-02', reason: 'x' }, '2023-05-02');
    const summary = summaryOf(project);
    assert.equal(summary.title, 'Projet 2021');
    assert.equal(summary.projectVersion, 1);
    assert.equal(summary.pendingRevision, false);
  });
});
