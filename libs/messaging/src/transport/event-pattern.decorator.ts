import { ArgumentsHost, applyDecorators, Catch, type RpcExceptionFilter, UseFilters } from '@nestjs/common';
import { EventPattern as NestEventPattern } from '@nestjs/microservices';
import type { EventEnvelope, PayloadOf, PlatformEventType } from '@tripartite/events';
import { type Observable, throwError } from 'rxjs';
import type { EventContext } from './event-context';

/** The envelope a handler of `K` receives: typed from the catalogue for platform events. */
export type EnvelopeOf<K extends string> = K extends PlatformEventType
  ? EventEnvelope<PayloadOf<K>, K>
  : EventEnvelope;

type HandlerOf<K extends string> = (event: EnvelopeOf<K>, ctx: EventContext) => Promise<unknown> | unknown;

/**
 * Nest's default RPC filter replaces a handler's error by "Internal server error"; the transport
 * needs the real error to decide and to record why a message was parked.
 */
@Catch()
export class HandlerErrorPassthroughFilter implements RpcExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Nest's `@EventPattern`, typed by our catalogue: the compiler checks that the handler of
 * 'agreement.granted' takes that event's envelope and the `EventContext` (its transaction).
 */
export function EventPattern<K extends string>(
  type: K,
): <H extends HandlerOf<K>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<H>,
) => void {
  return applyDecorators(
    NestEventPattern<string>(type) as MethodDecorator,
    UseFilters(new HandlerErrorPassthroughFilter()),
  ) as never;
}
