/** A command tried to publish an event the catalogue does not know, or whose payload breaks its schema. */
export class InvalidEventError extends Error {
  readonly code = 'EVENT.INVALID';
  constructor(
    readonly eventType: string,
    readonly reason: string,
  ) {
    super(`Event ${eventType} refused: ${reason}`);
    this.name = 'InvalidEventError';
  }
}
