import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventEnvelope, PayloadOf } from '@tripartite/events';
import { notificationRules, ruleFor } from './notification-rules';

const registered: EventEnvelope<PayloadOf<'organisation.registered'>, 'organisation.registered'> = {
  id: '0193a3c4-0000-7000-8000-000000000001',
  type: 'organisation.registered',
  version: 1,
  occurredAt: '2026-03-01T09:00:00.000Z',
  producer: 'agreements',
  aggregateId: '0193a3c4-0000-7000-8000-0000000000aa',
  aggregateVersion: 1,
  region: '53',
  correlationId: 'c-1',
  causationId: null,
  payload: {
    organisationId: '0193a3c4-0000-7000-8000-0000000000aa',
    type: 'SSTI',
    name: 'Santé Travail Ouest',
    regions: ['53', '28'],
    contacts: [],
  },
};

describe('notification rule table', () => {
  it('tells the contacts of a newly registered organisation, linking to its record', () => {
    const rule = notificationRules['organisation.registered'];
    assert.ok(rule);
    assert.equal(rule.template, 'organisation-registered');
    assert.deepEqual(rule.organisations(registered), [registered.payload.organisationId]);
    assert.equal(rule.link(registered), `/api/v1/organisations/${registered.payload.organisationId}`);
    assert.deepEqual(rule.data(registered), {
      organisation: {
        name: 'Santé Travail Ouest',
        regionLabel: 'Régions',
        regionList: 'Bretagne (53) et Normandie (28)',
      },
    });
  });

  it('sends nothing for an event type without a row', () => {
    assert.equal(ruleFor('organisation.updated'), undefined);
    assert.equal(ruleFor('nothing.known'), undefined);
  });
});
