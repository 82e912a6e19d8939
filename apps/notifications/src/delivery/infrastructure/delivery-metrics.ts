import { Injectable } from '@nestjs/common';
import { MetricsRegistry } from '@tripartite/http';
import type { Counter } from 'prom-client';
import type { SendOutcome } from '../application/send-delivery.handler';

/** Why a send job will be tried again. */
export type RetryReason = 'refused_for_now' | 'not_recorded' | 'error';

/**
 * What became of the tries of the send jobs, on the service's `/metrics`: e-mails the mail server took
 * and that were recorded as sent, e-mails it refused for good (or that were given up), and tries that
 * will be made again (BullMQ backoff, then the sweep). A person's retry of a failed e-mail is audited, not
 * counted here.
 */
@Injectable()
export class DeliveryMetrics {
  private readonly sent: Counter;
  private readonly failed: Counter;
  private readonly retried: Counter<'reason'>;

  constructor(metrics: MetricsRegistry) {
    this.sent = metrics.counter({
      name: 'tripartite_emails_sent_total',
      help: 'E-mails the mail server accepted and that were recorded as sent',
    });
    this.failed = metrics.counter({
      name: 'tripartite_emails_failed_total',
      help: 'E-mails refused for good by the mail server, or given up after MAIL_GIVE_UP_HOURS',
    });
    this.retried = metrics.counter({
      name: 'tripartite_emails_retried_total',
      help: 'Send tries to be made again: refused for now (4xx, no answer), taken but not recorded yet, or another error',
      labelNames: ['reason'],
    });
  }

  /** Counts the outcome of one try. */
  outcome(outcome: SendOutcome): void {
    if (outcome.kind === 'sent') this.sent.inc();
    else if (outcome.kind === 'failed') this.failed.inc();
    else if (outcome.kind === 'retry') this.retried.inc({ reason: 'refused_for_now' });
  }

  /** Counts a try that threw and will be made again. */
  retry(reason: RetryReason): void {
    this.retried.inc({ reason });
  }
}
