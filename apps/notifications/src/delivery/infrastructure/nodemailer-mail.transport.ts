import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { createTransport, type NodemailerError } from 'nodemailer';
import type { NotificationsConfig } from '../../notifications.config';
import { type MailSendResult, MailTransport, type OutgoingMail } from '../application/mail-transport';

/**
 * SMTP through nodemailer: host, port, implicit TLS or STARTTLS when offered, optional credentials, all
 * from the environment. One connection per message (no pool): a send finds out about a restarted or
 * replaced relay by itself, and several replicas never hold connections they do not use.
 */
@Injectable()
export class NodemailerMailTransport extends MailTransport implements OnApplicationShutdown {
  private readonly transporter;
  private readonly from: string;

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    super();
    this.from = config.MAIL_FROM;
    this.transporter = createTransport({
      host: config.SMTP_HOST,
      port: config.SMTP_PORT,
      secure: config.SMTP_SECURE,
      auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
      connectionTimeout: config.SMTP_TIMEOUT_MS,
      greetingTimeout: config.SMTP_TIMEOUT_MS,
      socketTimeout: config.SMTP_TIMEOUT_MS * 3,
    });
  }

  async send(mail: OutgoingMail): Promise<MailSendResult> {
    try {
      const info = await this.transporter.sendMail({
        from: this.from,
        to: mail.to.name ? { name: mail.to.name, address: mail.to.address } : mail.to.address,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          content: a.content,
          contentType: a.contentType,
        })),
        messageId: mail.messageId,
      });
      return { accepted: true, reply: info.response };
    } catch (error) {
      const failure = error as NodemailerError;
      // With one recipient, a refused recipient fails the whole send (EENVELOPE with the server's reply).
      return {
        accepted: false,
        replyCode: typeof failure.responseCode === 'number' ? failure.responseCode : null,
        reply: failure.response ?? `${failure.code ?? failure.name}: ${failure.message}`,
      };
    }
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
