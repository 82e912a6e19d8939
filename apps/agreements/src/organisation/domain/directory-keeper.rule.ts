import type { Actor } from '@tripartite/context';

/**
 * Who keeps which part of the directory (issue 10, scope): a regional agent registers and changes organisations
 * of its own region only — every region of the organisation is its own — and never moves one to another region;
 * adding or changing regions is for national roles and admin (règle de la plateforme).
 */
export const directoryKeeper = {
  mayKeepEverywhere(actor: Actor): boolean {
    return actor.roles.includes('admin') || actor.roles.includes('national');
  },

  /** Whether the actor's role keeps the register at all (a DIRECCTE agent, national steering, admin). */
  keepsTheRegister(actor: Actor): boolean {
    return directoryKeeper.mayKeepEverywhere(actor) || actor.roles.includes('direccte');
  },

  /** May this actor register, or change the register of, an organisation of `regions`? */
  mayKeep(actor: Actor, regions: readonly string[]): boolean {
    if (directoryKeeper.mayKeepEverywhere(actor)) return true;
    if (!actor.roles.includes('direccte') || actor.region === null) return false;
    return regions.length > 0 && regions.every((region) => region === actor.region);
  },

  /** May this actor change the regions an organisation covers? */
  mayChangeRegions(actor: Actor): boolean {
    return directoryKeeper.mayKeepEverywhere(actor);
  },
};
