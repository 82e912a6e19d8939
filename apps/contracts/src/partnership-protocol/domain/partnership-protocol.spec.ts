import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '@tripartite/errors';
import { PartnershipProtocol } from './partnership-protocol';
import { PartnershipProtocolInvalidError } from './partnership-protocol.errors';
import { protocolEventOf } from './partnership-protocol-events';

const PARTIES = {
  serviceId: '0194b7a0-0000-7000-8000-000000000001',
  caisseId: '0194b7a0-0000-7000-8000-000000000002',
  direccteId: '0194b7a0-0000-7000-8000-000000000003',
  regions: ['53'],
};

function opened(openedOn = '2026-01-10') {
  return PartnershipProtocol.open(
    '0194b7a0-0000-7000-8000-0000000000aa',
    PARTIES,
    {
      title: 'Maintien en emploi',
      themes: ['desinsertion_professionnelle', 'visites_pre_reprise'],
      openedOn,
    },
    '2026-06-01',
  );
}

function concluded() {
  const protocol = opened();
  protocol.conclude(
    { concludedOn: '2026-03-01', startsOn: '2026-03-01', endsOn: '2028-12-31' },
    '2026-06-01',
  );
  return protocol;
}

function problemsOf(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof PartnershipProtocolInvalidError, String(error));
    return error.errors.map((e) => `${e.field}: ${e.rule}`);
  }
  assert.fail('no refusal');
}

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return error.code;
  }
  assert.fail('no refusal');
}

describe('a Caisse/SSTI partnership protocol (seed 000, programmes 2 and 6)', () => {
  it('goes negotiation → concluded → progress points → ended, one version per step', () => {
    const protocol = opened();
    assert.equal(protocol.status, 'NEGOTIATION');
    protocol.conclude({ concludedOn: '2026-03-01', startsOn: '2026-04-01', endsOn: null }, '2026-06-01');
    assert.equal(protocol.status, 'CONCLUDED');
    const point = protocol.recordProgress({ recordedOn: '2026-05-15', summary: 'Dix visites' }, '2026-06-01');
    assert.equal(point.number, 1);
    protocol.end({ endedOn: '2026-06-01', reason: 'Dénonciation' }, '2026-06-01');
    assert.equal(protocol.status, 'ENDED');
    assert.equal(protocol.version, 4);
    assert.equal(protocol.snapshot().progressPoints.length, 1);
  });

  it('tells the DIRECCTE of every step: each event names it, with the themes (seed 000: "systématiquement informé")', () => {
    const protocol = concluded();
    const point = protocol.recordProgress({ recordedOn: '2026-04-01', summary: 'Point' }, '2026-06-01');
    for (const event of [
      protocolEventOf(protocol, 'open'),
      protocolEventOf(protocol, 'conclude'),
      protocolEventOf(protocol, 'record_progress', point),
    ]) {
      const payload = event.payload as { direccteId: string; themes: string[] };
      assert.equal(payload.direccteId, PARTIES.direccteId, event.type);
      assert.deepEqual(payload.themes, ['desinsertion_professionnelle', 'visites_pre_reprise']);
    }
    assert.equal(protocolEventOf(protocol, 'conclude').type, 'partnership_protocol.concluded');
  });

  it('refuses dates out of order, each naming its field (règle de la plateforme)', () => {
    assert.deepEqual(
      problemsOf(() => opened('2026-06-02')),
      ['openedOn: not-in-future (règle de la plateforme)'],
    );
    const protocol = opened();
    assert.deepEqual(
      problemsOf(() =>
        protocol.conclude(
          { concludedOn: '2026-01-09', startsOn: '2026-01-08', endsOn: '2026-01-08' },
          '2026-06-01',
        ),
      ),
      [
        'concludedOn: chronological-order (règle de la plateforme)',
        'startsOn: chronological-order (règle de la plateforme)',
        'endsOn: after-start (règle de la plateforme)',
      ],
    );
    assert.equal(protocol.status, 'NEGOTIATION', 'nothing changed');
    assert.equal(protocol.version, 1);
    const running = concluded();
    assert.deepEqual(
      problemsOf(() =>
        running.recordProgress({ recordedOn: '2026-02-28', summary: 'Trop tôt' }, '2026-06-01'),
      ),
      ['recordedOn: chronological-order (règle de la plateforme)'],
    );
    assert.deepEqual(
      problemsOf(() => running.end({ endedOn: '2026-02-01', reason: 'x' }, '2026-06-01')),
      ['endedOn: chronological-order (règle de la plateforme)'],
    );
  });

  it('refuses a theme named twice', () => {
    assert.deepEqual(
      problemsOf(() =>
        PartnershipProtocol.open(
          'id',
          PARTIES,
          { title: 'T', themes: ['etudes_communes', 'etudes_communes'], openedOn: '2026-01-01' },
          '2026-06-01',
        ),
      ),
      ['themes[1]: named-once (règle de la plateforme)'],
    );
  });

  it('takes each step only from where it follows: conclude once, progress once concluded, nothing once ended', () => {
    assert.equal(
      codeOf(() => opened().recordProgress({ recordedOn: '2026-02-01', summary: 'x' }, '2026-06-01')),
      'PARTNERSHIP_PROTOCOL.NOT_CONCLUDED',
    );
    assert.equal(
      codeOf(() =>
        concluded().conclude(
          { concludedOn: '2026-03-01', startsOn: '2026-03-01', endsOn: null },
          '2026-06-01',
        ),
      ),
      'PARTNERSHIP_PROTOCOL.NOT_IN_NEGOTIATION',
    );
    const abandoned = opened();
    abandoned.end({ endedOn: '2026-02-01', reason: 'Négociation abandonnée' }, '2026-06-01');
    assert.equal(
      codeOf(() => abandoned.end({ endedOn: '2026-02-02', reason: 'x' }, '2026-06-01')),
      'PARTNERSHIP_PROTOCOL.ENDED',
    );
  });
});
