/**
 * CSV as French spreadsheets open it without an import dialog: UTF-8 with a byte-order mark, `;` between
 * fields, CRLF between lines, decimal comma, fields quoted when they hold a separator, a quote or a line break.
 */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
const BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

export function csvOf(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers, ...rows].map((row) => row.map(cellOf).join(';'));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

function cellOf(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  const text =
    typeof cell === 'number'
      ? String(Math.round(cell * 1000) / 1000).replace('.', ',')
      : typeof cell === 'boolean'
        ? cell
          ? 'oui'
          : 'non'
        : neutralised(cell);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab or carriage return first: OWASP "CSV
 * injection") is shown as text, behind an apostrophe. Numbers are written as numbers and never need it.
 */
function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** How people read an indicator's status. */
export const STATUS_LABELS: Readonly<Record<string, string>> = {
  on_track: 'Dans la trajectoire',
  behind: 'En retard',
  no_data: 'Sans donnée',
};
