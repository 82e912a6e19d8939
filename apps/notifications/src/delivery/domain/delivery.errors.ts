/** Domain errors of the delivery log; codes are stable, the http library maps them to problem+json. */
export class DeliveryNotFoundError extends Error {
  readonly code = 'NOTIFICATION.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No notification ${id}`);
    this.name = 'DeliveryNotFoundError';
  }
}
