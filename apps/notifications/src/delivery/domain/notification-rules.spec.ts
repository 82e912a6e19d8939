import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventCatalogue, type PlatformEventType } from '@tripartite/events';
import { eventParties, samplePayloads } from '../../../test/support/sample-events';
import { type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { eventTypesOf, notificationRules, notifiedEventTypes, ruleFor } from './notification-rules';
import type { PartyNames } from './parties.rule';
import { sampleEnvelope } from './sample-events';

const names: PartyNames = {
  service: 'Santé Travail Ouest',
  direccte: 'DREETS Bretagne',
  caisse: 'CARSAT Bretagne',
  consulted: 'ARS Bretagne',
};

describe('notification rule table', () => {
  it('has one row for every event of the catalogue a person should hear of, each with its own template', () => {
    const silent = ['organisation.updated'];
    assert.deepEqual(
      notifiedEventTypes().sort(),
      Object.keys(eventCatalogue)
        .filter((type) => !silent.includes(type))
        .sort(),
    );
    const templates = notifiedEventTypes().map((type) => ruleFor(type)?.template);
    assert.equal(new Set(templates).size, templates.length, 'one template per event type');
    for (const template of templates) assert.ok(template && template in templateCatalogue, `${template}`);
    for (const key of Object.keys(templateCatalogue) as TemplateKey[])
      assert.equal(eventTypesOf(key).length, 1, `${key} is sent by one event type`);
  });

  it('warns the DIRECCTE alone that its silence will grant the agrément (R.4622-52)', () => {
    assert.deepEqual(ruleFor('agreement.decision_due')?.to, ['direccte']);
  });

  it('tells the service of a withdrawal or shortening, whose president informs member companies (D.4622-51)', () => {
    assert.deepEqual(ruleFor('agreement.withdrawn')?.to, [
      'service',
      'direccte',
      'competentCaisse',
      'dgt',
      'drp',
    ]);
    assert.deepEqual(ruleFor('agreement.shortened')?.to, ['service', 'direccte', 'competentCaisse']);
  });

  it('tells agrément and service-project news to the service’s competent Caisse only, the CPOM’s to its Caisse (L.4622-10)', () => {
    for (const type of notifiedEventTypes()) {
      const to: readonly string[] = ruleFor(type)?.to ?? [];
      if (type.startsWith('agreement.') || type.startsWith('service_project.'))
        assert.ok(!to.includes('caisse'), `${type} never reaches the Caisses of a region`);
      else assert.ok(!to.includes('competentCaisse'), type);
    }
    assert.ok(ruleFor('agreement.granted')?.to.includes('competentCaisse'));
    assert.ok(ruleFor('service_project.approved')?.to.includes('competentCaisse'));
  });

  it('tells the DIRECCTE of every step of a Caisse/SSTI partnership protocol, with its two parties (seed 000)', () => {
    const steps = notifiedEventTypes().filter((type) => type.startsWith('partnership_protocol.'));
    assert.deepEqual(steps.sort(), [
      'partnership_protocol.concluded',
      'partnership_protocol.ended',
      'partnership_protocol.negotiation_opened',
      'partnership_protocol.progress_recorded',
    ]);
    for (const type of steps) assert.deepEqual(ruleFor(type)?.to, ['direccte', 'service', 'caisse'], type);
    const concluded = sampleEnvelope(
      'partnership_protocol.concluded',
      samplePayloads(eventParties())['partnership_protocol.concluded'],
    );
    const data = notificationRules['partnership_protocol.concluded']?.data(concluded, names);
    assert.ok(data && 'themes' in data);
    assert.equal(data.themes, 'prévention de la désinsertion professionnelle et visites de pré-reprise');
    assert.equal(
      notificationRules['partnership_protocol.concluded']?.link(concluded),
      `/api/v1/partnership-protocols/${concluded.payload.protocolId}`,
    );
  });

  it('tells national steering (DGT) of an implicit agrément (R.4622-52)', () => {
    assert.ok(ruleFor('agreement.implicitly_granted')?.to.includes('dgt'));
  });

  it('reminds the service and the DIRECCTE of the renewal filing deadline (D.4622-50)', () => {
    assert.deepEqual(ruleFor('agreement.renewal_due')?.to, ['service', 'direccte']);
  });

  it('sends every CPOM event to its three parties (L.4622-10), the signature also to the CRPRP and the ARS', () => {
    for (const type of notifiedEventTypes().filter((t) => t.startsWith('contract.'))) {
      const to = ruleFor(type)?.to ?? [];
      for (const party of ['service', 'caisse', 'direccte'] as const)
        assert.ok(to.includes(party), `${type}`);
    }
    assert.deepEqual(ruleFor('contract.signed')?.to, ['service', 'caisse', 'direccte', 'crprp', 'ars']);
  });

  it('tells only the three parties of a CPOM recorded as existing and of a final evaluation overdue (seed 002 II.4)', () => {
    assert.deepEqual(ruleFor('contract.recorded')?.to, ['service', 'caisse', 'direccte']);
    assert.deepEqual(ruleFor('contract.evaluation_overdue')?.to, ['service', 'caisse', 'direccte']);
  });

  it('sends a consultation’s steps to the body consulted and the three parties, its reminders to the body alone (issue 12)', () => {
    const steps = ['requested', 'session_scheduled', 'opinion_delivered', 'answer_overdue', 'closed'];
    for (const step of steps) {
      assert.deepEqual(
        ruleFor(`consultation.${step}`)?.to,
        ['consulted', 'service', 'caisse', 'direccte'],
        step,
      );
    }
    assert.deepEqual(ruleFor('consultation.answer_due')?.to, ['consulted']);
    assert.deepEqual(ruleFor('consultation.completed')?.to, ['service', 'caisse', 'direccte']);
  });

  it('reminds the DIRECCTE of the yearly information on agrément policy, and tells the CRPRP once presented (seed 002 I.2)', () => {
    assert.deepEqual(ruleFor('consultation.agrement_policy_report_due')?.to, ['direccte']);
    assert.deepEqual(ruleFor('consultation.agrement_policy_report_presented')?.to, ['crprp', 'direccte']);
  });

  it('tells the contacts of a newly registered organisation, linking to its record', () => {
    const registered = sampleEnvelope('organisation.registered', {
      organisationId: '0193a3c4-0000-7000-8000-0000000000aa',
      type: 'SSTI',
      name: 'Santé Travail Ouest',
      regions: ['53', '28'],
      contacts: [],
      caisseKind: null,
      siret: null,
      service: null,
    });
    const rule = notificationRules['organisation.registered'];
    assert.ok(rule);
    assert.equal(rule.template, 'organisation-registered');
    assert.deepEqual(rule.to, ['organisation']);
    assert.equal(rule.link(registered), `/api/v1/organisations/${registered.payload.organisationId}`);
    assert.deepEqual(rule.data(registered, names), {
      organisation: {
        name: 'Santé Travail Ouest',
        regionLabel: 'Régions',
        regionList: 'Bretagne (53) et Normandie (28)',
      },
    });
  });

  it('gives the renewal reminder its dates, parties and how long before the deadline it comes', () => {
    const payload = samplePayloads(eventParties())['agreement.renewal_due'];
    const rule = notificationRules['agreement.renewal_due'];
    assert.ok(rule);
    const event = sampleEnvelope('agreement.renewal_due', payload);
    assert.equal(rule.link(event), `/api/v1/agreements/${payload.agreementId}`);
    assert.deepEqual(rule.data(event, names), {
      agreementId: payload.agreementId,
      service: 'Santé Travail Ouest',
      direccte: 'DREETS Bretagne',
      regionLabel: 'Région',
      regionList: 'Bretagne (53)',
      validUntil: '2027-07-14',
      filingDeadline: '2027-03-15',
      reminder: '6 mois',
    });
  });

  it('links every CPOM event to the contract, every consultation event to the consultation (completion to the CPOM, the yearly information to itself)', () => {
    const payloads = samplePayloads(eventParties());
    for (const [type, payload] of Object.entries(payloads) as [PlatformEventType, never][]) {
      const link = ruleFor(type)?.link(sampleEnvelope(type, payload) as never) ?? '';
      if (type.startsWith('contract.') || type === 'consultation.completed')
        assert.match(link, /^\/api\/v1\/cpoms\/[0-9a-f-]{36}$/);
      else if (type.startsWith('consultation.agrement_policy_report'))
        assert.match(link, /^\/api\/v1\/agrement-policy-reports\/[0-9a-f-]{36}$/);
      else if (type.startsWith('consultation.'))
        assert.match(link, /^\/api\/v1\/consultations\/[0-9a-f-]{36}$/);
      if (type.startsWith('agreement.')) assert.match(link, /^\/api\/v1\/agreements\/[0-9a-f-]{36}$/);
      if (type.startsWith('service_project.'))
        assert.match(link, /^\/api\/v1\/service-projects\/[0-9a-f-]{36}$/);
    }
  });

  it('sends nothing for an event type without a row', () => {
    assert.equal(ruleFor('organisation.updated'), undefined);
    assert.equal(ruleFor('nothing.known'), undefined);
  });
});
