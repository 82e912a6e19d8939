import { DomainError } from '@tripartite/errors';
import type { DeliveryStatus } from './delivery';

/** Domain errors of the delivery log; codes are stable, libs/http maps them to statuses (one table). */
export class DeliveryNotFoundError extends DomainError {
  constructor(id: string) {
    super('NOTIFICATION.NOT_FOUND', `No notification ${id}`);
  }
}

/** Only a failed delivery may be sent again: a pending one is on its way, a sent one arrived. */
export class DeliveryNotFailedError extends DomainError {
  constructor(id: string, status: DeliveryStatus) {
    super(
      'NOTIFICATION.NOT_FAILED',
      `Notification ${id} is ${status}, not failed: there is nothing to retry`,
      {
        context: { currentStatus: status },
      },
    );
  }
}

export class TemplateNotFoundError extends DomainError {
  constructor(key: string) {
    super('NOTIFICATION_TEMPLATE.NOT_FOUND', `No notification template "${key}"`);
  }
}
