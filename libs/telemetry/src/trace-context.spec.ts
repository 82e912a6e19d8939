import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTelemetry } from './start-telemetry';
import { activeTraceCarrier, activeTraceIds, contextOf, inSpan, withTraceOf } from './trace-context';

const spans = new InMemorySpanExporter();
startTelemetry({ serviceName: 'telemetry-spec', exporter: spans });

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
const traceparent = `00-${TRACE}-${PARENT}-01`;

describe('trace context (W3C Trace Context)', () => {
  it('has nothing to carry outside a trace', () => {
    assert.equal(activeTraceCarrier(), null);
    assert.equal(activeTraceIds(), undefined);
  });

  it('continues the trace a carrier names, from strings or from AMQP header buffers', async () => {
    for (const carrier of [{ traceparent }, { traceparent: Buffer.from(traceparent), 'x-attempt': 2 }]) {
      const carried = await inSpan('child', { parent: contextOf(carrier) }, async () => activeTraceCarrier());
      assert.match(carried?.traceparent ?? '', new RegExp(`^00-${TRACE}-[0-9a-f]{16}-01$`));
      assert.notEqual(carried?.traceparent, traceparent);
    }
    const child = spans.getFinishedSpans().find((span) => span.name === 'child');
    assert.equal(child?.parentSpanContext?.spanId, PARENT);
  });

  it('runs work in the trace of a carrier, and in none for a missing or unreadable one', () => {
    assert.equal(
      withTraceOf({ traceparent }, () => activeTraceCarrier()?.traceparent),
      traceparent,
    );
    assert.equal(
      withTraceOf(null, () => activeTraceCarrier()),
      null,
    );
    assert.equal(
      withTraceOf({ traceparent: 'not-a-traceparent' }, () => activeTraceCarrier()),
      null,
    );
  });

  it('starts a new trace linked to the one it follows from, for work long after its cause', async () => {
    const ids = await inSpan('later', { parent: contextOf({ traceparent }) }, () =>
      inSpan('deferred', { parent: 'none', links: [{ traceparent }, null] }, async () => activeTraceIds()),
    );
    assert.ok(ids);
    assert.notEqual(ids.traceId, TRACE);
    const deferred = spans.getFinishedSpans().find((span) => span.name === 'deferred');
    assert.equal(deferred?.parentSpanContext, undefined);
    assert.deepEqual(
      deferred?.links.map((link) => [link.context.traceId, link.context.spanId]),
      [[TRACE, PARENT]],
    );
  });

  it('marks a span failed with the exception its work threw, and rethrows it', async () => {
    await assert.rejects(
      inSpan('failing', {}, async () => {
        throw new Error('SMTP went away');
      }),
      /SMTP went away/,
    );
    const failing = spans.getFinishedSpans().find((span) => span.name === 'failing');
    assert.equal(failing?.status.code, 2);
    assert.equal(failing?.status.message, 'SMTP went away');
    assert.equal(failing?.events[0]?.name, 'exception');
  });
});
