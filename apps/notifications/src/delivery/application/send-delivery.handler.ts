import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { DataSource } from 'typeorm';
import type { NotificationsConfig } from '../../notifications.config';
import { type DeliveryStatus, giveUpClockStart } from '../domain/delivery';
import { afterFailure } from '../domain/smtp-failure.rule';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { type MailAcceptance, MailAcceptances } from './mail-acceptances';
import { MailTransport } from './mail-transport';

export type SendOutcome =
  /** Taken by the server and recorded; `recordedLater`: taken by an earlier try whose recording failed. */
  | { kind: 'sent'; reply: string; recordedLater: boolean }
  | { kind: 'failed'; reply: string }
  /** Refused for a transient reason: the try is recorded; the caller tries again later. */
  | { kind: 'retry'; reply: string }
  | { kind: 'skipped'; status: Exclude<DeliveryStatus, 'pending'> | 'missing' };

/**
 * The mail server took the message but the delivery could not be recorded as sent (the database went
 * away between the two): the acceptance is kept, and the next try records it without sending again.
 */
export class AcceptedNotRecordedError extends Error {
  constructor(
    deliveryId: string,
    readonly reply: string,
    cause: unknown,
  ) {
    super(
      `Delivery ${deliveryId} taken by the mail server (${reply}) but not recorded yet: ${
        cause instanceof Error ? cause.message : String(cause)
      }; the next try records it without sending it again`,
      { cause },
    );
    this.name = 'AcceptedNotRecordedError';
  }
}

/**
 * Sends one delivery, once. The row is locked for the whole try (`FOR UPDATE`): a second sender of the
 * same delivery (a stalled job handed to another replica, the sweep's job) waits, then finds it sent
 * and does nothing. Sent is recorded only after the server took the message (2xx), with its reply.
 * Once the server took it, no try sends it again: the acceptance is kept (`MailAcceptances`, outside the
 * database) before the recording, and a try that finds one only records it (ADR 0016). What is left is
 * losing both at that very moment: Redis and the database connection, between the 250 and the commit.
 */
@Injectable()
export class SendDeliveryHandler {
  private readonly logger = new Logger(SendDeliveryHandler.name);
  private readonly messageIdDomain: string;

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly dataSource: DataSource,
    private readonly deliveries: DeliveryRepository,
    private readonly transport: MailTransport,
    private readonly acceptances: MailAcceptances,
    private readonly clock: Clock,
  ) {
    this.messageIdDomain = /@([^>\s]+)>?\s*$/.exec(config.MAIL_FROM)?.[1] ?? 'tripartite.local';
  }

  async send(deliveryId: string): Promise<SendOutcome> {
    // Set once the server took the message in this try: a failure after that is a recording to retry.
    const taken: { acceptance?: MailAcceptance } = {};
    let outcome: SendOutcome;
    try {
      outcome = await this.dataSource.transaction(async (manager): Promise<SendOutcome> => {
        const delivery = await this.deliveries.findById(manager, deliveryId, 'wait');
        if (!delivery) return { kind: 'skipped', status: 'missing' };
        if (delivery.status !== 'pending') return { kind: 'skipped', status: delivery.status };

        const earlier = await this.acceptances.find(delivery.id);
        if (earlier) {
          await this.deliveries.markSent(manager, delivery.id, earlier.reply, earlier.acceptedAt);
          return { kind: 'sent', reply: earlier.reply, recordedLater: true };
        }

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
          taken.acceptance = { reply: result.reply, acceptedAt: now };
          await this.acceptances.keep(delivery.id, taken.acceptance).catch((error: unknown) =>
            // The recording below usually succeeds; if it does not either, the next try sends again.
            this.logger.warn(`Delivery ${delivery.id}: acceptance not kept (${messageOf(error)})`),
          );
          await this.deliveries.markSent(manager, delivery.id, result.reply, now);
          return { kind: 'sent', reply: result.reply, recordedLater: false };
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
    } catch (error) {
      if (taken.acceptance) throw new AcceptedNotRecordedError(deliveryId, taken.acceptance.reply, error);
      throw error;
    }
    // Recorded now, or by a try whose commit went through though its connection broke after it.
    const recorded = outcome.kind === 'sent' || (outcome.kind === 'skipped' && outcome.status === 'sent');
    if (recorded) await this.acceptances.forget(deliveryId).catch(() => undefined);
    return outcome;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
