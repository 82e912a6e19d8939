import { Clock } from './clock';

export class ClockAdjustmentRefusedError extends Error {
  readonly code = 'CLOCK.ADJUSTMENT_REFUSED';
  constructor(reason: string) {
    super(reason);
    this.name = 'ClockAdjustmentRefusedError';
  }
}

type Listener = (offsetMs: number) => void | Promise<void>;

/**
 * Wall-clock time plus an offset that only moves forward. Used outside production;
 * listeners (the deadline reconciler) are told when the offset changes so due deadlines fire.
 */
export class AdjustableClock extends Clock {
  private offsetMs = 0;
  private readonly listeners: Listener[] = [];

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Moves time forward by `ms`; time never goes back, so a fired deadline stays fired. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0) {
      throw new ClockAdjustmentRefusedError('time can only move forward');
    }
    await this.setOffset(this.offsetMs + ms);
  }

  /** Applies an offset decided elsewhere (another replica); ignores one that would move time back. */
  async setOffset(offsetMs: number): Promise<void> {
    if (offsetMs <= this.offsetMs) return;
    this.offsetMs = offsetMs;
    for (const listener of this.listeners) await listener(offsetMs);
  }

  onChange(listener: Listener): void {
    this.listeners.push(listener);
  }
}
