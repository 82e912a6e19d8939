import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AgreementFact, applyAgreementFact, isInForceOn, lastDayInForce } from './agreement-standing';

const subject = { agreementId: 'a-1', serviceId: 's-1' };
const granted: AgreementFact = { kind: 'granted', validFrom: '2024-01-01', validUntil: '2028-12-31' };

describe('the agrément a CPOM needs, known from agreement.* events (seed 002 I.1)', () => {
  it('is in force from its first to its last day, not the day before nor the day after (seed 002 I.1)', () => {
    const standing = applyAgreementFact(null, subject, granted, 3);
    assert.equal(isInForceOn(standing, '2023-12-31'), false);
    assert.equal(isInForceOn(standing, '2024-01-01'), true);
    assert.equal(isInForceOn(standing, '2028-12-31'), true);
    assert.equal(isInForceOn(standing, '2029-01-01'), false);
  });

  it('stops being in force on the day of its withdrawal and after a shortening (D.4622-51 2°)', () => {
    const withdrawn = applyAgreementFact(
      applyAgreementFact(null, subject, granted, 3),
      subject,
      { kind: 'withdrawn', withdrawnOn: '2025-06-01' },
      6,
    );
    assert.equal(withdrawn.status, 'withdrawn');
    assert.equal(lastDayInForce(withdrawn), '2025-05-31');
    assert.equal(isInForceOn(withdrawn, '2025-06-01'), false);
    const shortened = applyAgreementFact(
      applyAgreementFact(null, subject, granted, 3),
      subject,
      { kind: 'shortened', validUntil: '2026-03-31' },
      6,
    );
    assert.equal(isInForceOn(shortened, '2026-03-31'), true);
    assert.equal(isInForceOn(shortened, '2026-04-01'), false);
  });

  it('is never in force when refused, and counts a recorded expired agrément over its past period', () => {
    const refused = applyAgreementFact(null, subject, { kind: 'refused', atRenewal: true }, 4);
    assert.equal(refused.refusedAtRenewal, true);
    assert.equal(lastDayInForce(refused), null);
    const recorded = applyAgreementFact(
      null,
      subject,
      { kind: 'recorded', status: 'expired', validFrom: '2014-01-01', validUntil: '2018-12-31' },
      1,
    );
    assert.equal(recorded.status, 'expired');
    assert.equal(isInForceOn(recorded, '2016-05-05'), true);
  });

  it('ends the same whatever the order of the facts, and a redelivery changes nothing (règle de la plateforme)', () => {
    const shorten: AgreementFact = { kind: 'shortened', validUntil: '2026-03-31' };
    const inOrder = applyAgreementFact(applyAgreementFact(null, subject, granted, 3), subject, shorten, 6);
    const reversed = applyAgreementFact(applyAgreementFact(null, subject, shorten, 6), subject, granted, 3);
    assert.deepEqual(reversed, inOrder);
    assert.deepEqual(applyAgreementFact(inOrder, subject, shorten, 6), inOrder);
    const expiredAfter = applyAgreementFact(
      inOrder,
      subject,
      { kind: 'expired', validUntil: '2026-03-31', renewedBy: null },
      7,
    );
    assert.equal(expiredAfter.status, 'expired');
    assert.equal(expiredAfter.renewedBy, null);
  });
});
