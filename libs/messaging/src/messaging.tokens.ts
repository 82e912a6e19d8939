/** The catalogue of events this process may publish and consume (the platform's, or a test's). */
export const EVENT_CATALOGUE = Symbol('EVENT_CATALOGUE');

/** The routing keys a service consumes; each must have exactly one `@EventPattern` handler. */
export const CONSUMED_EVENTS = Symbol('CONSUMED_EVENTS');

/** Tries and delays before a failing message is parked. */
export const RETRY_POLICY = Symbol('RETRY_POLICY');
