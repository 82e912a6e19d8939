import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../routing/proxy.plugin';

/**
 * Headers every answer of the gateway carries (@fastify/helmet): `X-Content-Type-Options: nosniff`,
 * `X-Frame-Options: DENY`, HSTS, no referrer, and a Content-Security-Policy written for the one HTML page
 * served, the Swagger UI at /api/docs (its scripts and styles are files of ours; it fetches
 * /api/openapi.json; Swagger UI draws some icons as data: images and sets inline styles). JSON answers
 * execute nothing, so the same policy costs them nothing.
 *
 * API answers (`/api/v1/…`) also get `Cache-Control: no-store`: they hold personal data and a caller's
 * scope, which no browser or proxy cache should keep.
 */
export async function registerSecurityHeaders(fastify: FastifyInstance): Promise<void> {
  await fastify.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The API is read by programs and same-origin pages; these cross-origin isolation headers would only
    // get in the way of a configured CORS origin.
    crossOriginResourcePolicy: false,
    crossOriginEmbedderPolicy: false,
  });
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
}

function isApiPath(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
}
