import type { Derogation } from './agreement.types';

export const DEROGATION_RULE =
  'seed 002 I.1: dérogation sous conditions (entretiens infirmiers, actions pluridisciplinaires annuelles, ' +
  'recommandations de bonnes pratiques)';

export const DEROGATION_WITHOUT_CONDITION =
  'states none of the conditions a derogation rests on: at least one is required';

/**
 * A derogation to the periodicity of medical visits rests on conditions the decision states (seed 002 I.1:
 * "entretiens infirmiers, actions pluridisciplinaires annuelles, respect des recommandations de bonnes
 * pratiques existantes"): at least one of them. Answers the positions of those that state none.
 */
export function derogationsWithoutCondition(
  derogations: readonly Pick<Derogation, 'conditions'>[],
): number[] {
  return derogations.flatMap((derogation, index) =>
    Object.values(derogation.conditions).some(Boolean) ? [] : [index],
  );
}
