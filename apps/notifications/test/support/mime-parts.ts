export { type MimePart, mimeParts } from '@tripartite/testing';

/** The properties of an iCalendar text, unfolded (RFC 5545 §3.1), as `NAME;PARAMS:value` lines. */
export function icsLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}
