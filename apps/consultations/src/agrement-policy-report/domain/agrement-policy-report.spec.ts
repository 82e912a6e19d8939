import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Body } from '../../body/domain/body.types';
import { AgrementPolicyReport } from './agrement-policy-report';
import { AgrementPolicyReportInvalidError, AlreadyPresentedError } from './agrement-policy-report.errors';
import { reportReminders } from './agrement-policy-report-events';

const FIGURES = { granted: 2, conditional: 1, implicit: 0, refused: 1, withdrawn: 0, expiringNextYear: 3 };
const crpst: Body = {
  id: 'b',
  kind: 'CRPST',
  region: '53',
  name: 'CRPST Bretagne',
  organisationId: 'o',
  validFrom: '2022-04-01',
  validUntil: null,
  version: 1,
};

describe('the yearly information on agrément policy (seed 002 I.2)', () => {
  it('is due during the year or the next one (seed 002 I.2, « informés annuellement »)', () => {
    assert.throws(
      () => AgrementPolicyReport.create('r', '53', 2026, '2028-01-15'),
      AgrementPolicyReportInvalidError,
    );
    assert.equal(AgrementPolicyReport.create('r', '53', 2026, '2027-03-31').state.status, 'due');
  });

  it('is presented once, to a college body of the region, never to the ARS (seed 002 I.2)', () => {
    const report = AgrementPolicyReport.create('r', '53', 2026, '2027-03-31');
    assert.throws(
      () => report.present({ ...crpst, kind: 'ARS' }, 'b', '2027-03-01', FIGURES),
      AgrementPolicyReportInvalidError,
    );
    report.present(crpst, 'b', '2027-03-01', FIGURES);
    assert.deepEqual(report.state.figures, FIGURES);
    assert.throws(() => report.present(crpst, 'b', '2027-03-02', FIGURES), AlreadyPresentedError);
  });

  it('reminds the DIRECCTE before the due date (seed 002 I.2)', () => {
    const report = AgrementPolicyReport.create('r', '53', 2026, '2027-03-31');
    const { due } = reportReminders(report, [30, 7, 0], '2027-01-01');
    assert.deepEqual(
      due.map((d) => [d.dueOn, d.event.payload.daysLeft]),
      [
        ['2027-03-01', 30],
        ['2027-03-24', 7],
        ['2027-03-31', 0],
      ],
    );
  });
});
