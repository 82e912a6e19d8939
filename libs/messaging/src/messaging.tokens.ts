/** The catalogue of events this process may publish and consume (the platform's, or a test's). */
export const EVENT_CATALOGUE = Symbol('EVENT_CATALOGUE');
