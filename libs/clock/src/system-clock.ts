import { Clock } from './clock';

/** Wall-clock time; the only clock production runs on. */
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
