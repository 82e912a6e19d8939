/**
 * The only source of "now" in Tripartite. Services inject it instead of calling `Date.now()`,
 * so that tests and demos can move time forward and watch five-year deadlines fire in seconds.
 */
export abstract class Clock {
  abstract now(): Date;
}
