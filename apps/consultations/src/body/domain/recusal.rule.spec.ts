import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Member } from './body.types';
import { recusedMembers, sittingMembersOn } from './recusal.rule';

const SERVICE = { id: '0190b4a4-0000-7000-8000-00000000005e', name: 'AST 35' };
const OTHER = '0190b4a4-0000-7000-8000-0000000000aa';

function member(id: string, overrides: Partial<Member> = {}): Member {
  return {
    id,
    bodyId: 'b',
    name: `Membre ${id}`,
    college: 'employers',
    organisationId: OTHER,
    email: `${id}@example.org`,
    mandateFrom: '2024-01-01',
    mandateUntil: null,
    interests: [],
    version: 1,
    ...overrides,
  };
}

describe('recusal (D.4622-44)', () => {
  it('recuses a member whose declaration of interests links them to the service on the session day (D.4622-44)', () => {
    const members = [
      member('m1', {
        interests: [{ organisationId: SERVICE.id, link: 'board_seat', from: '2025-01-01', until: null }],
      }),
      member('m2'),
    ];
    const recused = recusedMembers(members, SERVICE, '2026-03-01');
    assert.deepEqual(
      recused.map((r) => r.memberId),
      ['m1'],
    );
    assert.match(recused[0]?.link ?? '', /conseil d’administration de AST 35/);
  });

  it('does not recuse on a link that ended before the session or starts after it (D.4622-44, dated declarations)', () => {
    const members = [
      member('ended', {
        interests: [
          { organisationId: SERVICE.id, link: 'employment', from: '2020-01-01', until: '2025-12-31' },
        ],
      }),
      member('later', {
        interests: [{ organisationId: SERVICE.id, link: 'mandate', from: '2026-06-01', until: null }],
      }),
    ];
    assert.deepEqual(recusedMembers(members, SERVICE, '2026-03-01'), []);
  });

  it('recuses a member who represents the service itself (D.4622-44)', () => {
    const recused = recusedMembers([member('rep', { organisationId: SERVICE.id })], SERVICE, '2026-03-01');
    assert.equal(recused.length, 1);
  });

  it('only members whose mandate covers the day may sit (règle de la plateforme)', () => {
    const members = [member('in'), member('out', { mandateUntil: '2025-12-31' })];
    assert.deepEqual(
      sittingMembersOn(members, '2026-03-01').map((m) => m.id),
      ['in'],
    );
  });
});
