import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agreement, type GrantCommand } from './agreement';
import { AgreementRuleViolation } from './agreement.errors';
import { agreementEnd, isLateRenewal, renewalFilingDeadline } from './agreement-term.rule';

const service = {
  serviceId: 's-1',
  serviceName: 'AST 35',
  serviceType: 'SSTI' as const,
  regions: ['53'],
  employeesFollowed: 48_000,
  caisseId: null,
};
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

/** The renewal `a-2` of `a-1` (which ends on 2018-02-28), filed on `filedOn`. */
function renewalOfA1(filedOn: string, today: string) {
  return Agreement.file('a-2', {
    service,
    application: 'renewal',
    filedOn,
    previous: { id: 'a-1', validUntil: '2018-02-28' },
    today,
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
    if (field !== undefined) assert.equal(error.field, field);
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
    rejects(
      () => agreement.refuse({ decidedOn: '2013-02-15', reasons: 'incomplet' }, '2013-12-31'),
      'AGREEMENT.OPINION_MISSING',
    );
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
      () => withOpinion().refuse({ decidedOn: '2013-02-15', reasons: '  ' }, '2013-12-31'),
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
    const late = renewalOfA1('2017-12-01', '2017-12-01');
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
      const command = { withdrawnOn: '2014-08-01', grounds: 'no_cpom' as const, text: 'retrait' };
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
      agreement.withdraw({ withdrawnOn: '2014-08-01', grounds: 'no_cpom', text: 'retrait' }, '2014-08-01');
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

  it('a derogation states at least one of the conditions it rests on (seed 002 I.1)', () => {
    const bare = {
      subject: 'visites périodiques',
      periodicityMonths: 36,
      conditions: {
        nurseInterviews: false,
        annualPluridisciplinaryActions: false,
        goodPracticeRecommendations: false,
      },
      text: null,
    };
    rejects(
      () =>
        withOpinion().grant(
          grant({
            derogations: [{ ...bare, conditions: { ...bare.conditions, nurseInterviews: true } }, bare],
          }),
          {
            previousWasConditional: false,
            today: '2013-12-31',
          },
        ),
      'AGREEMENT.DEROGATION_WITHOUT_CONDITION',
      'derogations[1].conditions',
    );
  });

  describe('a renewal decision records the examination of the CPOM and the service project (seed 002 I.1)', () => {
    const renewal = () => {
      const agreement = renewalOfA1('2017-10-01', '2017-12-31');
      agreement.recordInspectorOpinion(
        { verdict: 'favourable', givenOn: '2017-10-15', text: 'RAS' },
        '2017-12-31',
      );
      return agreement;
    };
    const examination = {
      cpom: { exists: true as const, documentId: null, assessment: 'Actions TMS menées, indicateurs tenus.' },
      serviceProject: { exists: false as const, note: null },
    };
    const renewalGrant = grant({ decidedOn: '2017-12-01', validFrom: '2018-03-01' });

    it('is required with a decision on a renewal, granted or refused', () => {
      rejects(
        () => renewal().grant(renewalGrant, { previousWasConditional: false, today: '2017-12-31' }),
        'AGREEMENT.RENEWAL_EXAMINATION_REQUIRED',
        'renewalExamination',
      );
      rejects(
        () => renewal().refuse({ decidedOn: '2017-12-01', reasons: 'insuffisant' }, '2017-12-31'),
        'AGREEMENT.RENEWAL_EXAMINATION_REQUIRED',
        'renewalExamination',
      );
      const agreement = renewal();
      agreement.grant(
        { ...renewalGrant, renewalExamination: examination },
        { previousWasConditional: false, today: '2017-12-31' },
      );
      assert.deepEqual(
        agreement.state.decision?.outcome === 'granted' && agreement.state.decision.renewalExamination,
        examination,
      );
    });

    it('belongs to a renewal only', () => {
      rejects(
        () =>
          withOpinion().grant(grant({ renewalExamination: examination }), {
            previousWasConditional: false,
            today: '2013-12-31',
          }),
        'AGREEMENT.RENEWAL_EXAMINATION_UNEXPECTED',
        'renewalExamination',
      );
    });
  });

  it('an autonomous service (SSTA) is never put on notice for having no CPOM (L.4622-10)', () => {
    const agreement = Agreement.file('a-1', {
      service: { ...service, serviceType: 'SSTA' },
      application: 'first',
      filedOn: '2013-01-10',
      previous: null,
      today: '2013-12-31',
    });
    agreement.recordInspectorOpinion(
      { verdict: 'favourable', givenOn: '2013-02-01', text: 'RAS' },
      '2013-12-31',
    );
    agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' });
    const notice = { id: 'n-1', noticeOn: '2014-01-06', deadlineOn: '2014-07-06', text: 'mise en demeure' };
    rejects(
      () => agreement.issueNotice({ ...notice, grounds: 'no_cpom' }, '2014-01-06'),
      'AGREEMENT.NO_CPOM_GROUND_FOR_SSTA',
      'grounds',
    );
    agreement.issueNotice({ ...notice, grounds: 'staffing_limits' }, '2014-01-06');
    assert.equal(agreement.openNotice()?.grounds, 'staffing_limits');
  });

  it('a withdrawal or shortening rests on the grounds of the lapsed notice it follows (D.4622-51 2°)', () => {
    const agreement = withOpinion();
    agreement.grant(grant(), { previousWasConditional: false, today: '2013-12-31' });
    agreement.issueNotice(
      {
        id: 'n-1',
        grounds: 'staffing_limits',
        noticeOn: '2014-01-06',
        deadlineOn: '2014-07-06',
        text: 'effectifs',
      },
      '2014-01-06',
    );
    agreement.lapseNotice('n-1');
    rejects(
      () =>
        agreement.withdraw({ withdrawnOn: '2014-08-01', grounds: 'no_cpom', text: 'retrait' }, '2014-08-01'),
      'AGREEMENT.GROUNDS_DIFFER_FROM_NOTICE',
      'grounds',
    );
    rejects(
      () => agreement.withdraw({ withdrawnOn: '2014-07-06', text: 'retrait' }, '2014-08-01'),
      'AGREEMENT.DATE_INVALID',
      'withdrawnOn',
    );
    agreement.withdraw({ withdrawnOn: '2014-08-01', text: 'retrait' }, '2014-08-01');
    assert.equal(agreement.state.sanction?.grounds, 'staffing_limits', 'taken from the notice when left out');
  });

  describe('an agrément granted before the region joined, recorded as it stands (ADR 0009)', () => {
    const record = (overrides: Partial<Parameters<typeof Agreement.recordExisting>[1]> = {}) =>
      Agreement.recordExisting('a-9', {
        service,
        outcome: 'granted',
        decidedOn: '2023-02-14',
        validFrom: '2023-03-01',
        limits,
        derogations: [],
        inspectorOpinion: null,
        reference: 'Arrêté 2023-017',
        today: '2026-12-06',
        ...overrides,
      });

    it('is granted with its real dates and no application (five years, D.4622-48)', () => {
      const agreement = record();
      assert.equal(agreement.status, 'granted');
      assert.equal(agreement.state.validUntil, '2028-02-29');
      assert.equal(agreement.state.filedOn, null);
      assert.deepEqual(agreement.state.origin, {
        kind: 'existing',
        reference: 'Arrêté 2023-017',
        recordedOn: '2026-12-06',
      });
      assert.equal(agreement.inForceOn('2026-12-06'), true);
    });

    it('is recorded expired when its end has passed, and bound by the same limits as a decision', () => {
      assert.equal(record({ decidedOn: '2013-02-14', validFrom: '2013-03-01' }).status, 'expired');
      rejects(
        () => record({ outcome: 'conditional', validUntil: '2026-01-01', complianceCommitment: null }),
        'AGREEMENT.COMMITMENT_REQUIRED',
        'complianceCommitment',
      );
      rejects(() => record({ decidedOn: '2027-01-01' }), 'AGREEMENT.DATE_INVALID', 'decidedOn');
    });

    it('cannot be decided again: it was never an application', () => {
      rejects(
        () =>
          record().recordInspectorOpinion(
            { verdict: 'favourable', givenOn: '2026-12-01', text: 'x' },
            '2026-12-06',
          ),
        'AGREEMENT.INVALID_STATE',
        null,
      );
    });
  });
});
