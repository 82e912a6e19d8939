import fc from 'fast-check';
import { type OpenApiDocumentLike, type Operation, resolve } from './openapi-operations';
import { type IdPool, validShaped } from './valid-shaped';

/** One request the fuzzer sends, with what it expects to be told. */
export interface FuzzRequest {
  label: string;
  method: string;
  /** Path and query, already percent-encoded (hostile segments are written raw on purpose). */
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** A bad token: the answer must be 401, whatever else is wrong. */
  badToken: boolean;
  idempotencyKey?: string;
}

/** Tokens signed before the run: good ones of every role, and every kind of bad one. */
export interface Tokens {
  valid: string[];
  bad: string[];
}

/** Strings and values no schema should let through to the database. */
const HOSTILE_VALUES: unknown[] = [
  '\u0000',
  'Santé\u0000',
  '\ud800',
  'a\udc00b',
  'x'.repeat(100_000),
  '',
  ' ',
  '0000-01-01',
  '10000-01-01',
  '9999-12-31',
  '1899-12-31',
  '2027-02-30',
  "'; DROP TABLE organisations; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  -1,
  0,
  1e308,
  -1e308,
  2 ** 53 + 1,
  3.5,
  true,
  null,
  [],
  {},
  ['\u0000'],
  { $gt: '' },
];

/** Path segments written into the URL as they are. */
const HOSTILE_SEGMENTS = [
  '%00',
  '%ED%A0%80', // a UTF-16 surrogate encoded in UTF-8: not valid UTF-8
  '%E0%A4%A', // broken percent-encoding
  'a'.repeat(5000),
  '..%2F..%2Fadmin',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  '%27%3B%20DROP%20TABLE%20x%3B--',
  '-1',
];

/** Query values besides the hostile path segments: impossible dates, numbers out of any range. */
const HOSTILE_QUERY_VALUES = [
  '%00%00',
  '',
  '0000-01-01',
  '10000-01-01',
  '0000-01-01T00:00:00Z',
  '2027-02-30',
  '99999999999999999999',
  '-1',
  'NaN',
  '1e400',
];

const ENCODINGS = [
  'json',
  'json',
  'json',
  'json',
  'json',
  'json',
  'utf16',
  'text',
  'form',
  'none',
  'malformed',
  'deep',
  'huge',
] as const;
type Encoding = (typeof ENCODINGS)[number];

const IF_MATCH = ['"1"', '"2"', '"0"', 'W/"1"', '*', '"x"', '1', '"99999999999999999999"', '"1", "2"'];

/** Where a mutation lands in a body: a key path, or the whole body. */
type Path = (string | number)[];

function leafPaths(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) leafPaths(item, [...path, index], out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leafPaths(child, [...path, key], out);
  }
  return out;
}

function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(value))
    return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  if (value !== null && typeof value === 'object') {
    return {
      ...(value as object),
      [head]: replaceAt((value as Record<string, unknown>)[head], rest, replacement),
    };
  }
  return value;
}

function removeAt(value: unknown, path: Path): unknown {
  if (path.length === 0) return value;
  if (path.length === 1 && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const { [path[0] as string]: _removed, ...kept } = value as Record<string, unknown>;
    return kept;
  }
  const [head, ...rest] = path as [string | number, ...Path];
  if (value !== null && typeof value === 'object') {
    const parent = value as Record<string, unknown>;
    return Array.isArray(value)
      ? value.map((item, index) => (index === head ? removeAt(item, rest) : item))
      : { ...parent, [head]: removeAt(parent[head], rest) };
  }
  return value;
}

type Mutation =
  | { kind: 'none' }
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'remove'; at: number }
  | { kind: 'unknown-key' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'none' }) },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      at: fc.nat(),
      value: fc.constantFrom(...HOSTILE_VALUES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'unknown-key' }) },
);

function mutate(value: unknown, change: Mutation): unknown {
  if (change.kind === 'none') return value;
  if (change.kind === 'unknown-key') {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? { ...(value as object), fuzzUnknown: 1 }
      : value;
  }
  const paths = leafPaths(value);
  const path = paths[change.at % paths.length] as Path;
  return change.kind === 'replace' ? replaceAt(value, path, change.value) : removeAt(value, path);
}

function encode(value: unknown, encoding: Encoding): { body?: string | Buffer; contentType?: string } {
  const json = JSON.stringify(value ?? null);
  switch (encoding) {
    case 'json':
      return { body: json, contentType: 'application/json' };
    case 'utf16':
      return { body: Buffer.from(json, 'utf16le'), contentType: 'application/json; charset=utf-16' };
    case 'text':
      return { body: json, contentType: 'text/plain' };
    case 'form':
      return { body: 'name=%00&regions=53', contentType: 'application/x-www-form-urlencoded' };
    case 'none':
      return { body: json };
    case 'malformed':
      return { body: `${json.slice(0, -1)},`, contentType: 'application/json' };
    case 'deep':
      return { body: `${'['.repeat(20_000)}${']'.repeat(20_000)}`, contentType: 'application/json' };
    case 'huge':
      return { body: JSON.stringify({ padding: 'x'.repeat(1_200_000) }), contentType: 'application/json' };
  }
}

/** A path parameter: mostly a value the schema allows (an id the API gave out, when it can), sometimes hostile. */
function pathSegment(
  schema: Operation['pathParams'][number]['schema'],
  document: OpenApiDocumentLike,
  pool: IdPool,
): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: validShaped(schema, document, pool).map((v) => encodeURIComponent(String(v))) },
    { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
  );
}

function queryString(
  operation: Operation,
  document: OpenApiDocumentLike,
  pool: IdPool,
): fc.Arbitrary<string> {
  const params = operation.queryParams.map((param) =>
    fc
      .option(
        fc.oneof(
          {
            weight: 4,
            arbitrary: validShaped(param.schema, document, pool).map((v) => encodeURIComponent(stringify(v))),
          },
          { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS, ...HOSTILE_QUERY_VALUES) },
        ),
        { nil: undefined, freq: param.required ? 10 : 2 },
      )
      .map((value) => (value === undefined ? undefined : `${encodeURIComponent(param.name)}=${value}`)),
  );
  const extra = fc.option(
    fc.constantFrom('fuzz=%00', 'page=-1', 'pageSize=100000', 'page=1&page=2', '%00=1'),
    {
      nil: undefined,
      freq: 4,
    },
  );
  return fc.tuple(fc.tuple(...params), extra).map(([values, more]) => {
    const parts = [...values, more].filter((part): part is string => part !== undefined);
    return parts.length > 0 ? `?${parts.join('&')}` : '';
  });
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every request the fuzzer may send to one operation. */
export function fuzzRequests(
  operation: Operation,
  document: OpenApiDocumentLike,
  pool: IdPool,
  tokens: Tokens,
): fc.Arbitrary<FuzzRequest> {
  const bodySchema = operation.body ? resolve(operation.body.schema, document) : undefined;
  return fc
    .record({
      segments: fc.tuple(...operation.pathParams.map((p) => pathSegment(p.schema, document, pool))),
      query: queryString(operation, document, pool),
      body: bodySchema ? validShaped(bodySchema, document, pool) : fc.constant(undefined),
      change: mutation,
      encoding: bodySchema ? fc.constantFrom(...ENCODINGS) : fc.constant<Encoding>('none'),
      token: fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...tokens.valid).map((t) => ({ token: t, bad: false })) },
        { weight: 1, arbitrary: fc.constantFrom(...tokens.bad).map((t) => ({ token: t, bad: true })) },
      ),
      ifMatch: fc.option(fc.constantFrom(...IF_MATCH), { nil: undefined, freq: 2 }),
      idempotencyKey: fc.option(fc.stringMatching(/^[\x21-\x7e]{1,40}$/), { nil: undefined, freq: 3 }),
    })
    .map(({ segments, query, body, change, encoding, token, ifMatch, idempotencyKey }) => {
      let path = operation.path;
      operation.pathParams.forEach((param, index) => {
        path = path.replace(`{${param.name}}`, segments[index] as string);
      });
      const headers: Record<string, string> = {};
      if (token.token) headers.authorization = token.token;
      if (ifMatch) headers['if-match'] = ifMatch;
      if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
      const label = `${operation.method} ${path.slice(0, 120)}${query.slice(0, 120)} [${encoding}, ${change.kind}]`;
      const request: FuzzRequest & { [fc.toStringMethod]: () => string } = {
        // A counterexample is printed by its label, not its (maybe megabyte) body.
        [fc.toStringMethod]: () => label,
        label,
        method: operation.method,
        url: `${path}${query}`,
        headers,
        badToken: token.bad,
        ...(idempotencyKey ? { idempotencyKey } : {}),
      };
      if (bodySchema) {
        const { body: payload, contentType } = encode(mutate(body, change), encoding);
        if (contentType) headers['content-type'] = contentType;
        request.body = payload;
      }
      return request;
    });
}

/**
 * The cases every operation gets, whatever the seed (issue 10's list): NUL and a lone surrogate in
 * each string of a valid body, year 0000 in each date, a UTF-16 body, a 5,000-character id, NUL in the
 * query, and no token at all.
 */
export function fixedCases(
  operation: Operation,
  document: OpenApiDocumentLike,
  pool: IdPool,
  tokens: Tokens,
  seed: number,
): FuzzRequest[] {
  const [sample] = fc.sample(fuzzRequests(operation, document, pool, tokens), { seed, numRuns: 1 });
  const valid = tokens.valid[0] as string;
  const base = (sample as FuzzRequest).url.split('?')[0] as string;
  let path = operation.path;
  for (const param of operation.pathParams)
    path = path.replace(`{${param.name}}`, '00000000-0000-4000-8000-000000000000');
  const json = (label: string, value: unknown, contentType = 'application/json'): FuzzRequest => ({
    label: `${operation.method} ${path} [${label}]`,
    method: operation.method,
    url: path,
    headers: { authorization: valid, 'content-type': contentType },
    body: contentType.includes('utf-16')
      ? Buffer.from(JSON.stringify(value), 'utf16le')
      : JSON.stringify(value),
    badToken: false,
  });
  const cases: FuzzRequest[] = [
    {
      label: `${operation.method} ${base} [no token]`,
      method: operation.method,
      url: base,
      headers: {},
      badToken: true,
    },
  ];
  if (operation.pathParams.length > 0) {
    const long = operation.path.replace(/\{[^}]+\}/g, 'a'.repeat(5000));
    cases.push({
      label: `${operation.method} (5,000-character id)`,
      method: operation.method,
      url: long,
      headers: { authorization: valid },
      badToken: false,
    });
  }
  if (operation.queryParams.length > 0) {
    const name = operation.queryParams[0]?.name as string;
    cases.push({
      label: `${operation.method} ${path}?${name}=%00`,
      method: operation.method,
      url: `${path}?${encodeURIComponent(name)}=%00`,
      headers: { authorization: valid },
      badToken: false,
    });
  }
  if (operation.body) {
    const [body] = fc.sample(validShaped(resolve(operation.body.schema, document), document, pool), {
      seed,
      numRuns: 1,
    });
    cases.push(json('charset=utf-16', body, 'application/json; charset=utf-16'));
    for (const at of leafPaths(body)) {
      const current = at.reduce<unknown>(
        (value, key) => (value as Record<string | number, unknown>)?.[key],
        body,
      );
      if (typeof current !== 'string') continue;
      cases.push(json(`NUL at ${at.join('.')}`, replaceAt(body, at, `${current}\u0000`)));
      cases.push(json(`lone surrogate at ${at.join('.')}`, replaceAt(body, at, `\ud800${current}`)));
      if (/^\d{4}-\d{2}-\d{2}/.test(current))
        cases.push(json(`year 0000 at ${at.join('.')}`, replaceAt(body, at, `0000${current.slice(4)}`)));
    }
  }
  return cases;
}
