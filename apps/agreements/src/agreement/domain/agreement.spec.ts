import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agreement, type GrantCommand } from './agreement';
import { AgreementRuleViolation } from './agreement.errors';
import { agreementEnd, isLateRenewal, renewalFilingDeadline } from './agreement-term.rule';

const service = { serviceId: 's-1', serviceName: 'AST 35', regions: ['53'], employeesFollowed: 48_000 };
const limits = { maxEmployeesPerDoctor: 3_300, maxEmployeesPerTeam: null, doctorsPerSector: [] };

function filed(filedOn = '2013-01-10', previous: { id: string; validUntil: string } | null = null) {
  return Agreement.file('a-1', {
    service,
    application: previous ? 'renewal' : 'first',
    filedOn,
    previous,
    today: '2013-12-31',
  });
}

function withOpinion(filedOn = '2013-01-10') {
  const agreement = filed(filedOn);
  agreement.recordInspectorOpinion(
    { verdict: 'favourable', givenOn: '2013-02-01', text: 'RAS' },
    '2013-12-31',
  );
  return agreement;
}

const grant = (overrides: Partial<GrantCommand> = {}): GrantCommand => ({
  outcome: 'granted',
  decidedOn: '2013-02-15',
  validFrom: '2013-03-01',
  limits,
  derogations: [],
  ...overrides,
});

function rejects(action: () => unknown, code: string, field?: string | null) {
  assert.throws(action, (error: unknown) => {
    assert.ok(error instanceof AgreementRuleViolation, String(error));
    assert.equal(error.code, code);
    if (field !== undefined) assert.equal(error.extensions.field, field);
    return true;
  });
}

describe('the agrément (seed 002 I.1; Code du travail D.4622-48 to R.4622-52)', () => {
  it('lasts five years: from 1 March 2013 it is valid through 28 February 2018 (D.4622-48)', () => {
    const agreement = withOpinion();
    agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' });
    assert.equal(agreement.state.validUntil, '2018-02-28');
    assert.equal(agreement.inForceOn('2018-02-28'), true);
    assert.equal(agreement.inForceOn('2018-03-01'), false);
    assert.equal(agreementEnd('2013-03-01'), '2018-02-28');
  });

  it('no decision before the médecin inspecteur du travail’s opinion (D.4622-48)', () => {
    const agreement = filed();
    rejects(
      () => agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' }),
      'AGREEMENT.OPINION_MISSING',
    );
    rejects(() => agreement.refuse('2013-02-15', 'incomplet', '2013-12-31'), 'AGREEMENT.OPINION_MISSING');
    assert.equal(agreement.status, 'requested');
    assert.equal(agreement.version, 1);
  });

  it('a conditional agrément lasts at most two years, against a dated commitment (D.4622-51 1°)', () => {
    const conditional = (o: Partial<GrantCommand>) => grant({ outcome: 'conditional', ...o });
    const commitment = { description: 'recruter deux médecins', dueOn: '2014-06-30' };
    rejects(
      () => withOpinion().grant(conditional({}), { previousWasConditional: false, today: '2013-12-31' }),
      'AGREEMENT.COMMITMENT_REQUIRED',
      'complianceCommitment',
    );
    rejects(
      () =>
        withOpinion().grant(conditional({ complianceCommitment: commitment, validUntil: '2015-03-01' }), {
          previousWasConditional: false,
          today: '2013-12-31',
        }),
      'AGREEMENT.DATE_INVALID',
      'validUntil',
    );
    const agreement = withOpinion();
    agreement.grant(conditional({ complianceCommitment: commitment }), {
      previousWasConditional: false,
      today: '2013-12-31',
    });
    assert.equal(agreement.state.validUntil, '2015-02-28');
    assert.equal(agreement.state.conditional, true);
  });

  it('a conditional agrément cannot be followed by another conditional one (D.4622-51 1°)', () => {
    rejects(
      () =>
        withOpinion().grant(
          grant({ outcome: 'conditional', complianceCommitment: { description: 'x', dueOn: '2014-01-01' } }),
          { previousWasConditional: true, today: '2013-12-31' },
        ),
      'AGREEMENT.CONDITIONAL_AFTER_CONDITIONAL',
      'outcome',
    );
  });

  it('a refusal states its reasons', () => {
    rejects(
      () => withOpinion().refuse('2013-02-15', '  ', '2013-12-31'),
      'AGREEMENT.REASONS_REQUIRED',
      'reasons',
    );
  });

  it('silence four months after the application is an implicit agrément for five years (R.4622-52)', () => {
    const agreement = filed('2013-01-10');
    assert.equal(agreement.state.decisionDueOn, '2013-05-10');
    assert.equal(agreement.grantImplicitly(null), true);
    assert.deepEqual(
      [
        agreement.status,
        agreement.state.validFrom,
        agreement.state.validUntil,
        agreement.state.decision?.outcome,
      ],
      ['granted', '2013-05-10', '2018-05-09', 'implicit'],
    );
    assert.equal(agreement.grantImplicitly(null), false, 'a second firing changes nothing');
  });

  it('a renewal is due four months before the end; one filed later is accepted but flagged late (D.4622-50)', () => {
    assert.equal(renewalFilingDeadline('2018-02-28'), '2017-11-01');
    assert.equal(isLateRenewal('2017-11-01', '2018-02-28'), false);
    assert.equal(isLateRenewal('2017-11-02', '2018-02-28'), true);
    const late = Agreement.file('a-2', {
      service,
      application: 'renewal',
      filedOn: '2017-12-01',
      previous: { id: 'a-1', validUntil: '2018-02-28' },
      today: '2017-12-01',
    });
    assert.equal(late.state.lateRenewal, true);
    rejects(
      () =>
        Agreement.file('a-3', {
          service,
          application: 'renewal',
          filedOn: '2017-12-01',
          previous: null,
          today: '2017-12-01',
        }),
      'AGREEMENT.NOTHING_TO_RENEW',
      'application',
    );
  });

  it('a renewal takes over from its start date: the renewed agrément ends the day before', () => {
    const agreement = withOpinion();
    agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' });
    assert.equal(agreement.supersede('a-2', '2018-01-01'), true);
    assert.equal(agreement.state.validUntil, '2017-12-31');
    assert.equal(agreement.state.supersededBy, 'a-2');
  });

  describe('compliance notice, withdrawal and shortening (D.4622-51 2°)', () => {
    const granted = () => {
      const agreement = withOpinion();
      agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' });
      return agreement;
    };
    const notice = {
      id: 'n-1',
      grounds: 'no_cpom' as const,
      noticeOn: '2014-01-06',
      text: 'Aucun CPOM conclu',
    };

    it('a notice gives at most six months to comply', () => {
      rejects(
        () => granted().issueNotice({ ...notice, deadlineOn: '2014-07-07' }, '2014-01-06'),
        'AGREEMENT.DATE_INVALID',
        'deadlineOn',
      );
      const agreement = granted();
      agreement.issueNotice({ ...notice, deadlineOn: '2014-07-06' }, '2014-01-06');
      assert.equal(agreement.openNotice()?.status, 'open');
    });

    it('withdrawal only after a notice has lapsed without compliance', () => {
      const agreement = granted();
      const command = { decidedOn: '2014-08-01', grounds: 'no_cpom' as const, text: 'retrait' };
      rejects(() => agreement.withdraw(command, '2014-08-01'), 'AGREEMENT.NO_LAPSED_NOTICE');
      agreement.issueNotice({ ...notice, deadlineOn: '2014-07-06' }, '2014-01-06');
      rejects(() => agreement.withdraw(command, '2014-08-01'), 'AGREEMENT.NO_LAPSED_NOTICE');
      agreement.meetNotice('n-1', '2014-05-01', '2014-05-01');
      assert.equal(agreement.lapseNotice('n-1'), null, 'a met notice does not lapse');
      rejects(() => agreement.withdraw(command, '2014-08-01'), 'AGREEMENT.NO_LAPSED_NOTICE');
    });

    it('after a lapsed notice the DIRECCTE may withdraw, and the service must inform its member companies', () => {
      const agreement = granted();
      agreement.issueNotice({ ...notice, deadlineOn: '2014-07-06' }, '2014-01-06');
      assert.equal(agreement.lapseNotice('n-1')?.status, 'lapsed');
      agreement.withdraw({ decidedOn: '2014-08-01', grounds: 'no_cpom', text: 'retrait' }, '2014-08-01');
      assert.equal(agreement.status, 'withdrawn');
      assert.equal(agreement.state.validUntil, '2014-07-31');
      assert.deepEqual(agreement.state.memberInformation, {
        dueSince: '2014-08-01',
        doneOn: null,
        text: null,
      });
      agreement.recordMembersInformed('2014-08-20', 'courrier du président', '2014-08-20');
      assert.equal(agreement.state.memberInformation?.doneOn, '2014-08-20');
    });

    it('or shorten it, to a date between the decision and the current end', () => {
      const agreement = granted();
      agreement.issueNotice({ ...notice, deadlineOn: '2014-07-06' }, '2014-01-06');
      agreement.lapseNotice('n-1');
      const command = { decidedOn: '2014-08-01', grounds: 'no_cpom' as const, text: 'réduction' };
      rejects(
        () => agreement.shorten({ ...command, validUntil: '2019-01-01' }, '2014-08-01'),
        'AGREEMENT.DATE_INVALID',
        'validUntil',
      );
      agreement.shorten({ ...command, validUntil: '2015-12-31' }, '2014-08-01');
      assert.equal(agreement.state.validUntil, '2015-12-31');
      assert.equal(agreement.state.sanction?.previousValidUntil, '2018-02-28');
    });
  });

  it('refuses a fact dated in the future', () => {
    rejects(
      () =>
        Agreement.file('a', {
          service,
          application: 'first',
          filedOn: '2014-01-01',
          previous: null,
          today: '2013-12-31',
        }),
      'AGREEMENT.DATE_INVALID',
      'filedOn',
    );
  });
});
