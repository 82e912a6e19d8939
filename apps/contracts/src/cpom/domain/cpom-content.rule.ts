import type { RuleProblem } from '@tripartite/errors';
import { actionThemeCodes } from '@tripartite/events';
import type { CpomContent, CpomIndicatorContent } from './cpom.types';
import { periodProblems } from './cpom-duration.rule';
import { meanCodes } from './cpom-means';

const CONTENTS_RULE = 'contenu du CPOM (seed 002 II.4)';
/** A region may extend the theme list with codes of its own, shaped like the reference codes. */
export const EXTENSION_THEME = /^[a-z][a-z0-9_]{1,47}$/;

/**
 * What every version of a CPOM's contents must satisfy, draft included (seed 002 II.4): a period of at most
 * five years, actions under a priority of the CPOM, a theme of the list or an extension code, means of the
 * note's lists, indicators quantitative (unit, baseline, target, direction) or qualitative (none of them),
 * ids unique. Completeness (every action's commitments…) is checked at submission, not here.
 */
export function contentProblems(content: CpomContent): RuleProblem[] {
  const problems: RuleProblem[] = [...periodProblems(content)];
  const priorityIds = new Set<string>();
  content.priorities.forEach((priority, i) => {
    if (priorityIds.has(priority.priorityId)) {
      problems.push(
        problem(`priorities[${i}].priorityId`, `priority id ${priority.priorityId} is used twice`),
      );
    }
    priorityIds.add(priority.priorityId);
  });
  const actionIds = new Set<string>();
  const indicatorIds = new Set<string>();
  content.actions.forEach((action, i) => {
    const at = `actions[${i}]`;
    if (actionIds.has(action.actionId))
      problems.push(problem(`${at}.actionId`, `action id ${action.actionId} is used twice`));
    actionIds.add(action.actionId);
    if (!priorityIds.has(action.priorityId)) {
      problems.push(problem(`${at}.priorityId`, `no priority ${action.priorityId} in this CPOM`));
    }
    if (!actionThemeCodes.includes(action.theme) && !EXTENSION_THEME.test(action.theme)) {
      problems.push({
        field: `${at}.theme`,
        rule: "thème d'action de la liste de référence ou code régional (seed 002 II.4, seed 000)",
        message: `theme ${action.theme} is neither a reference theme nor an extension code (a-z, 0-9, _)`,
      });
    }
    action.means.forEach((mean, j) => {
      const field = `${at}.means[${j}]`;
      if (mean.code === null && !mean.text?.trim()) {
        problems.push(problem(field, 'a means names a code of the reference list or a free text'));
      }
      if (mean.code !== null && !meanCodes[mean.party].includes(mean.code)) {
        problems.push({
          field: `${field}.code`,
          rule: 'moyens mobilisés par la DIRECCTE et la Caisse (seed 002 II.4)',
          message: `${mean.code} is not a means of the ${mean.party}'s reference list`,
        });
      }
    });
    action.indicators.forEach((indicator, j) => {
      const field = `${at}.indicators[${j}]`;
      if (indicatorIds.has(indicator.indicatorId)) {
        problems.push(problem(`${field}.indicatorId`, `indicator id ${indicator.indicatorId} is used twice`));
      }
      indicatorIds.add(indicator.indicatorId);
      problems.push(...indicatorProblems(indicator, field));
    });
  });
  return problems;
}

const INDICATOR_RULE = 'indicateurs qualitatifs et quantitatifs (seed 002 II.4)';

function indicatorProblems(indicator: CpomIndicatorContent, field: string): RuleProblem[] {
  const measured = ['unit', 'baseline', 'target', 'direction'] as const;
  if (indicator.kind === 'quantitative') {
    return measured
      .filter((name) => indicator[name] === null || indicator[name] === '')
      .map((name) => ({
        field: `${field}.${name}`,
        rule: INDICATOR_RULE,
        message: `a quantitative indicator needs its ${name}`,
      }));
  }
  return measured
    .filter((name) => indicator[name] !== null)
    .map((name) => ({
      field: `${field}.${name}`,
      rule: INDICATOR_RULE,
      message: `a qualitative indicator has no ${name}`,
    }));
}

function problem(field: string, message: string): RuleProblem {
  return { field, rule: CONTENTS_RULE, message };
}
