import type { DeliveryStatus } from './delivery';

/** Domain errors of the delivery log; codes are stable, the http library maps them to problem+json. */
export class DeliveryNotFoundError extends Error {
  readonly code = 'NOTIFICATION.NOT_FOUND';
  readonly status = 404;
  constructor(id: string) {
    super(`No notification ${id}`);
    this.name = 'DeliveryNotFoundError';
  }
}

/** Only a failed delivery may be sent again: a pending one is on its way, a sent one arrived. */
export class DeliveryNotFailedError extends Error {
  readonly code = 'NOTIFICATION.NOT_FAILED';
  readonly status = 409;
  readonly extensions: { currentStatus: DeliveryStatus };
  constructor(id: string, status: DeliveryStatus) {
    super(`Notification ${id} is ${status}, not failed: there is nothing to retry`);
    this.name = 'DeliveryNotFailedError';
    this.extensions = { currentStatus: status };
  }
}

export class TemplateNotFoundError extends Error {
  readonly code = 'NOTIFICATION_TEMPLATE.NOT_FOUND';
  readonly status = 404;
  constructor(key: string) {
    super(`No notification template "${key}"`);
    this.name = 'TemplateNotFoundError';
  }
}
