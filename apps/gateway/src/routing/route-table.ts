/**
 * Which service owns which public path. Each service serves its routes under the same `/api/v1/...`
 * path as the gateway, so the gateway only picks the upstream; it never rewrites paths.
 *
 * A pattern matches its own path and everything below it, segment by segment; `:name` stands for any
 * one segment. The order here does not matter: the most specific pattern wins (see RouteMatcher), so
 * `/api/v1/organisations/:id/cpoms` may be sent elsewhere than `/api/v1/organisations`.
 * Add a resource here when a service starts serving it.
 */
export const ROUTE_TABLE: readonly GatewayRoute[] = [
  { pattern: '/api/v1/organisations', service: 'agreements' },
  { pattern: '/api/v1/agreements', service: 'agreements' },
  { pattern: '/api/v1/service-projects', service: 'agreements' },
  { pattern: '/api/v1/admin/clock', service: 'agreements' },

  { pattern: '/api/v1/cpoms', service: 'contracts' },
  { pattern: '/api/v1/amendments', service: 'contracts' },
  { pattern: '/api/v1/annual-reviews', service: 'contracts' },
  { pattern: '/api/v1/regional-diagnoses', service: 'contracts' },
  { pattern: '/api/v1/partnership-protocols', service: 'contracts' },

  { pattern: '/api/v1/consultations', service: 'consultations' },
  { pattern: '/api/v1/bodies', service: 'consultations' },
  { pattern: '/api/v1/consultation-plans', service: 'consultations' },
  { pattern: '/api/v1/agrement-policy-reports', service: 'consultations' },

  { pattern: '/api/v1/notifications', service: 'notifications' },
  { pattern: '/api/v1/notification-templates', service: 'notifications' },

  { pattern: '/api/v1/indicators', service: 'indicators' },
  { pattern: '/api/v1/steering', service: 'indicators' },
  { pattern: '/api/v1/dashboards', service: 'indicators' },
  // A CPOM's indicators and their values are the indicators service's, below the contracts service's CPOM.
  { pattern: '/api/v1/cpoms/:id/indicators', service: 'indicators' },
  { pattern: '/api/v1/admin/indicators/rebuild', service: 'indicators' },

  // Each service's parked messages (admin view), served by the service itself through the platform.
  { pattern: '/api/v1/admin/agreements/parked-messages', service: 'agreements' },
  { pattern: '/api/v1/admin/contracts/parked-messages', service: 'contracts' },
  { pattern: '/api/v1/admin/consultations/parked-messages', service: 'consultations' },
  { pattern: '/api/v1/admin/notifications/parked-messages', service: 'notifications' },
  { pattern: '/api/v1/admin/indicators/parked-messages', service: 'indicators' },
];

export const SERVICES = ['agreements', 'contracts', 'consultations', 'notifications', 'indicators'] as const;

export type ServiceName = (typeof SERVICES)[number];

/** Injection token of the route table in use (the one above, unless a test brings its own). */
export const ROUTES = Symbol('GATEWAY_ROUTES');

export interface GatewayRoute {
  pattern: string;
  service: ServiceName;
}
