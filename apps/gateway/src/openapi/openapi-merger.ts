/** The parts of an OpenAPI 3 document the merge reads; everything else is carried through as is. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: { url: string; description?: string }[];
  paths?: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  tags?: { name: string; [key: string]: unknown }[];
  security?: Record<string, string[]>[];
  [key: string]: unknown;
}

export interface ServiceDocument {
  service: string;
  document: OpenApiDocument;
}

export interface OmittedService {
  service: string;
  reason: string;
}

export interface MergeInput {
  included: ServiceDocument[];
  omitted: OmittedService[];
  /** Whether the gateway routes `path` to `service`; other paths (health, metrics…) are left out. */
  routes: (service: string, path: string) => boolean;
  version: string;
}

const HTTP_METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);

/**
 * One document for the whole public API, from each service's own. Pure.
 * - paths: those the gateway routes to the service that documents them;
 * - components: merged by name; a name two services define differently is prefixed with each
 *   service's name ("contracts.Problem") and that service's `$ref`s are rewritten, so nothing is lost;
 * - operationIds kept (each service names them for the action, unique in the platform); one that
 *   collides all the same is prefixed with the service's name, so the document stays valid; tags united;
 * - every operation also documents the gateway's own 429 (rate limit);
 * - a service that could not be fetched is omitted and named in the description.
 */
export function mergeOpenApiDocuments(input: MergeInput): OpenApiDocument {
  const renames = componentRenames(input.included);
  const paths: Record<string, Record<string, unknown>> = {};
  const components: Record<string, Record<string, unknown>> = {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    responses: { [RATE_LIMITED]: rateLimitedResponse },
  };
  const tags = new Map<string, { name: string; [key: string]: unknown }>();
  const operationIds = new Set<string>();

  for (const { service, document } of input.included) {
    const rename = renames.get(service) ?? new Map<string, string>();
    const rewritten = rewriteRefs(document, rename) as OpenApiDocument;

    for (const [section, entries] of Object.entries(rewritten.components ?? {})) {
      const target = components[section] ?? {};
      components[section] = target;
      for (const [name, definition] of Object.entries(entries ?? {})) {
        // Security schemes are referred to by name, not by $ref: the first definition stands.
        if (section === 'securitySchemes') {
          target[name] ??= definition;
          continue;
        }
        target[rename.get(refOf(section, name))?.split('/').pop() ?? name] = definition;
      }
    }

    for (const [path, item] of Object.entries(rewritten.paths ?? {})) {
      if (!input.routes(service, path) || paths[path]) continue;
      paths[path] = withGatewayResponses(uniqueOperationIds(item, service, operationIds));
    }

    for (const tag of rewritten.tags ?? []) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  }

  return {
    openapi: input.included[0]?.document.openapi ?? '3.0.0',
    info: {
      title: 'Tripartite API',
      version: input.version,
      description: describe(input),
      license: { name: 'UNLICENSED' },
    },
    servers: [{ url: '/', description: 'this gateway' }],
    security: [{ bearer: [] }],
    tags: [...tags.values()],
    paths,
    components,
    'x-tripartite-services': {
      included: input.included.map((s) => s.service),
      omitted: input.omitted,
    },
  };
}

const RATE_LIMITED = 'RateLimited';

/** The gateway's own answer past a client's rate, with the headers that say when to come back. */
const rateLimitedResponse = {
  description: 'Too many requests from this client (GATEWAY.RATE_LIMITED): retry after `Retry-After` seconds',
  headers: {
    'Retry-After': { description: 'Seconds until the window resets', schema: { type: 'integer' } },
  },
  content: {
    'application/problem+json': {
      schema: {
        type: 'object',
        properties: { code: { type: 'string' }, detail: { type: 'string' } },
        description: 'RFC 9457 problem details',
      },
    },
  },
};

function withGatewayResponses(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const [method, operation] of Object.entries(item)) {
    if (!HTTP_METHODS.has(method) || operation === null || typeof operation !== 'object') continue;
    const responses = (operation as { responses?: Record<string, unknown> }).responses ?? {};
    out[method] = {
      ...operation,
      responses: { ...responses, '429': { $ref: `#/components/responses/${RATE_LIMITED}` } },
    };
  }
  return out;
}

function describe(input: MergeInput): string {
  const lines = [
    'The public API of Tripartite, merged by the gateway from the OpenAPI document of each service.',
    'Every operation requires a bearer token (development: `npm run token -- --role ROLE --region CODE`).',
    '',
    `Included: ${input.included.map((s) => s.service).join(', ') || 'none'}.`,
  ];
  if (input.omitted.length > 0) {
    lines.push(
      `Omitted because unreachable just now (their operations are missing below): ${input.omitted
        .map((s) => `${s.service} (${s.reason})`)
        .join('; ')}.`,
    );
  }
  return lines.join('\n');
}

function refOf(section: string, name: string): string {
  return `#/components/${section}/${name}`;
}

/** For each service, its components whose name another service defines differently: old ref → new ref. */
function componentRenames(documents: ServiceDocument[]): Map<string, Map<string, string>> {
  const definitions = new Map<string, { service: string; canonical: string }[]>();
  for (const { service, document } of documents) {
    for (const [section, entries] of Object.entries(document.components ?? {})) {
      if (section === 'securitySchemes') continue;
      for (const [name, definition] of Object.entries(entries ?? {})) {
        const ref = refOf(section, name);
        const list = definitions.get(ref) ?? [];
        list.push({ service, canonical: canonicalJson(definition) });
        definitions.set(ref, list);
      }
    }
  }
  const renames = new Map<string, Map<string, string>>();
  for (const [ref, list] of definitions) {
    if (new Set(list.map((d) => d.canonical)).size <= 1) continue;
    const slash = ref.lastIndexOf('/');
    for (const { service } of list) {
      const map = renames.get(service) ?? new Map<string, string>();
      map.set(ref, `${ref.slice(0, slash)}/${service}.${ref.slice(slash + 1)}`);
      renames.set(service, map);
    }
  }
  return renames;
}

function rewriteRefs(value: unknown, rename: Map<string, string>): unknown {
  if (rename.size === 0) return value;
  if (Array.isArray(value)) return value.map((v) => rewriteRefs(v, rename));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = key === '$ref' && typeof v === 'string' ? (rename.get(v) ?? v) : rewriteRefs(v, rename);
  }
  return out;
}

function uniqueOperationIds(
  item: Record<string, unknown>,
  service: string,
  seen: Set<string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...item };
  for (const [method, operation] of Object.entries(item)) {
    if (!HTTP_METHODS.has(method) || operation === null || typeof operation !== 'object') continue;
    const id = (operation as { operationId?: unknown }).operationId;
    if (typeof id !== 'string') continue;
    const unique = seen.has(id) ? `${service}_${id}` : id;
    seen.add(unique);
    out[method] = { ...operation, operationId: unique };
  }
  return out;
}

/** JSON with sorted keys, so that two equal definitions compare equal whatever their key order. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const entries = Object.entries(value)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
  return `{${entries.join(',')}}`;
}
