/** A command tried to publish an event the catalogue does not know, or whose payload breaks its schema. */
export class InvalidEventError extends Error {
  /** A command built an event the catalogue refuses: a programming error (500 in libs/http's table). */
  readonly code = 'EVENT.INVALID';
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`Event ${eventType} refused: ${reason}`);
    this.name = 'InvalidEventError';
  }
}
