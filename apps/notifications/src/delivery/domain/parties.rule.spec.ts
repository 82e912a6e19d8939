import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { DirectoryView } from '../../directory/domain/directory-view';
import { organisationsOf, partyNamesOf, resolveParties, resolveParty, subjectOf } from './parties.rule';

function org(
  id: string,
  type: string,
  name: string,
  regions: string[],
  caisseId: string | null = null,
): DirectoryOrganisation {
  return { id, type, name, regions, contacts: [], caisseId, version: 1, updatedAt: new Date(0) };
}

const service = org('s', 'SSTI', 'AST 35', ['53']);
const dreetsBretagne = org('d53', 'DIRECCTE', 'DREETS Bretagne', ['53']);
const dreetsNormandie = org('d28', 'DIRECCTE', 'DREETS Normandie', ['28']);
const carsatSudEst = org('c93', 'CAISSE', 'CARSAT Sud-Est', ['93', '94']);
const carsatBretagne = org('c53', 'CAISSE', 'CARSAT Bretagne', ['53']);
const arsBretagne = org('a53', 'ARS', 'ARS Bretagne', ['53']);
const croct = org('r53', 'CRPRP', 'CROCT Bretagne', ['53']);
const dgt = org('dgt', 'DGT', 'Direction générale du travail', ['11']);
const drp = org('drp', 'DRP', 'Direction des risques professionnels', ['11']);
const view = new DirectoryView([
  service,
  dreetsBretagne,
  dreetsNormandie,
  carsatSudEst,
  carsatBretagne,
  arsBretagne,
  croct,
  dgt,
  drp,
]);
const ids = (list: DirectoryOrganisation[]) => list.map((o) => o.id);
const organisationsOfAll = (...args: Parameters<typeof resolveParties>) =>
  resolveParties(...args).organisations;

describe('the parties of an event', () => {
  it('finds the DIRECCTE of the event’s regions when the event names none', () => {
    const subject = subjectOf({ serviceId: 's', regions: ['53', '28'] }, '53');
    assert.deepEqual(ids(organisationsOf('direccte', subject, view, null)), ['d53', 'd28']);
  });

  it('finds a Caisse covering two regions for either of them (CARSAT Sud-Est: PACA and Corse)', () => {
    const subject = subjectOf({ serviceId: 's', regions: ['94'] }, '94');
    assert.deepEqual(ids(organisationsOf('caisse', subject, view, null)), ['c93']);
  });

  it('takes the Caisse and DIRECCTE an event names over the regional ones', () => {
    const subject = subjectOf({ serviceId: 's', caisseId: 'c93', direccteId: 'd28', regions: ['53'] }, '53');
    assert.deepEqual(ids(organisationsOf('caisse', subject, view, null)), ['c93']);
    assert.deepEqual(ids(organisationsOf('direccte', subject, view, null)), ['d28']);
  });

  it('takes the parties of the CPOM from the contract projection when the event names only the service', () => {
    const subject = subjectOf({ contractId: 'k', serviceId: 's', regions: ['53'] }, '53');
    const contract = { contractId: 'k', serviceId: 's', caisseId: 'c93', direccteId: 'd28', regions: ['53'] };
    assert.deepEqual(ids(organisationsOfAll(['service', 'caisse', 'direccte'], subject, view, contract)), [
      's',
      'c93',
      'd28',
    ]);
  });

  it('falls back on the region’s own when the organisation named is not in the directory yet', () => {
    const subject = subjectOf({ serviceId: 's', caisseId: 'unknown', regions: ['53'] }, '53');
    assert.deepEqual(ids(organisationsOf('caisse', subject, view, null)), ['c53']);
  });

  it('finds the CRPRP, the ARS of the regions, and national steering anywhere', () => {
    const subject = subjectOf({ serviceId: 's', regions: ['53'] }, '53');
    assert.deepEqual(ids(organisationsOfAll(['crprp', 'ars', 'dgt', 'drp'], subject, view, null)), [
      'r53',
      'a53',
      'dgt',
      'drp',
    ]);
  });

  it('lists each organisation once, however many parties it stands for', () => {
    const subject = subjectOf({ serviceId: 's', direccteId: 'd53', regions: ['53'] }, '53');
    assert.deepEqual(
      ids(organisationsOfAll(['service', 'direccte', 'direccte', 'service'], subject, view, null)),
      ['s', 'd53'],
    );
  });

  it('names the parties from the event, then the directory, then in generic words', () => {
    const known = partyNamesOf(
      subjectOf({ serviceId: 's', serviceName: 'AST 35 (décision)', regions: ['53'] }, '53'),
      view,
      null,
    );
    assert.deepEqual(known, {
      service: 'AST 35 (décision)',
      direccte: 'DREETS Bretagne',
      caisse: 'CARSAT Bretagne',
      consulted: 'l’instance consultée',
    });
    const unknown = partyNamesOf(
      subjectOf({ serviceId: 'x', regions: ['11'], body: 'ARS', consultedOrganisationId: 'y' }, '11'),
      new DirectoryView([]),
      null,
    );
    assert.deepEqual(unknown, {
      service: 'le service de santé au travail',
      direccte: 'la DIRECCTE',
      caisse: 'la caisse régionale (CARSAT)',
      consulted: 'l’instance consultée',
    });
  });
});

describe('the competent Caisse of a service (agrément and service-project e-mails)', () => {
  // Two Caisses cover PACA (93): CARSAT Sud-Est (which also covers Corse, 94) and a second one.
  const sudEst = org('c-se', 'CAISSE', 'CARSAT Sud-Est', ['93', '94']);
  const second = org('c-2', 'CAISSE', 'Caisse Test PACA', ['93']);
  const ofSecond = org('s-93', 'SSTI', 'Service de Marseille', ['93'], 'c-2');
  const corsican = org('s-94', 'SSTI', 'Service d’Ajaccio', ['94'], 'c-se');
  const unknown = org('s-93-u', 'SSTI', 'Service sans caisse', ['93']);
  const autonomous = org('s-93-a', 'SSTA', 'Service autonome', ['93'], null);
  const paca = new DirectoryView([sudEst, second, ofSecond, corsican, unknown, autonomous]);
  const caisseOf = (payload: Record<string, unknown>) =>
    resolveParty('competentCaisse', subjectOf(payload, null), paca, null);

  it('tells the Caisse the directory records for the service, not the other Caisse of its region (domain brief: chosen per service)', () => {
    assert.deepEqual(ids(caisseOf({ serviceId: 's-93', regions: ['93'] }).organisations), ['c-2']);
  });

  it('tells a Caisse covering two regions of a service in either (CARSAT Sud-Est: PACA and Corse)', () => {
    assert.deepEqual(ids(caisseOf({ serviceId: 's-94', regions: ['94'] }).organisations), ['c-se']);
  });

  it('takes the Caisse the event names over the directory’s', () => {
    assert.deepEqual(ids(caisseOf({ serviceId: 's-93', caisseId: 'c-se', regions: ['93'] }).organisations), [
      'c-se',
    ]);
  });

  it('tells no Caisse when none is known for the service, never every Caisse of the region, and says why', () => {
    const resolved = caisseOf({ serviceId: 's-93-u', caisseId: null, regions: ['93'] });
    assert.deepEqual(resolved.organisations, []);
    assert.match(resolved.nobodyBecause ?? '', /no competent Caisse is known for the service/);
  });

  it('tells no Caisse of an SSTA’s agrément, whether the event or the directory says SSTA (L.4622-10)', () => {
    const byEvent = caisseOf({ serviceId: 's-93', serviceType: 'SSTA', caisseId: 'c-2', regions: ['93'] });
    assert.deepEqual(byEvent.organisations, []);
    assert.match(byEvent.nobodyBecause ?? '', /SSTA.*L\.4622-10/);
    assert.deepEqual(caisseOf({ serviceId: 's-93-a', regions: ['93'] }).organisations, []);
  });

  it('keeps the CPOM’s Caisse as it was: named, from the contract, else the region’s (L.4622-10)', () => {
    const subject = subjectOf({ contractId: 'k', serviceId: 's-93-u', regions: ['93'] }, '93');
    assert.deepEqual(ids(organisationsOf('caisse', subject, paca, null)), ['c-2', 'c-se']);
  });

  it('lists the parties a rule reached nobody of, with the reason', () => {
    const { untold } = resolveParties(
      ['service', 'direccte', 'competentCaisse'],
      subjectOf({ serviceId: 's-93-u', regions: ['93'] }, '93'),
      paca,
      null,
    );
    assert.deepEqual(
      untold.map((u) => u.party),
      ['direccte', 'competentCaisse'],
    );
  });
});
