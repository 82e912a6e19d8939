import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A JSON answer read field by field, as a client would: tests assert on what they read. */
// biome-ignore lint/suspicious/noExplicitAny: a test reads nested fields of arbitrary answers.
export type Json = Record<string, any>;

/** A service's answer as the tests read it. */
export interface Reply {
  statusCode: number;
  headers: Record<string, unknown>;
  body: string;
  json(): Json;
}

/** A request as a test client sends it: method, URL, the caller's token (null: none), body, extra headers. */
export type TestRequest = [
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  token: string | null,
  payload?: unknown,
  headers?: Record<string, string>,
];

/** Sends `request` to the service in process (Fastify's `inject`), as the caller of its bearer token. */
export async function requestAs(
  app: NestFastifyApplication,
  ...[method, url, token, payload, headers = {}]: TestRequest
): Promise<Reply> {
  return (await app.inject({
    method,
    url,
    payload: payload as object,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  })) as unknown as Reply;
}
