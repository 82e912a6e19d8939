import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import { AccessScope, type AuthenticatedActor, forbiddenScope } from '@tripartite/auth';
import { Clock } from '@tripartite/clock';
import { assertVersionMatches } from '@tripartite/http';
import { DataSource } from 'typeorm';
import { type Delivery, versionOf } from '../domain/delivery';
import { DeliveryNotFailedError, DeliveryNotFoundError } from '../domain/delivery.errors';
import { DeliveriesAfterCommit } from '../infrastructure/deliveries-after-commit.subscriber';
import { DeliveryRepository } from '../infrastructure/delivery.repository';

/**
 * Sends a failed delivery again, at a person's request (after the mailbox was fixed, the relay
 * reconfigured…): the row goes back to pending with a retry counted and audited, in one transaction, and
 * its job is queued after the commit. The message is the one rendered when the event was applied.
 * Allowed to admin, and to the organisation whose contact it was sent to; only a failed delivery.
 */
@Injectable()
export class RetryDeliveryHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly afterCommit: DeliveriesAfterCommit,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
  ) {}

  execute(id: string, actor: AuthenticatedActor, expectedVersion?: number): Promise<Delivery> {
    return this.dataSource.transaction(async (manager) => {
      const delivery = await this.deliveries.findById(manager, id, 'wait');
      if (!delivery) throw new DeliveryNotFoundError(id);
      const ownContact =
        delivery.recipientOrganisationId !== null &&
        AccessScope.canActForOrganisation(actor, delivery.recipientOrganisationId);
      if (!AccessScope.actsEverywhere(actor) && !ownContact) {
        throw forbiddenScope('only admin, or the organisation it was sent to, may send a notification again');
      }
      if (expectedVersion !== undefined) assertVersionMatches(expectedVersion, versionOf(delivery));
      if (delivery.status !== 'failed') throw new DeliveryNotFailedError(id, delivery.status);

      await this.deliveries.reopenFailed(manager, id, this.clock.now());
      await this.audit.record(manager, {
        action: 'notification.retry',
        aggregateType: 'notification',
        aggregateId: id,
        versionBefore: versionOf(delivery),
        versionAfter: versionOf(delivery) + 1,
        summary: `Notification to ${delivery.recipientEmail} (${delivery.eventType}) sent again after it failed`,
        payload: { lastSmtpReply: delivery.lastSmtpReply, attempts: delivery.attempts },
      });
      this.afterCommit.note(manager, [id]);
      const reopened = await this.deliveries.findById(manager, id);
      if (!reopened) throw new DeliveryNotFoundError(id);
      return reopened;
    });
  }
}
