import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RouteMatcher } from './route-matcher';
import { ROUTE_TABLE } from './route-table';

describe('RouteMatcher', () => {
  const matcher = new RouteMatcher(ROUTE_TABLE);

  it('sends each known resource, and what lies below it, to its owning service', () => {
    assert.equal(matcher.match('/api/v1/organisations')?.service, 'agreements');
    assert.equal(matcher.match('/api/v1/cpoms/0193/history')?.service, 'contracts');
    assert.equal(matcher.match('/api/v1/annual-reviews?year=2025')?.service, 'contracts');
    assert.equal(matcher.match('/api/v1/regional-diagnoses/0193/versions/2')?.service, 'contracts');
    assert.equal(matcher.match('/api/v1/partnership-protocols?region=53')?.service, 'contracts');
    assert.equal(matcher.match('/api/v1/consultations/42/answers')?.service, 'consultations');
    // Issue 12: the consultations service's other resources.
    assert.equal(matcher.match('/api/v1/bodies/42/members')?.service, 'consultations');
    assert.equal(matcher.match('/api/v1/consultation-plans')?.service, 'consultations');
    assert.equal(matcher.match('/api/v1/agrement-policy-reports/42/figures.csv')?.service, 'consultations');
    assert.equal(matcher.match('/api/v1/notification-templates')?.service, 'notifications');
    assert.equal(matcher.match('/api/v1/steering/regions/11')?.service, 'indicators');
    assert.equal(matcher.match('/api/v1/admin/clock/advance')?.service, 'agreements');
  });

  it('sends a CPOM’s indicators and the dashboards to the indicators service, the CPOM itself to contracts (issue 13)', () => {
    const cpom = '/api/v1/cpoms/0193a1b2-0000-7000-8000-000000000001';
    assert.equal(matcher.match(cpom)?.service, 'contracts');
    assert.equal(matcher.match(`${cpom}/history`)?.service, 'contracts');
    assert.equal(matcher.match(`${cpom}/indicators`)?.service, 'indicators');
    assert.equal(matcher.match(`${cpom}/indicators?format=csv`)?.service, 'indicators');
    assert.equal(matcher.match(`${cpom}/indicators/i-1/measurements/2027-H1`)?.service, 'indicators');
    assert.equal(matcher.match('/api/v1/dashboards/regions/53/history')?.service, 'indicators');
    assert.equal(matcher.match('/api/v1/dashboards/national')?.service, 'indicators');
    assert.equal(matcher.match('/api/v1/admin/indicators/rebuild')?.service, 'indicators');
  });

  it('matches whole segments only', () => {
    assert.equal(matcher.match('/api/v1/cpomsx'), undefined);
    assert.equal(matcher.match('/api/v1/admin'), undefined);
    assert.equal(matcher.match('/api/v1/unknown'), undefined);
  });

  it('prefers the most specific pattern whatever the order of the table', () => {
    const table = [
      { pattern: '/api/v1/organisations', service: 'agreements' as const },
      { pattern: '/api/v1/organisations/:id/cpoms', service: 'contracts' as const },
      { pattern: '/api/v1/organisations/mine/cpoms', service: 'indicators' as const },
    ];
    for (const routes of [table, [...table].reverse()]) {
      const m = new RouteMatcher(routes);
      assert.equal(m.match('/api/v1/organisations/o-1')?.service, 'agreements');
      assert.equal(m.match('/api/v1/organisations/o-1/cpoms/c-9')?.service, 'contracts');
      assert.equal(m.match('/api/v1/organisations/mine/cpoms')?.service, 'indicators');
    }
  });
});
