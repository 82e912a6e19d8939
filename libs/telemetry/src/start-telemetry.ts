import { trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { AmqplibInstrumentation } from '@opentelemetry/instrumentation-amqplib';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export interface TelemetryOptions {
  /** The resource's `service.name` ("agreements", "gateway"…); `OTEL_SERVICE_NAME` overrides it. */
  serviceName: string;
  /**
   * Where finished spans go. By default OTLP over HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, nowhere
   * otherwise. Tests pass an in-memory exporter.
   */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface Telemetry {
  /** Whether finished spans leave the process (an exporter is set). */
  readonly exporting: boolean;
  /** Exports what is still buffered and stops. */
  shutdown(): Promise<void>;
}

/** Kubernetes probes and Prometheus scrapes: a trace each every few seconds would bury the real ones. */
const QUIET_PATHS = /^\/(health|metrics)(\/|\?|$)/;

let started: Telemetry | undefined;

/**
 * Starts tracing for this process: W3C trace context propagation, the instrumentations of the libraries
 * the platform talks through (HTTP in and out, PostgreSQL, RabbitMQ, Redis) and, when an exporter is
 * known, the export of finished spans. Call it before anything else is loaded: an instrumentation
 * patches a module when it is first required. Without an exporter spans are still made (log lines
 * carry their ids) and `traceparent` still travels, but nothing leaves the process.
 * Once per process: a second call (tests building several apps) answers the first one's handle.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  if (started) return started;
  const env = options.env ?? process.env;
  const processors: SpanProcessor[] = [];
  if (options.exporter) processors.push(new SimpleSpanProcessor(options.exporter));
  else if (env.OTEL_EXPORTER_OTLP_ENDPOINT) processors.push(new BatchSpanProcessor(new OTLPTraceExporter()));

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': env.OTEL_SERVICE_NAME || options.serviceName,
      'service.namespace': 'tripartite',
    }),
    spanProcessors: processors,
  });
  // The W3C `traceparent`/`tracestate` propagator and AsyncLocalStorage contexts (the defaults).
  provider.register();
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => QUIET_PATHS.test(request.url ?? ''),
        requireParentforOutgoingSpans: true,
      }),
      // The gateway proxies with undici; fetch (JWKS) too.
      new UndiciInstrumentation({ requireParentforSpans: true }),
      // Only inside a request, an event or a job: the relay's and the timers' polling is not a story.
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
      new AmqplibInstrumentation(),
    ],
  });

  let stopping: Promise<void> | undefined;
  const telemetry: Telemetry = {
    exporting: processors.length > 0,
    shutdown: () => {
      stopping ??= provider.shutdown();
      return stopping;
    },
  };
  // Spans still buffered when the process ends on its own (after SIGTERM closed the app) are sent.
  if (telemetry.exporting) process.once('beforeExit', () => void telemetry.shutdown());
  started = telemetry;
  return telemetry;
}

/** The platform's own spans (consumers, jobs, SMTP) come from this tracer. */
export function platformTracer() {
  return trace.getTracer('tripartite');
}
