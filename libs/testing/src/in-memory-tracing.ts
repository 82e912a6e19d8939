import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from '@tripartite/telemetry';

/**
 * Tracing for a test process, as main.ts starts it for a service, but keeping finished spans in memory.
 * Import it FIRST in the test file (`import '@tripartite/testing/in-memory-tracing'`, apart from the
 * library's index, which loads pg and amqplib): the instrumentations patch modules as they are loaded.
 */
export const finishedSpans = new InMemorySpanExporter();
startTelemetry({ serviceName: 'tripartite-test', exporter: finishedSpans });

/** The finished spans of one trace. */
export function spansOfTrace(traceId: string): ReadableSpan[] {
  return finishedSpans.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
}
