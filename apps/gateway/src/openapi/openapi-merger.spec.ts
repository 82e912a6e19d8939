import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type MergeInput, mergeOpenApiDocuments, type OpenApiDocument } from './openapi-merger';

const problemOf = (extra: Record<string, unknown>) => ({
  type: 'object',
  properties: { code: { type: 'string' }, ...extra },
});

const agreements: OpenApiDocument = {
  openapi: '3.0.0',
  info: { title: 'agreements', version: '1' },
  tags: [{ name: 'agreements' }],
  paths: {
    '/api/v1/agreements/{id}': {
      get: {
        operationId: 'getOne',
        responses: {
          '404': {
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/health/live': { get: { operationId: 'live' } },
  },
  components: {
    schemas: { Problem: problemOf({}), Region: { type: 'string', pattern: '^\\d{2}$' } },
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
  },
};

const contracts: OpenApiDocument = {
  openapi: '3.0.0',
  info: { title: 'contracts', version: '1' },
  tags: [{ name: 'cpoms' }, { name: 'agreements' }],
  paths: {
    '/api/v1/cpoms': {
      post: {
        operationId: 'getOne',
        requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Region' } } } },
        responses: {
          '400': {
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
    '/api/v1/agreements/{id}': { get: { operationId: 'stolen' } },
  },
  components: {
    schemas: {
      Problem: problemOf({ errors: { type: 'array' } }),
      Region: { pattern: '^\\d{2}$', type: 'string' },
    },
  },
};

const owners: Record<string, string> = { '/api/v1/agreements': 'agreements', '/api/v1/cpoms': 'contracts' };
const input: MergeInput = {
  included: [
    { service: 'agreements', document: agreements },
    { service: 'contracts', document: contracts },
  ],
  omitted: [{ service: 'indicators', reason: 'connect ECONNREFUSED 127.0.0.1:3005' }],
  routes: (service, path) =>
    Object.entries(owners).some(([prefix, owner]) => path.startsWith(prefix) && owner === service),
  version: '0.1.0',
};

/** Follows `keys` down a JSON document. */
function at(value: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined,
    value,
  );
}

describe('mergeOpenApiDocuments', () => {
  const merged = mergeOpenApiDocuments(input);

  it('keeps the paths the gateway routes to the service that documents them, and only those', () => {
    assert.deepEqual(Object.keys(merged.paths ?? {}).sort(), ['/api/v1/agreements/{id}', '/api/v1/cpoms']);
    const get = merged.paths?.['/api/v1/agreements/{id}']?.get as { operationId: string };
    assert.equal(get.operationId, 'getOne');
  });

  it('prefixes a component two services define differently, and rewrites each service’s references', () => {
    const schemas = merged.components?.schemas ?? {};
    assert.ok(schemas['agreements.Problem']);
    assert.ok(schemas['contracts.Problem']);
    assert.equal(schemas.Problem, undefined);
    const problemSchema = ['content', 'application/problem+json', 'schema', '$ref'];
    assert.equal(
      at(merged.paths, '/api/v1/cpoms', 'post', 'responses', '400', ...problemSchema),
      '#/components/schemas/contracts.Problem',
    );
    assert.equal(
      at(merged.paths, '/api/v1/agreements/{id}', 'get', 'responses', '404', ...problemSchema),
      '#/components/schemas/agreements.Problem',
    );
  });

  it('shares a component two services define identically, whatever the key order', () => {
    assert.ok(merged.components?.schemas?.Region);
    assert.equal(
      at(
        merged.paths,
        '/api/v1/cpoms',
        'post',
        'requestBody',
        'content',
        'application/json',
        'schema',
        '$ref',
      ),
      '#/components/schemas/Region',
    );
  });

  it('makes operation ids unique across services', () => {
    const post = merged.paths?.['/api/v1/cpoms']?.post as { operationId: string };
    assert.equal(post.operationId, 'contracts_getOne');
  });

  it('declares bearer authentication and unites the tags', () => {
    assert.deepEqual(merged.security, [{ bearer: [] }]);
    assert.ok(merged.components?.securitySchemes?.bearer);
    assert.deepEqual(
      merged.tags?.map((t) => t.name),
      ['agreements', 'cpoms'],
    );
  });

  it('documents the gateway’s own 429 on every operation, once, and states the licence', () => {
    for (const item of Object.values(merged.paths ?? {})) {
      for (const operation of Object.values(item)) {
        const responses = (operation as { responses: Record<string, { $ref?: string }> }).responses;
        assert.equal(responses['429']?.$ref, '#/components/responses/RateLimited');
      }
    }
    assert.ok(merged.components?.responses?.RateLimited);
    assert.deepEqual(merged.info.license, { name: 'UNLICENSED' });
  });

  it('names in its description a service it had to omit', () => {
    assert.match(merged.info.description ?? '', /Included: agreements, contracts\./);
    assert.match(merged.info.description ?? '', /Omitted .*indicators \(connect ECONNREFUSED/);
  });
});
