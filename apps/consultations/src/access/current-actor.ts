import { unauthenticated } from '@tripartite/auth';
import { type Actor, currentContext } from '@tripartite/context';

/** The caller of the request being served (401 when there is none): what the slices' authorities judge. */
export function currentActor(): Actor {
  const actor = currentContext()?.actor;
  if (!actor) throw unauthenticated('no authenticated actor in this request');
  return actor;
}
