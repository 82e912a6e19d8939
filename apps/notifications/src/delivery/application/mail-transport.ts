import type { MailAttachment } from '../domain/delivery';
import type { SendFailure } from '../domain/smtp-failure.rule';

/** One rendered e-mail to one person. */
export interface OutgoingMail {
  to: { name: string | null; address: string };
  subject: string;
  text: string;
  html: string;
  /** Files sent with it (the .ics of a reminder). */
  attachments: MailAttachment[];
  /**
   * Message-ID derived from the delivery, the same on every try: should a message be sent twice (the
   * process died between the server's 250 and our commit), mail clients can tell it is one message.
   */
  messageId: string;
}

/** Taken by the server (its reply, e.g. "250 Queued as 4F2A"), or not, and why. */
export type MailSendResult = { accepted: true; reply: string } | ({ accepted: false } & SendFailure);

/**
 * Sends e-mail. Never throws for the server's refusals or for network trouble: those are results, for
 * the domain to judge (see `afterFailure`). The SMTP implementation is `NodemailerMailTransport`.
 */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<MailSendResult>;
}
