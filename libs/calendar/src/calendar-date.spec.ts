import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addMonths,
  calendarDateAt,
  dateInFrenchWords,
  daysBetween,
  isCalendarDate,
  lastDayOfMonths,
  lastDayOfYears,
  shiftBy,
  startOfDayInParis,
} from './calendar-date';
import { CalendarRangeError } from './calendar-range';

describe('calendar dates in the Europe/Paris zone', () => {
  it('an agrément starting on 1 March 2013 for five years is valid through 28 February 2018 (issue 4, seed 002 I.1)', () => {
    assert.equal(lastDayOfYears('2013-03-01', 5), '2018-02-28');
  });

  it('a five-year period starting on 29 February ends on 28 February, not the 27th', () => {
    assert.equal(lastDayOfYears('2016-02-29', 5), '2021-02-28');
    assert.equal(lastDayOfYears('2012-03-01', 5), '2017-02-28');
  });

  it('five years from 1 March 2027 run through 29 February 2032, a leap day', () => {
    assert.equal(lastDayOfYears('2027-03-01', 5), '2032-02-29');
    assert.equal(lastDayOfYears('2027-01-15', 5), '2032-01-14');
  });

  it('six months from 31 August run through the last day of February', () => {
    assert.equal(lastDayOfMonths('2026-08-31', 6), '2027-02-28');
  });

  it('two years from 1 March end on the last day of February, leap or not', () => {
    assert.equal(lastDayOfMonths('2023-03-01', 24), '2025-02-28');
    assert.equal(lastDayOfMonths('2022-03-01', 24), '2024-02-29');
  });

  it('months clamp to the end of a shorter month', () => {
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(shiftBy('2027-11-01', 'P6M', -1), '2027-05-01');
    assert.equal(shiftBy('2027-11-01', 'P7D', -1), '2027-10-25');
  });

  it('a day starts at midnight Paris time: 23:00 UTC in winter, 22:00 UTC in summer', () => {
    assert.equal(startOfDayInParis('2027-01-15').toISOString(), '2027-01-14T23:00:00.000Z');
    assert.equal(startOfDayInParis('2027-07-15').toISOString(), '2027-07-14T22:00:00.000Z');
  });

  it('the date of an instant is the Paris date, not the UTC one', () => {
    assert.equal(calendarDateAt(new Date('2027-07-14T22:30:00Z')), '2027-07-15');
  });

  it('names a date in French words', () => {
    assert.equal(dateInFrenchWords('2027-03-15'), '15 mars 2027');
    assert.equal(dateInFrenchWords('2027-08-01'), '1er août 2027');
  });

  it('counts days and refuses what is not a date', () => {
    assert.equal(daysBetween('2027-02-01', '2027-03-01'), 28);
    assert.equal(isCalendarDate('2027-02-30'), false);
    assert.equal(isCalendarDate('2027-02-28'), true);
  });
});

describe('the platform range of dates (1900-01-01..9999-12-31, platform rule)', () => {
  it('refuses to compute a date past 9999-12-31 with a coded domain error (422), not an ISO string with a five-digit year', () => {
    assert.throws(
      () => lastDayOfYears('9998-06-01', 5),
      (error: unknown) => error instanceof CalendarRangeError && error.code === 'CALENDAR.OUT_OF_RANGE',
    );
    assert.equal(lastDayOfYears('9994-12-31', 5), '9999-12-30');
  });

  it('refuses to compute a date before 1900-01-01', () => {
    assert.throws(() => addMonths('1900-02-01', -4), CalendarRangeError);
  });
});
