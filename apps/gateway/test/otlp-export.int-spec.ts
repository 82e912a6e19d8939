import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { expectEventually, freePort } from '@tripartite/testing';

/** What an OTLP/HTTP collector receives (JSON encoding), reduced to what the test reads. */
interface ExportRequest {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { traceId: string; parentSpanId?: string; kind: number }[] }[];
  }[];
}

// Traces leave a process by OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set (ADR 0013): the gateway as
// `npm start` runs it (compiled main.js, tracing loaded first) sends its spans to a collector standing in
// for the real one, continuing the caller's W3C traceparent.
describe('traces exported by OTLP (ADR 0013)', () => {
  const received: ExportRequest[] = [];
  let collector: Server;
  let gateway: ChildProcess;
  let base: string;

  before(async () => {
    collector = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += chunk;
      });
      request.on('end', () => {
        if (request.url === '/v1/traces') received.push(JSON.parse(body) as ExportRequest);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    gateway = spawn(process.execPath, [join(__dirname, '..', 'src', 'main.js')], {
      env: {
        ...process.env,
        HTTP_PORT: String(port),
        LOG_LEVEL: 'warn',
        GATEWAY_RATE_LIMIT_STORE: 'memory',
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
        OTEL_BSP_SCHEDULE_DELAY: '100',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await expectEventually(async () => assert.equal((await fetch(`${base}/health/live`)).status, 200), {
      timeoutMs: 30_000,
      intervalMs: 200,
    });
  });

  after(async () => {
    if (gateway && gateway.exitCode === null) {
      const exited = new Promise((resolve) => gateway.once('exit', resolve));
      gateway.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => collector?.close(resolve));
  });

  it("sends the request's span, in the caller's trace, to the collector", async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await fetch(`${base}/api/v1/organisations`, {
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });
    assert.equal(response.status, 401);
    await response.arrayBuffer();

    const exported = await expectEventually(() => {
      const found = received.flatMap((request) =>
        request.resourceSpans.flatMap((resource) =>
          resource.scopeSpans.flatMap((scope) => scope.spans.map((span) => ({ resource, span }))),
        ),
      );
      const match = found.find(({ span }) => span.traceId === traceId);
      assert.ok(match, 'no span of the request reached the collector');
      return match;
    });
    assert.equal(exported.span.parentSpanId, callerSpanId);
    assert.equal(exported.span.kind, 2, 'a server span');
    const name = exported.resource.resource.attributes.find((a) => a.key === 'service.name');
    assert.equal(name?.value.stringValue, 'gateway');
  });
});
