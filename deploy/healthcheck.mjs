#!/usr/bin/env node
// Container health check (Dockerfile HEALTHCHECK, docker-compose): asks the service in this container for
// /health/live (default) or /health/ready (`node deploy/healthcheck.mjs ready`). Exit 0 healthy, 1 not.
// Kubernetes does not use it: its probes call the same endpoints over HTTP.
const DEFAULT_PORTS = {
  gateway: 3000,
  agreements: 3001,
  contracts: 3002,
  consultations: 3003,
  notifications: 3004,
  indicators: 3005,
};
const which = process.argv[2] === 'ready' ? 'ready' : 'live';
const port = process.env.HTTP_PORT ?? DEFAULT_PORTS[process.env.SERVICE] ?? 3000;
try {
  const response = await fetch(`http://127.0.0.1:${port}/health/${which}`, {
    signal: AbortSignal.timeout(2000),
  });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
