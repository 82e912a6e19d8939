/** The mail server took a delivery's message: its reply ("250 Queued as 4F2A") and when. */
export interface MailAcceptance {
  reply: string;
  acceptedAt: Date;
}

/**
 * Where a send keeps the mail server's acceptance before it records the delivery as sent, so that a try
 * after a failed recording (the database went away between the two) records it instead of sending it
 * again. Kept outside the database on purpose: it must survive what the database does not. The Redis
 * implementation is `RedisMailAcceptances` (ADR 0016).
 */
export abstract class MailAcceptances {
  /** The acceptance kept for a delivery, if any; throws when it cannot tell (then nothing may be sent). */
  abstract find(deliveryId: string): Promise<MailAcceptance | null>;
  /** Keeps the acceptance until the delivery is recorded as sent (or for days at most). */
  abstract keep(deliveryId: string, acceptance: MailAcceptance): Promise<void>;
  /** The delivery is recorded as sent: the acceptance is no longer needed. */
  abstract forget(deliveryId: string): Promise<void>;
}
