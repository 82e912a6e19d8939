import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Body, Member } from '../../body/domain/body.types';
import { allOpinionsIn, Consultation, opinionsToAdopt } from './consultation';
import { ConsultationInvalidError, RecusedMemberSatError, SessionRequiredError } from './consultation.errors';
import { answerDeadlines } from './consultation-events';

const CONTRACT = {
  contractId: '0190b4a4-0000-7000-8000-000000000c01',
  contractVersion: 1,
  serviceId: '0190b4a4-0000-7000-8000-000000000501',
  caisseId: '0190b4a4-0000-7000-8000-000000000ca1',
  direccteId: '0190b4a4-0000-7000-8000-000000000d01',
  regions: ['53'],
};
const body = (kind: Body['kind']): Body => ({
  id: `0190b4a4-0000-7000-8000-0000000b0d${kind === 'ARS' ? '2' : '1'}`,
  kind,
  region: '53',
  name: kind,
  organisationId: '0190b4a4-0000-7000-8000-000000000f01',
  validFrom: '2022-04-01',
  validUntil: null,
  version: 1,
});
const member = (id: string): Member => ({
  id,
  bodyId: 'b',
  name: `Membre ${id}`,
  college: 'employees',
  organisationId: null,
  email: 'm@example.org',
  mandateFrom: '2024-01-01',
  mandateUntil: null,
  interests: [],
  version: 1,
});
const MEMBERS = ['a', 'b', 'c'].map(member);
const TODAY = '2026-04-15';
const RECUSAL = { memberId: 'c', name: 'Membre c', link: 'siège au conseil d’administration de AST 35' };

const open = (kind: Body['kind'] = 'CRPST', step: 'opinion' | 'adoption' = 'opinion') =>
  Consultation.open(
    `id-${kind}-${step}`,
    CONTRACT,
    { planId: 'p', step, body: body(kind) },
    '2026-03-01',
    30,
  );
const opinion = { outcome: 'favourable' as const, deliveredOn: '2026-03-20', text: 'Avis favorable' };

describe('a consultation (L.4622-10, D.4622-44)', () => {
  it('answers within the configured deadline, 30 days by default (domain.md: no legal deadline)', () => {
    assert.equal(open().state.answerDueOn, '2026-03-31');
  });

  it('records an opinion once given: not before the request, not after today (règle de la plateforme)', () => {
    const c = open('ARS');
    assert.throws(
      () => c.deliverOpinion({ ...opinion, deliveredOn: '2026-04-16', sat: [], votes: null }, [], TODAY),
      (error: ConsultationInvalidError) => error.field === 'deliveredOn',
    );
  });

  it('a college body gives its opinion after its session only (D.4622-44)', () => {
    assert.throws(
      () => open().deliverOpinion({ ...opinion, sat: ['a'], votes: null }, MEMBERS, TODAY),
      SessionRequiredError,
    );
  });

  it('refuses an opinion where a recused member sat, naming the member and the link (D.4622-44)', () => {
    const c = open();
    c.scheduleSession('2026-03-15', [RECUSAL]);
    assert.throws(
      () =>
        c.deliverOpinion(
          { ...opinion, sat: ['a', 'c'], votes: { for: 2, against: 0, abstentions: 0 } },
          MEMBERS,
          TODAY,
        ),
      (error: RecusedMemberSatError) => {
        assert.equal(error.field, 'sat[1]');
        assert.match(error.message, /Membre c.*conseil d’administration de AST 35/);
        assert.match(error.rule ?? '', /D.4622-44/);
        return true;
      },
    );
  });

  it('an override with a written justification lets it stand; the recused counts neither for attendance nor votes (D.4622-44)', () => {
    const c = open();
    c.scheduleSession('2026-03-15', [RECUSAL]);
    const sat = ['a', 'b', 'c'];
    assert.throws(
      () =>
        c.deliverOpinion(
          {
            ...opinion,
            sat,
            votes: { for: 3, against: 0, abstentions: 0 },
            recusalOverride: { justification: 'x'.repeat(25) },
          },
          MEMBERS,
          TODAY,
        ),
      ConsultationInvalidError,
    );
    c.deliverOpinion(
      {
        ...opinion,
        sat,
        votes: { for: 2, against: 0, abstentions: 0 },
        recusalOverride: { justification: 'x'.repeat(25) },
      },
      MEMBERS,
      TODAY,
    );
    assert.deepEqual(
      c.state.opinion?.attending.map((a) => a.memberId),
      ['a', 'b'],
    );
    assert.equal(c.state.opinion?.override?.members[0]?.memberId, 'c');
    assert.deepEqual(c.state.opinion?.recused, [RECUSAL]);
  });

  it('judges recusal by the declarations as they stand when the opinion is recorded, on the session day (D.4622-44)', () => {
    const c = open();
    c.scheduleSession('2026-03-15', []);
    assert.throws(
      () =>
        c.deliverOpinion(
          { ...opinion, sat: ['a', 'c'], votes: { for: 1, against: 0, abstentions: 0 } },
          MEMBERS,
          TODAY,
          [RECUSAL],
        ),
      RecusedMemberSatError,
    );
  });

  it('the ARS answers without session, members or votes (seed 002 II.3)', () => {
    const c = open('ARS');
    assert.throws(() =>
      c.deliverOpinion({ ...opinion, sat: [], votes: { for: 1, against: 0, abstentions: 0 } }, [], TODAY),
    );
    c.deliverOpinion({ ...opinion, sat: [], votes: null }, [], TODAY);
    assert.equal(c.state.status, 'delivered');
  });

  it('an adoption waits for the college opinion; completion needs every opinion (domain.md, D.4622-44)', () => {
    const crpst = open();
    const croct = open('CROCT', 'adoption');
    const ars = open('ARS');
    assert.deepEqual(
      opinionsToAdopt(croct, [crpst, croct, ars]).map((c) => c.id),
      [crpst.id],
    );
    ars.deliverOpinion({ ...opinion, sat: [], votes: null }, [], TODAY);
    assert.equal(allOpinionsIn([crpst, croct, ars]), false);
  });

  it('plans reminders 14 and 3 days before and on the day, and the overdue alert the day after (issue 12)', () => {
    const { due, past } = answerDeadlines(open(), [14, 3, 0], '2026-03-01');
    assert.deepEqual(
      due.map((d) => [d.event.type, d.dueOn]),
      [
        ['consultation.answer_due', '2026-03-17'],
        ['consultation.answer_due', '2026-03-28'],
        ['consultation.answer_due', '2026-03-31'],
        ['consultation.answer_overdue', '2026-04-01'],
      ],
    );
    assert.deepEqual(past, [], TODAY);
  });
});
