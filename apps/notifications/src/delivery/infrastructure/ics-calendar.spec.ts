import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allDayCalendar } from './ics-calendar';

describe('iCalendar attachment', () => {
  const ics = allDayCalendar({
    uid: 'cpom-review-k-2028-06-30@tripartite',
    date: '2028-06-30',
    summary: 'Examen annuel du CPOM – AST 35',
    description: 'À tenir avant le 30 juin 2028, avec la CARSAT Bretagne et la DREETS Bretagne.',
    url: 'https://tripartite.example.fr/api/v1/cpoms/k',
    stamp: new Date('2028-05-31T07:00:00Z'),
  });
  const lines = ics.replace(/\r\n[ \t]/g, '').split('\r\n');

  it('is one all-day event on the due date, the end exclusive (RFC 5545 §3.6.1)', () => {
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.ok(lines.includes('DTSTART;VALUE=DATE:20280630'));
    assert.ok(lines.includes('DTEND;VALUE=DATE:20280701'));
    assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 1);
  });

  it('is kept in the Europe/Paris calendar, stamped by the platform’s clock, with a stable UID', () => {
    assert.ok(lines.includes('X-WR-TIMEZONE:Europe/Paris'));
    assert.ok(lines.includes('DTSTAMP:20280531T070000Z'));
    assert.ok(lines.includes('UID:cpom-review-k-2028-06-30@tripartite'));
    assert.ok(lines.includes('METHOD:PUBLISH'));
  });

  it('reminds a week before, at 9:00 (a valid RFC 5545 duration)', () => {
    assert.ok(lines.includes('BEGIN:VALARM'));
    assert.ok(lines.includes('TRIGGER:-P6DT15H'));
  });

  it('carries the French summary and the link', () => {
    assert.ok(lines.includes('SUMMARY:Examen annuel du CPOM – AST 35'));
    assert.ok(lines.some((l) => l.startsWith('DESCRIPTION:À tenir avant le 30 juin 2028')));
    assert.ok(lines.includes('URL:https://tripartite.example.fr/api/v1/cpoms/k'));
  });

  it('refuses a date that is not a calendar date', () => {
    assert.throws(() =>
      allDayCalendar({
        uid: 'x',
        date: '2028-02-30',
        summary: 's',
        description: 'd',
        url: 'u',
        stamp: new Date(0),
      }),
    );
  });
});
