import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventCatalogue } from '@tripartite/events';
import { type TemplateKey, templateCatalogue } from '../../templates/template-catalogue';
import { ruleFor } from './notification-rules';
import type { Party } from './parties.rule';
import { previewOf } from './template-preview';

const BASE = 'https://tripartite.example.fr';
const keys = Object.keys(templateCatalogue) as TemplateKey[];
/** Who each party is in the sample story, written out (not computed by the code under test). */
const STORY_ORGANISATION: Record<Party, string> = {
  organisation: 'Santé Travail Bretagne',
  service: 'Santé Travail Bretagne',
  direccte: 'DREETS Bretagne',
  caisse: 'CARSAT Bretagne',
  competentCaisse: 'CARSAT Bretagne',
  crprp: 'CROCT Bretagne',
  ars: 'ARS Bretagne',
  consulted: 'ARS Bretagne',
  dgt: 'Direction générale du travail',
  drp: 'Direction des risques professionnels',
};

/** The dated fields of a preview's data. */
function dates(key: TemplateKey): Record<string, unknown> {
  return previewOf(key, BASE).data as unknown as Record<string, unknown>;
}

describe('template previews say what the rules do', () => {
  for (const key of keys) {
    it(`${key}: greets a contact of the first party its rule row tells, from a valid event that sends it`, () => {
      const preview = previewOf(key, BASE);
      const rule = ruleFor(preview.event.type);
      assert.ok(rule, 'a row of the table sends it');
      assert.equal(rule.template, key);
      assert.ok(eventCatalogue[preview.event.type].schema.safeParse(preview.event.payload).success);
      assert.equal(preview.party, rule.to[0]);
      assert.equal(preview.data.recipient.organisation, STORY_ORGANISATION[preview.party]);
      assert.ok(preview.data.link.startsWith(`${BASE}/api/v1/`), preview.data.link);
    });
  }

  it('addresses the decision warning to the DIRECCTE, the only one its rule tells (R.4622-52)', () => {
    const preview = previewOf('agreement-decision-due', BASE);
    assert.equal(preview.party, 'direccte');
    assert.deepEqual(preview.data.recipient, { name: 'Claire Le Gall', organisation: 'DREETS Bretagne' });
  });

  it('starts an implicit agrément on the day silence grants it, for five years (R.4622-52, D.4622-48)', () => {
    assert.deepEqual(
      {
        decisionDueOn: dates('agreement-implicitly-granted').decisionDueOn,
        validFrom: dates('agreement-implicitly-granted').validFrom,
        validUntil: dates('agreement-implicitly-granted').validUntil,
      },
      { decisionDueOn: '2027-01-10', validFrom: '2027-01-10', validUntil: '2032-01-09' },
    );
  });

  it('expects the decision four months after the application (R.4622-52)', () => {
    const requested = dates('agreement-requested');
    assert.deepEqual([requested.filedOn, requested.decisionDueOn], ['2026-09-10', '2027-01-10']);
    assert.equal(requested.lateRenewal, false, 'filed before the filing deadline of 15 March 2027');
    assert.equal(dates('agreement-decision-due').decisionDueOn, '2027-01-10');
  });

  it('asks for the renewal four months before the term, the day after the last day (D.4622-50)', () => {
    const due = dates('agreement-renewal-due');
    assert.deepEqual([due.validUntil, due.filingDeadline], ['2027-07-14', '2027-03-15']);
    assert.equal(dates('agreement-expired').validUntil, '2027-07-14');
  });

  it('keeps a conditional agrément within two years (D.4622-51 1°)', () => {
    const granted = dates('agreement-granted');
    assert.deepEqual([granted.validFrom, granted.validUntil], ['2027-01-01', '2028-12-31']);
  });

  it('gives a compliance notice six months at most and sanctions only after its deadline (D.4622-51 2°)', () => {
    const issued = dates('compliance-notice-issued');
    assert.deepEqual([issued.noticeOn, issued.deadlineOn], ['2027-03-01', '2027-09-01']);
    assert.ok((dates('compliance-notice-met').metOn as string) <= '2027-09-01');
    assert.ok((dates('agreement-withdrawn').withdrawnOn as string) > '2027-09-01');
    assert.ok((dates('agreement-shortened').decidedOn as string) > '2027-09-01');
  });

  it('dates a CPOM over five years at most and its first review within its first year (D.4622-47, seed 002 II.4)', () => {
    const signed = dates('contract-signed');
    assert.deepEqual([signed.periodStart, signed.periodEnd], ['2027-07-01', '2032-06-30']);
    assert.equal(dates('contract-review-due').dueOn, '2028-06-30');
  });

  it('gives the bodies consulted thirty days to answer (règle de la plateforme)', () => {
    const requested = dates('consultation-opinion-requested');
    assert.deepEqual([requested.requestedOn, requested.answerDueOn], ['2027-02-03', '2027-03-05']);
  });
});
