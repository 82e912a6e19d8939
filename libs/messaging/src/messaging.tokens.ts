/** The catalogue of events this process may publish and consume (the platform's, or a test's). */
export const EVENT_CATALOGUE = Symbol('EVENT_CATALOGUE');

/** How often messages parked for a version newer than their consumer read are looked for again (ms). */
export const PARKED_SWEEP_MS = Symbol('PARKED_SWEEP_MS');

/** Tries and delays before a failing message is parked. */
export const RETRY_POLICY = Symbol('RETRY_POLICY');
