import type { Priority, RuleProblem } from './service-project.types';

/**
 * The project "définit les priorités d'action du service" (L.4622-14; seed 002, part I.1): at least one,
 * each named once (events and the CPOM refer to them by title).
 */
export function priorityProblems(priorities: readonly Priority[]): RuleProblem[] {
  if (priorities.length === 0) {
    return [{ field: 'priorities', rule: 'min', message: 'names at least one action priority' }];
  }
  const problems: RuleProblem[] = [];
  const seen = new Set<string>();
  priorities.forEach((priority, index) => {
    const key = priority.title.trim().toLocaleLowerCase('fr');
    if (seen.has(key)) {
      problems.push({
        field: `priorities[${index}].title`,
        rule: 'unique',
        message: `repeats the priority "${priority.title}"`,
      });
    }
    seen.add(key);
  });
  return problems;
}
