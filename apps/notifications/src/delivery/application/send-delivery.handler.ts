import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DataSource } from 'typeorm';
import type { NotificationsConfig } from '../../notifications.config';
import { type DeliveryStatus, giveUpClockStart } from '../domain/delivery';
import { afterFailure } from '../domain/smtp-failure.rule';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { MailTransport } from './mail-transport';

export type SendOutcome =
  | { kind: 'sent'; reply: string }
  | { kind: 'failed'; reply: string }
  /** Refused for a transient reason: the try is recorded; the caller tries again later. */
  | { kind: 'retry'; reply: string }
  | { kind: 'skipped'; status: Exclude<DeliveryStatus, 'pending'> | 'missing' };

/**
 * Sends one delivery, once. The row is locked for the whole try (`FOR UPDATE`): a second sender of the
 * same delivery (a stalled job handed to another replica, the sweep's job) waits, then finds it sent
 * and does nothing. Sent is recorded only after the server took the message (2xx), with its reply.
 * The one window left is a crash between the server's 250 and the commit: the message may then go out
 * twice, with the same Message-ID.
 */
@Injectable()
export class SendDeliveryHandler {
  private readonly messageIdDomain: string;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly transport: MailTransport,
    private readonly clock: Clock,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'tripartite.local';
  }

  send(deliveryId: string): Promise<SendOutcome> {
    return this.dataSource.transaction(async (manager): Promise<SendOutcome> => {
      const delivery = await this.deliveries.findById(manager, deliveryId, 'wait');
      if (!delivery) return { kind: 'skipped', status: 'missing' };
      if (delivery.status !== 'pending') return { kind: 'skipped', status: delivery.status };

      const result = await this.transport.send({
        to: { name: delivery.recipientName, address: delivery.recipientEmail },
        subject: delivery.subject,
        text: delivery.text,
        html: delivery.html,
        attachments: delivery.attachments,
        messageId: `<${delivery.id}@${this.messageIdDomain}>`,
      });
      const now = this.clock.now();
      if (result.accepted) {
        await this.deliveries.markSent(manager, delivery.id, result.reply, now);
        return { kind: 'sent', reply: result.reply };
      }
      const decision = afterFailure(result, {
        recordedAt: giveUpClockStart(delivery),
        now,
        giveUpAfterMs: this.config.MAIL_GIVE_UP_HOURS * 3_600_000,
      });
      if (decision === 'failed') {
        await this.deliveries.markFailed(manager, delivery.id, result.reply, now);
        return { kind: 'failed', reply: result.reply };
      }
      await this.deliveries.recordRetry(manager, delivery.id, result.reply, now);
      return { kind: 'retry', reply: result.reply };
    });
  }
}
