/** A command tried to publish an event the catalogue does not know, or whose payload breaks its schema. */
export class InvalidEventError extends Error {
  readonly code = 'EVENT.INVALID';
  /** A command built an event the catalogue refuses: a programming error, not the caller's. */
  readonly status = 500;
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`Event ${eventType} refused: ${reason}`);
    this.name = 'InvalidEventError';
  }
}
