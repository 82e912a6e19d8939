import { addDays, addMonths, type CalendarDate, lastDayOfMonths, lastDayOfYears } from '@tripartite/calendar';

/** "L'agrément est délivré pour cinq ans" (D.4622-48; seed 002 I.1). */
export const AGREEMENT_YEARS = 5;
/** Conditional agrément: "pour une durée maximale de deux ans non renouvelable" (D.4622-51 1°). */
export const CONDITIONAL_MAX_MONTHS = 24;
/** A renewal application is filed at least four months before the end (D.4622-50). */
export const RENEWAL_FILING_MONTHS = 4;
/** Silence four months after a complete application is an implicit agrément (R.4622-52). */
export const DECISION_MONTHS = 4;
/** A compliance notice gives at most six months to comply (D.4622-51 2°). */
export const NOTICE_MAX_MONTHS = 6;

/** Last day of a five-year agrément: starting 1 March 2013, valid through 28 February 2018. */
export function agreementEnd(validFrom: CalendarDate): CalendarDate {
  return lastDayOfYears(validFrom, AGREEMENT_YEARS);
}

/** Latest last day of a conditional agrément starting on `validFrom`. */
export function conditionalLatestEnd(validFrom: CalendarDate): CalendarDate {
  return lastDayOfMonths(validFrom, CONDITIONAL_MAX_MONTHS);
}

/**
 * Last day to file the renewal application on time: four months before the term, the term being the
 * day after the last day of validity (valid through 28 February 2018 → on time until 1 November 2017).
 */
export function renewalFilingDeadline(validUntil: CalendarDate): CalendarDate {
  return addMonths(addDays(validUntil, 1), -RENEWAL_FILING_MONTHS);
}

/** A renewal filed after the filing deadline is accepted but flagged late (D.4622-50). */
export function isLateRenewal(filedOn: CalendarDate, previousValidUntil: CalendarDate): boolean {
  return filedOn > renewalFilingDeadline(previousValidUntil);
}

/** The day silence becomes an implicit agrément (R.4622-52). */
export function decisionDueOn(completeOn: CalendarDate): CalendarDate {
  return addMonths(completeOn, DECISION_MONTHS);
}

/** The latest deadline a compliance notice may set (D.4622-51 2°). */
export function latestNoticeDeadline(noticeOn: CalendarDate): CalendarDate {
  return addMonths(noticeOn, NOTICE_MAX_MONTHS);
}
