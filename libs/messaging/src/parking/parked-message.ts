import { createHash } from 'node:crypto';
import type { MessageProperties, Options } from 'amqplib';
import { MESSAGE_HEADERS } from '../transport/message-headers';

/** The AMQP properties of a parked message that are kept to put it back as it came. */
export interface KeptProperties {
  contentType?: string;
  contentEncoding?: string;
  correlationId?: string;
  messageId?: string;
  timestamp?: number;
  type?: string;
  appId?: string;
  headers: Record<string, unknown>;
}

/** A parked message as the service's parked-message log keeps it. */
export interface ParkedMessage {
  /** Same message, same headers: the same fingerprint (a redelivery to the collector is stored once). */
  fingerprint: string;
  /** The envelope's id, else the AMQP message id; null for a body that names none. */
  eventId: string | null;
  /** The event type (routing key); null when neither the body nor the headers say it. */
  type: string | null;
  version: number | null;
  reason: string;
  /** Set when parked for being of a version newer than the consumer read: that version. */
  unknownVersion: number | null;
  attempts: number;
  parkedAt: Date;
  content: Buffer;
  properties: KeptProperties;
}

/** Headers that say how the message was parked or redelivered: dropped when it is put back. */
const DELIVERY_HEADERS = [
  MESSAGE_HEADERS.reason,
  MESSAGE_HEADERS.parkedAt,
  MESSAGE_HEADERS.attempts,
  MESSAGE_HEADERS.unknownVersion,
  MESSAGE_HEADERS.attempt,
  MESSAGE_HEADERS.lastError,
  MESSAGE_HEADERS.replayedAt,
  'x-death',
  'x-first-death-exchange',
  'x-first-death-queue',
  'x-first-death-reason',
  'x-last-death-exchange',
  'x-last-death-queue',
  'x-last-death-reason',
  'x-delivery-count',
];

/**
 * Reads what a message taken from a parking queue is: parked by the transport (its headers say why), or
 * dead-lettered there by the broker after too many deliveries (a handler that stops the process).
 */
export function parkedMessageOf(
  message: { content: Buffer; properties: MessageProperties },
  now: Date,
): ParkedMessage {
  const { content, properties } = message;
  const headers: Record<string, unknown> = { ...(properties.headers ?? {}) };
  const envelope = envelopeFields(content);
  const death = firstDeath(headers);
  return {
    fingerprint: fingerprintOf(content, headers),
    eventId: envelope.id ?? stringOrNull(properties.messageId),
    type:
      envelope.type ??
      stringOrNull(headers[MESSAGE_HEADERS.originalRoutingKey]) ??
      stringOrNull(properties.type),
    version: envelope.version ?? integerOrNull(headers['x-event-version']),
    reason:
      stringOrNull(headers[MESSAGE_HEADERS.reason]) ??
      (death
        ? `dead-lettered by the broker (${death.reason ?? 'unknown reason'} on ${death.queue ?? 'its queue'}): its handler may stop the process`
        : 'parked without a reason'),
    unknownVersion: integerOrNull(headers[MESSAGE_HEADERS.unknownVersion]),
    attempts:
      integerOrNull(headers[MESSAGE_HEADERS.attempts]) ?? integerOrNull(headers['x-delivery-count']) ?? 0,
    parkedAt: dateOf(headers[MESSAGE_HEADERS.parkedAt]) ?? death?.time ?? now,
    content,
    properties: {
      contentType: stringOrUndefined(properties.contentType),
      contentEncoding: stringOrUndefined(properties.contentEncoding),
      correlationId: stringOrUndefined(properties.correlationId),
      messageId: stringOrUndefined(properties.messageId),
      timestamp: typeof properties.timestamp === 'number' ? properties.timestamp : undefined,
      type: stringOrUndefined(properties.type),
      appId: stringOrUndefined(properties.appId),
      headers,
    },
  };
}

/**
 * The AMQP properties to put a parked message back on its service's queue with: as it was first
 * published, its tries counted from one again, and marked as replayed.
 */
export function replayPropertiesOf(parked: ParkedMessage, replayedAt: Date): Options.Publish {
  const headers = { ...parked.properties.headers };
  for (const name of DELIVERY_HEADERS) delete headers[name];
  if (parked.type) headers[MESSAGE_HEADERS.originalRoutingKey] = parked.type;
  headers[MESSAGE_HEADERS.replayedAt] = replayedAt.toISOString();
  const { contentType, contentEncoding, correlationId, messageId, timestamp, type, appId } =
    parked.properties;
  return {
    persistent: true,
    contentType,
    contentEncoding,
    correlationId,
    messageId,
    timestamp,
    type,
    appId,
    headers,
  };
}

function fingerprintOf(content: Buffer, headers: Record<string, unknown>): string {
  const { 'x-delivery-count': _count, ...stable } = headers;
  return createHash('sha256').update(content).update(JSON.stringify(stable)).digest('hex');
}

function envelopeFields(content: Buffer): { id?: string; type?: string; version?: number } {
  let body: unknown;
  try {
    body = JSON.parse(content.toString('utf8'));
  } catch {
    return {};
  }
  if (!body || typeof body !== 'object') return {};
  const { id, type, version } = body as Record<string, unknown>;
  // A rogue body may say anything: only short strings are taken as its id and type.
  return {
    id: shortString(id),
    type: shortString(type),
    version: integerOrNull(version) ?? undefined,
  };
}

function firstDeath(
  headers: Record<string, unknown>,
): { reason?: string; queue?: string; time?: Date } | undefined {
  const deaths = headers['x-death'];
  if (!Array.isArray(deaths) || deaths.length === 0) return undefined;
  const death = deaths[0] as Record<string, unknown>;
  const time = death.time as { value?: unknown } | number | undefined;
  const seconds = typeof time === 'number' ? time : Number((time as { value?: unknown })?.value);
  return {
    reason: stringOrUndefined(death.reason),
    queue: stringOrUndefined(death.queue),
    time: Number.isFinite(seconds) ? new Date(seconds * 1000) : undefined,
  };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function shortString(value: unknown): string | undefined {
  const text = stringOrUndefined(value);
  return text !== undefined && text.length <= 200 ? text : undefined;
}

function stringOrNull(value: unknown): string | null {
  return stringOrUndefined(value) ?? null;
}

function integerOrNull(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) ? number : null;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value);
  return Number.isNaN(time) ? undefined : new Date(time);
}
