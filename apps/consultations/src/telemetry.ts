import { startTelemetry } from '@tripartite/telemetry';

/** Imported first by main.ts: the instrumentations patch HTTP, pg, amqplib and ioredis as they are loaded. */
startTelemetry({ serviceName: 'consultations' });
