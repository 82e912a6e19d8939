import { AsyncLocalStorage } from 'node:async_hooks';

/** Who acts: the verified claims of the caller's token, or the service itself for timers and consumers. */
export interface Actor {
  subject: string;
  roles: readonly string[];
  region: string | null;
  organisationId: string | null;
}

/** What travels with one unit of work (an HTTP request, a consumed event, a fired deadline). */
export interface RequestContext {
  correlationId: string;
  /** Id of the event or request that caused this work; null at the edge. */
  causationId: string | null;
  requestId?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` with `context` visible to everything it calls, however deep and however async. */
export function runWithContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The acting system itself, for work no person started (timers, consumers, relays). */
export function systemActor(service: string): Actor {
  return { subject: `system:${service}`, roles: ['system'], region: null, organisationId: null };
}
