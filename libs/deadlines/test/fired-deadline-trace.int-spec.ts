// First: tracing (in memory) before the modules it instruments are loaded.
import '@tripartite/testing/in-memory-tracing';
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inSpan } from '@tripartite/telemetry';
import { expectEventually } from '@tripartite/testing';
import { finishedSpans } from '@tripartite/testing/in-memory-tracing';
import { inMs, reminder, withDeadlinesTestWorld } from './support/deadlines-test-world';

// A deadline fires long after the request that scheduled it: its firing is a trace of its own, linked to
// that request's, and the event it appends (and so every e-mail about it) travels in the firing's trace.
// ADR 0013.
describe('the trace of a fired deadline (ADR 0013)', () => {
  const setup = withDeadlinesTestWorld('deadlines_trace');

  it('starts a trace of its own, linked to the request that scheduled it, in which its event leaves', async () => {
    const [replica] = setup.replicas;
    const subjectId = 'agreement-traced';
    const request = await inSpan('POST /api/v1/agreements', {}, async (span) => ({
      deadline: await replica.dataSource.transaction((manager) =>
        replica.scheduler.schedule(manager, reminder(subjectId, inMs(replica, 500))),
      ),
      context: span.spanContext(),
    }));

    const fire = await expectEventually(() => {
      const found = finishedSpans
        .getFinishedSpans()
        .find(
          (span) =>
            span.name === 'fire deadline' &&
            span.attributes['tripartite.deadline.id'] === request.deadline.id &&
            span.attributes['tripartite.deadline.outcome'] === 'fired',
        );
      assert.ok(found, 'the deadline has not fired');
      return found;
    });
    assert.equal(fire.parentSpanContext, undefined, 'a root span');
    assert.notEqual(fire.spanContext().traceId, request.context.traceId);
    assert.deepEqual(
      fire.links.map((link) => [link.context.traceId, link.context.spanId]),
      [[request.context.traceId, request.context.spanId]],
    );
    const [row] = await replica.dataSource.query('SELECT trace_context FROM outbox WHERE aggregate_id = $1', [
      subjectId,
    ]);
    assert.match(row.trace_context.traceparent, new RegExp(`^00-${fire.spanContext().traceId}-`));
  });
});
