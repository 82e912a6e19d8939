import { EventPattern as NestEventPattern } from '@nestjs/microservices';
import type { EventEnvelope, PayloadOf, PlatformEventType } from '@tripartite/events';
import type { EventContext } from './event-context';

/** The envelope a handler of `K` receives: typed from the catalogue for platform events. */
export type EnvelopeOf<K extends string> = K extends PlatformEventType ? EventEnvelope<PayloadOf<K>, K> : EventEnvelope;

type HandlerOf<K extends string> = (event: EnvelopeOf<K>, ctx: EventContext) => Promise<unknown> | unknown;

/**
 * Nest's `@EventPattern`, typed by our catalogue: the compiler checks that the handler of
 * 'agreement.granted' takes that event's envelope and the `EventContext` (its transaction).
 */
export function EventPattern<K extends string>(
  type: K,
): <H extends HandlerOf<K>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<H>) => void {
  return NestEventPattern<string>(type) as never;
}
