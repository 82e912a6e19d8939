import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, serviceConfigSchema } from '@tripartite/config';
import { createServiceApp, type ProblemDetails, type ServiceBootstrapOptions } from '@tripartite/http';
import { createTestDatabase, isolatedEnvironment } from '@tripartite/testing';
import { WidgetsModule } from './widgets.module';

export interface RunningWidgets {
  app: NestFastifyApplication;
  baseUrl: string;
  close: () => Promise<void>;
}

export type WidgetsAppOptions = Partial<Pick<ServiceBootstrapOptions, 'idempotency' | 'module'>> & {
  /** Variables over the isolated environment (e.g. HTTP_REQUEST_TIMEOUT_MS). */
  env?: Record<string, string>;
};

/** The test service built with the real bootstrap, on its own database, listening on a random loopback port. */
export async function startWidgetsApp(
  label: string,
  options: WidgetsAppOptions = {},
): Promise<RunningWidgets> {
  const { env, ...bootstrap } = options;
  const database = await createTestDatabase(label);
  const config = loadConfig(serviceConfigSchema('widgets', 0), {
    ...isolatedEnvironment(label, database.name),
    ...env,
  });
  const app = await createServiceApp({
    module: WidgetsModule,
    config,
    openApi: { title: 'Widgets', description: 'Test service of the http library' },
    ...bootstrap,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/**
 * The test service for the tests of one `describe`: started by its `before` (then handed to `ready`),
 * closed (and its database dropped) by its `after`. Answers `url(path)`: the address of `path` on it.
 */
export function withWidgetsApp(
  label: string,
  options: WidgetsAppOptions = {},
  ready: (service: RunningWidgets) => void = () => undefined,
): (path: string) => string {
  let service: RunningWidgets | undefined;
  before(async () => {
    service = await startWidgetsApp(label, options);
    ready(service);
  });
  after(async () => {
    await service?.close();
  });
  return (path) => {
    if (!service) throw new Error(`The widgets service ${label} is not running`);
    return `${service.baseUrl}${path}`;
  };
}

export const validWidget = {
  name: 'Sprocket',
  contacts: [{ email: 'ana@example.org', name: 'Ana' }],
};

export function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** What a problem answer holds, for typed assertions: the library's problem and the request id it adds. */
export type ProblemBody = ProblemDetails & { requestId?: string };

export async function jsonOf<T = ProblemBody>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

/** Asserts that `response` is a problem (RFC 9457) of `status`, by its status, media type and body; answers the body. */
export async function assertProblem(response: Response, status: number): Promise<ProblemBody> {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await jsonOf(response);
  assert.equal(body.status, status);
  return body;
}
