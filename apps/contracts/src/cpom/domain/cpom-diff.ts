import { dateInFrenchWords } from '@tripartite/calendar';
import type { CpomActionContent, CpomContent, CpomIndicatorContent, CpomParty } from './cpom.types';

/** One change between two versions of a CPOM, said as a party reads it. */
export interface CpomChange {
  kind:
    | 'period_changed'
    | 'context_changed'
    | 'priority_added'
    | 'priority_removed'
    | 'priority_renamed'
    | 'action_added'
    | 'action_removed'
    | 'action_changed'
    | 'commitment_changed'
    | 'indicator_added'
    | 'indicator_removed'
    | 'target_moved'
    | 'indicator_changed'
    | 'annex_added'
    | 'annex_removed'
    | 'follow_up_changed';
  /** The priority, action or indicator concerned (its id), when one is. */
  subjectId: string | null;
  /** In French: "Priorité ajoutée : …", "Cible déplacée : … de 40 à 60 entreprises". */
  text: string;
}

const PARTY_NAMES: Record<CpomParty, string> = {
  service: 'du service',
  direccte: 'de la DIRECCTE',
  caisse: 'de la Caisse',
};

/**
 * What changed from version `a` to version `b` of a CPOM (issue 11: "priority added, commitment changed, target
 * moved"), matched by the ids of priorities, actions and indicators, which stay from version to version.
 */
export function diffVersions(a: CpomContent, b: CpomContent): CpomChange[] {
  const changes: CpomChange[] = [];
  if (a.periodStart !== b.periodStart || a.periodEnd !== b.periodEnd) {
    changes.push({
      kind: 'period_changed',
      subjectId: null,
      text: `Période modifiée : du ${dateInFrenchWords(a.periodStart)} au ${dateInFrenchWords(a.periodEnd)} devient du ${dateInFrenchWords(b.periodStart)} au ${dateInFrenchWords(b.periodEnd)}`,
    });
  }
  if (JSON.stringify(a.context) !== JSON.stringify(b.context)) {
    changes.push({
      kind: 'context_changed',
      subjectId: null,
      text: 'Contexte modifié (diagnostics ou références communes)',
    });
  }
  const priorities = pair(a.priorities, b.priorities, (p) => p.priorityId);
  for (const [before, after] of priorities) {
    if (!before && after)
      changes.push({
        kind: 'priority_added',
        subjectId: after.priorityId,
        text: `Priorité ajoutée : ${after.title}`,
      });
    else if (before && !after)
      changes.push({
        kind: 'priority_removed',
        subjectId: before.priorityId,
        text: `Priorité retirée : ${before.title}`,
      });
    else if (before && after && before.title !== after.title) {
      changes.push({
        kind: 'priority_renamed',
        subjectId: after.priorityId,
        text: `Priorité renommée : « ${before.title} » devient « ${after.title} »`,
      });
    }
  }
  for (const [before, after] of pair(a.actions, b.actions, (x) => x.actionId)) {
    if (!before && after)
      changes.push({
        kind: 'action_added',
        subjectId: after.actionId,
        text: `Action ajoutée : ${after.title}`,
      });
    else if (before && !after)
      changes.push({
        kind: 'action_removed',
        subjectId: before.actionId,
        text: `Action retirée : ${before.title}`,
      });
    else if (before && after) changes.push(...actionChanges(before, after));
  }
  for (const [before, after] of pair(a.annexes, b.annexes, (x) => `${x.kind}/${x.title}`)) {
    if (!before && after)
      changes.push({ kind: 'annex_added', subjectId: null, text: `Annexe ajoutée : ${after.title}` });
    else if (before && !after)
      changes.push({ kind: 'annex_removed', subjectId: null, text: `Annexe retirée : ${before.title}` });
  }
  if (JSON.stringify(a.followUp) !== JSON.stringify(b.followUp)) {
    changes.push({ kind: 'follow_up_changed', subjectId: null, text: 'Modalités de suivi modifiées' });
  }
  return changes;
}

function actionChanges(before: CpomActionContent, after: CpomActionContent): CpomChange[] {
  const changes: CpomChange[] = [];
  const { title, theme, expectedResults, means } = before;
  if (
    title !== after.title ||
    theme !== after.theme ||
    expectedResults !== after.expectedResults ||
    JSON.stringify(means) !== JSON.stringify(after.means)
  ) {
    changes.push({
      kind: 'action_changed',
      subjectId: after.actionId,
      text: `Action modifiée : ${after.title}`,
    });
  }
  for (const party of ['service', 'direccte', 'caisse'] as const) {
    if (before.commitments[party] !== after.commitments[party]) {
      changes.push({
        kind: 'commitment_changed',
        subjectId: after.actionId,
        text: `Engagement ${PARTY_NAMES[party]} modifié pour l’action « ${after.title} » : « ${after.commitments[party]} »`,
      });
    }
  }
  for (const [was, is] of pair(before.indicators, after.indicators, (i) => i.indicatorId)) {
    if (!was && is)
      changes.push({
        kind: 'indicator_added',
        subjectId: is.indicatorId,
        text: `Indicateur ajouté : ${is.name}`,
      });
    else if (was && !is)
      changes.push({
        kind: 'indicator_removed',
        subjectId: was.indicatorId,
        text: `Indicateur retiré : ${was.name}`,
      });
    else if (was && is) changes.push(...indicatorChanges(was, is));
  }
  return changes;
}

function indicatorChanges(was: CpomIndicatorContent, is: CpomIndicatorContent): CpomChange[] {
  const changes: CpomChange[] = [];
  if (was.target !== is.target) {
    const unit = is.unit ? ` ${is.unit}` : '';
    changes.push({
      kind: 'target_moved',
      subjectId: is.indicatorId,
      text: `Cible déplacée : ${is.name}, de ${was.target ?? '—'} à ${is.target ?? '—'}${unit}`,
    });
  }
  const { target: _a, ...wasRest } = was;
  const { target: _b, ...isRest } = is;
  if (JSON.stringify(wasRest) !== JSON.stringify(isRest)) {
    changes.push({
      kind: 'indicator_changed',
      subjectId: is.indicatorId,
      text: `Indicateur modifié : ${is.name}`,
    });
  }
  return changes;
}

/** Items of two lists paired by key, in the order of the second then the ones only the first has. */
function pair<T>(
  a: readonly T[],
  b: readonly T[],
  key: (item: T) => string,
): [T | undefined, T | undefined][] {
  const before = new Map(a.map((item) => [key(item), item]));
  const after = new Map(b.map((item) => [key(item), item]));
  const pairs: [T | undefined, T | undefined][] = b.map((item) => [before.get(key(item)), item]);
  for (const item of a) if (!after.has(key(item))) pairs.push([item, undefined]);
  return pairs;
}
