/** Why an SMTP server did not take a message: its reply (code and text), or what failed before any reply. */
export interface SendFailure {
  /** The SMTP reply code (550, 451…), or null when no reply came (connection refused, timeout). */
  replyCode: number | null;
  /** The server's reply, or the connection error, as recorded on the delivery. */
  reply: string;
}

/**
 * RFC 5321 §4.2.1: a 5yz reply is a permanent refusal (sending the same message again gets it again),
 * a 4yz reply a transient one. 503 "bad sequence of commands" is the exception: it says the session was
 * in the wrong state, not that the message was refused, so a new connection may succeed.
 * No reply at all (connection refused, reset, timed out) is transient too.
 */
export function isPermanentFailure(failure: SendFailure): boolean {
  const code = failure.replyCode;
  return code !== null && code >= 500 && code <= 599 && code !== 503;
}

/**
 * What becomes of a delivery the server did not take: failed for good on a permanent refusal, or when
 * temporary refusals have lasted longer than `giveUpAfterMs` since it was recorded; otherwise tried again.
 */
export function afterFailure(
  failure: SendFailure,
  timing: { recordedAt: Date; now: Date; giveUpAfterMs: number },
): 'failed' | 'retry' {
  if (isPermanentFailure(failure)) return 'failed';
  const age = timing.now.getTime() - timing.recordedAt.getTime();
  return age >= timing.giveUpAfterMs ? 'failed' : 'retry';
}
