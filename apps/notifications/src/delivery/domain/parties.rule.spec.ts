import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { DirectoryView } from '../../directory/domain/directory-view';
import { organisationsOf, organisationsOfAll, partyNamesOf, subjectOf } from './parties.rule';

function org(id: string, type: string, name: string, regions: string[]): DirectoryOrganisation {
  return { id, type, name, regions, contacts: [], version: 1, updatedAt: new Date(0) };
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
