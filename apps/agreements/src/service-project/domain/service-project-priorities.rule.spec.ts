import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { priorityProblems } from './service-project-priorities.rule';

describe('the action priorities of a service project (L.4622-14)', () => {
  it('asks for at least one priority: the project defines the service’s priorities of action', () => {
    const [problem] = priorityProblems([]);
    assert.deepEqual([problem.field, problem.rule], ['priorities', 'min']);
    assert.deepEqual(priorityProblems([{ title: 'TMS', description: 'Prévenir les TMS' }]), []);
  });

  it('names each priority once, whatever its case, pointing at the repeat', () => {
    const problems = priorityProblems([
      { title: 'TMS', description: 'a' },
      { title: 'RPS', description: 'b' },
      { title: ' tms', description: 'c' },
    ]);
    assert.deepEqual(
      problems.map((p) => [p.field, p.rule]),
      [['priorities[2].title', 'unique']],
    );
  });
});
