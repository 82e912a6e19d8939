import {
  type Attributes,
  type Context,
  context,
  isSpanContextValid,
  type Link,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import { platformTracer } from './start-telemetry';

/**
 * The W3C trace context of a unit of work (`traceparent`, and `tracestate` when there is one), as it is
 * stored with it (an outbox row, a job) or sent with it (AMQP headers): plain strings, JSON-safe.
 */
export type TraceCarrier = Record<string, string>;

/** The trace context active here, to store or send with work that goes on elsewhere; null outside any trace. */
export function activeTraceCarrier(): TraceCarrier | null {
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ? carrier : null;
}

/**
 * The context a stored or received carrier names (nothing, for a missing or unreadable one). Reads any
 * header-like record: AMQP headers hold other things besides.
 */
export function contextOf(carrier: Readonly<Record<string, unknown>> | null | undefined): Context {
  if (!carrier) return ROOT_CONTEXT;
  return propagation.extract(ROOT_CONTEXT, carrier, {
    keys: (headers) => Object.keys(headers),
    get: (headers, key) => {
      const value = headers[key];
      if (typeof value === 'string') return value;
      return Buffer.isBuffer(value) ? value.toString() : undefined;
    },
  });
}

/** Runs `work` in the context a carrier names, e.g. a publish, so an instrumented client continues that trace. */
export function withTraceOf<T>(
  carrier: Readonly<Record<string, unknown>> | null | undefined,
  work: () => T,
): T {
  return context.with(contextOf(carrier), work);
}

export interface SpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  /**
   * The span's parent: the active context by default, a carrier's (work that came from elsewhere), or
   * `'none'` for a new trace (work that happens long after what caused it: link to that instead).
   */
  parent?: Context | 'none';
  /** Traces this work follows from without being part of them. */
  links?: readonly (TraceCarrier | null | undefined)[];
}

/**
 * Runs `work` inside a new span of the platform's tracer: active for everything `work` calls, marked
 * failed with the exception if it throws, ended when it settles.
 */
export async function inSpan<T>(
  name: string,
  options: SpanOptions,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent === 'none' ? ROOT_CONTEXT : (options.parent ?? context.active());
  const links: Link[] = [];
  for (const carrier of options.links ?? []) {
    const linked = trace.getSpanContext(contextOf(carrier));
    if (linked && isSpanContextValid(linked)) links.push({ context: linked });
  }
  const span = platformTracer().startSpan(
    name,
    {
      kind: options.kind ?? SpanKind.INTERNAL,
      attributes: options.attributes,
      links,
      root: options.parent === 'none',
    },
    parent,
  );
  try {
    return await context.with(trace.setSpan(parent, span), () => work(span));
  } catch (error) {
    span.recordException(error instanceof Error ? error : String(error));
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: error instanceof Error ? error.message : String(error),
    });
    throw error;
  } finally {
    span.end();
  }
}

/** The ids of the span active here, for log lines; undefined outside any trace. */
export function activeTraceIds(): { traceId: string; spanId: string } | undefined {
  const active = trace.getSpanContext(context.active());
  if (!active || !isSpanContextValid(active)) return undefined;
  return { traceId: active.traceId, spanId: active.spanId };
}

export { SpanKind, SpanStatusCode };
