import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@tripartite/config';
import { inSpan, SpanKind, SpanStatusCode } from '@tripartite/telemetry';
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
  private readonly server: { host: string; port: number };

  constructor(@Inject(PLATFORM_CONFIG) config: NotificationsConfig) {
    super();
    this.from = config.MAIL_FROM;
    this.server = { host: config.SMTP_HOST, port: config.SMTP_PORT };
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

  /** One span per try, in the send job's trace: the answer of "was this e-mail sent, and when" (ADR 0013). */
  send(mail: OutgoingMail): Promise<MailSendResult> {
    return inSpan(
      'smtp send',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'server.address': this.server.host,
          'server.port': this.server.port,
          'email.to': mail.to.address,
          // <delivery id@domain>: names the delivery.
          'email.message_id': mail.messageId,
        },
      },
      async (span) => {
        const result = await this.sendMail(mail);
        span.setAttribute('smtp.reply', result.reply.slice(0, 200));
        if (!result.accepted)
          span.setStatus({ code: SpanStatusCode.ERROR, message: result.reply.slice(0, 200) });
        return result;
      },
    );
  }

  private async sendMail(mail: OutgoingMail): Promise<MailSendResult> {
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
