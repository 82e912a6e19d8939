import type { RuleProblem } from '@tripartite/errors';
import type { ConsultedBodyKind } from '@tripartite/events';
import type { DeclaredInterest } from './body.types';

const PLATFORM_RULE = 'règle de la plateforme';

/**
 * When each kind of body existed (domain.md: the CRPRP's restricted formation 2012–2016, then the GPRO
 * 2017–2022, the CRPST since 2022; the CROCT replaced the CRPRP in 2016; the ARS since 2010). A body's
 * validity starts within its kind's years.
 */
export const KIND_YEARS: Readonly<Record<ConsultedBodyKind, { from: number; until: number | null }>> = {
  CRPRP_RESTRICTED: { from: 2012, until: 2016 },
  GPRO: { from: 2017, until: 2022 },
  CRPST: { from: 2022, until: null },
  CROCT: { from: 2016, until: null },
  ARS: { from: 2010, until: null },
};

/** The directory type of the organisation answering for a body: the ARS for the ARS, else a CRPRP secretariat. */
export function answeringOrganisationType(kind: ConsultedBodyKind): 'ARS' | 'CRPRP' {
  return kind === 'ARS' ? 'ARS' : 'CRPRP';
}

/** The problems of a new body: its validity within its kind's years, and who answers for it. */
export function bodyProblems(
  body: { kind: ConsultedBodyKind; region: string; validFrom: string; validUntil: string | null },
  organisation: { type: string; regions: readonly string[] } | null,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const years = KIND_YEARS[body.kind];
  const startYear = Number(body.validFrom.slice(0, 4));
  if (startYear < years.from || (years.until !== null && startYear > years.until)) {
    problems.push({
      field: 'validFrom',
      rule: `${PLATFORM_RULE} (domain.md: a ${body.kind} existed ${years.from}–${years.until ?? 'today'})`,
      message: `must fall within the years a ${body.kind} existed`,
    });
  }
  if (body.validUntil !== null && body.validUntil < body.validFrom) {
    problems.push({ field: 'validUntil', rule: PLATFORM_RULE, message: 'must not be before validFrom' });
  }
  const expected = answeringOrganisationType(body.kind);
  if (!organisation) {
    problems.push({
      field: 'organisationId',
      rule: 'exists',
      message: 'is not an organisation of the directory',
    });
  } else if (organisation.type !== expected || !organisation.regions.includes(body.region)) {
    problems.push({
      field: 'organisationId',
      rule: `${PLATFORM_RULE}: a ${body.kind} answers through a ${expected} organisation of its region`,
      message: `is a ${organisation.type} of ${organisation.regions.join(', ')}, not a ${expected} of region ${body.region}`,
    });
  }
  return problems;
}

/** The problems of a member's mandate and declaration of interests (dates in order). */
export function memberProblems(member: {
  mandateFrom: string;
  mandateUntil: string | null;
  interests: readonly DeclaredInterest[];
}): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (member.mandateUntil !== null && member.mandateUntil < member.mandateFrom) {
    problems.push({ field: 'mandateUntil', rule: PLATFORM_RULE, message: 'must not be before mandateFrom' });
  }
  member.interests.forEach((interest, index) => {
    if (interest.until !== null && interest.until < interest.from) {
      problems.push({
        field: `interests[${index}].until`,
        rule: PLATFORM_RULE,
        message: 'must not be before from',
      });
    }
  });
  return problems;
}
