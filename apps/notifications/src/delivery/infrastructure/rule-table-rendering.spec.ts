import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type EventEnvelope, eventCatalogue, type PlatformEventType } from '@tripartite/events';
import { eventParties, samplePayloads } from '../../../test/support/sample-events';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { DirectoryView } from '../../directory/domain/directory-view';
import type { TemplateKey } from '../../templates/template-catalogue';
import { ruleFor } from '../domain/notification-rules';
import { partyNamesOf, resolveParties, subjectOf } from '../domain/parties.rule';
import { TemplateRenderer } from './handlebars-template.renderer';

const parties = eventParties();
const org = (id: string, type: string, name: string): DirectoryOrganisation => ({
  id,
  type,
  name,
  regions: ['53'],
  contacts: [],
  caisseId: null,
  version: 1,
  updatedAt: new Date(0),
});
const directory = new DirectoryView([
  org(parties.serviceId, 'SSTI', 'Santé Travail Ouest'),
  org(parties.direccteId, 'DIRECCTE', 'DREETS Bretagne'),
  org(parties.caisseId, 'CAISSE', 'CARSAT Bretagne'),
  org(parties.consultedOrganisationId, 'ARS', 'ARS Bretagne'),
]);

describe('the rule table with its templates, for every event a person hears of', () => {
  const renderer = new TemplateRenderer();

  for (const [type, payload] of Object.entries(samplePayloads(parties)) as [PlatformEventType, unknown][]) {
    it(`${type}: a valid payload becomes a French message naming the parties, dates in words`, () => {
      assert.ok(eventCatalogue[type].schema.safeParse(payload).success, 'the sample is a valid payload');
      const event = { type, region: '53', payload } as EventEnvelope;
      const rule = ruleFor(type);
      assert.ok(rule);
      const subject = subjectOf(payload, '53');
      const names = partyNamesOf(subject, directory, null);
      const data = rule.data(event as never, names);
      const link = `https://tripartite.example.fr${rule.link(event as never)}`;
      const message = renderer.render(
        rule.template as TemplateKey,
        { ...data, recipient: { name: 'Ana', organisation: 'DREETS Bretagne' }, link } as never,
        new Date('2027-01-15T08:00:00Z'),
      );
      assert.match(message.subject, /^(Rappel|Alerte|Décision|Demande|Accusé de réception|Information) : /);
      assert.ok(!`${message.subject}${message.text}${message.html}`.includes('{{'));
      assert.doesNotMatch(message.text.replace(link, ''), /\d{4}-\d{2}-\d{2}/, 'dates in words');
      assert.ok(message.text.includes(link));
      // The yearly information on agrément policy concerns a region, not a service (seed 002 I.2).
      const aboutAService = !type.startsWith('consultation.agrement_policy_report');
      if (aboutAService) assert.ok(message.text.includes('Santé Travail Ouest'), 'the service is named');
      if (type.startsWith('contract.') || (type.startsWith('consultation.') && aboutAService)) {
        assert.ok(message.text.includes('CARSAT Bretagne') && message.text.includes('DREETS Bretagne'));
      }
      assert.ok(
        resolveParties(rule.to, subject, directory, null).organisations.length > 0,
        'somebody is told',
      );
    });
  }

  it('says in the withdrawal that the president informs every member company (D.4622-51)', () => {
    const payload = samplePayloads(parties)['agreement.withdrawn'];
    const rule = ruleFor('agreement.withdrawn');
    assert.ok(rule);
    const event = { type: 'agreement.withdrawn', region: '53', payload } as never;
    const message = renderer.render(
      rule.template as TemplateKey,
      {
        ...rule.data(event, partyNamesOf(subjectOf(payload, '53'), directory, null)),
        recipient: { name: 'Ana', organisation: 'Santé Travail Ouest' },
        link: 'https://x.example/a',
      } as never,
      new Date(0),
    );
    assert.match(
      message.text,
      /Le président du service doit informer de ce retrait chacune des entreprises adhérentes/,
    );
    assert.match(message.subject, /retiré le 1er octobre 2027$/);
  });
});
