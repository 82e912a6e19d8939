import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type ProtocolOrganisation, protocolPartyProblems } from './protocol-parties.rule';

const carsat: ProtocolOrganisation = { id: 'carsat', type: 'CAISSE', regions: ['53', '52'], caisseId: null };
const dreets: ProtocolOrganisation = { id: 'dreets', type: 'DIRECCTE', regions: ['53'], caisseId: null };
const ssti: ProtocolOrganisation = { id: 'ast35', type: 'SSTI', regions: ['53'], caisseId: 'carsat' };

const fieldsAndRules = (parties: Parameters<typeof protocolPartyProblems>[0]) =>
  protocolPartyProblems(parties).map((p) => [p.field, p.rule]);

describe('the parties of a partnership protocol (seed 000, programmes 2 and 6)', () => {
  it('accepts an SSTI and its competent Caisse, the DIRECCTE of its region being known', () => {
    assert.deepEqual(protocolPartyProblems({ service: ssti, caisse: carsat, direccte: dreets }), []);
  });

  it('accepts the competent Caisse of a service of the second region it covers (a Caisse may cover two regions)', () => {
    const paysDeLaLoire = { ...ssti, id: 'sst44', regions: ['52'] };
    assert.deepEqual(
      protocolPartyProblems({
        service: paysDeLaLoire,
        caisse: carsat,
        direccte: { ...dreets, regions: ['52'] },
      }),
      [],
    );
  });

  it('refuses an autonomous service (SSTA): the protocols are between the Caisse and inter-company services (seed 000)', () => {
    assert.deepEqual(
      fieldsAndRules({ service: { ...ssti, type: 'SSTA' }, caisse: carsat, direccte: dreets }),
      [['serviceId', 'seed 000: a partnership protocol is signed by an inter-company service (SSTI)']],
    );
  });

  it('refuses a Caisse that is not the service’s competent one, and an organisation that is no Caisse (seed 000)', () => {
    const other = { ...carsat, id: 'cgss' };
    assert.deepEqual(fieldsAndRules({ service: ssti, caisse: other, direccte: dreets }), [
      ['caisseId', 'seed 000: the Caisse competent for the service (a Caisse may cover two regions)'],
    ]);
    assert.deepEqual(fieldsAndRules({ service: ssti, caisse: dreets, direccte: dreets }), [
      ['caisseId', 'seed 000: a partnership protocol is signed by the Caisse (CRAM, now CARSAT)'],
    ]);
  });

  it('refuses organisations the directory does not know, and a region without a DIRECCTE to tell (seed 000)', () => {
    assert.deepEqual(
      fieldsAndRules({ service: null, caisse: null, direccte: null }).map(([field]) => field),
      ['serviceId', 'caisseId'],
    );
    assert.deepEqual(fieldsAndRules({ service: ssti, caisse: carsat, direccte: null }), [
      [
        'serviceId',
        'seed 000: the DIRECCTE is "systématiquement informé de la négociation" (it must be known)',
      ],
    ]);
  });
});
