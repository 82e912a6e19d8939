/** One leaf part of a MIME message: its headers (lower-case names) and its decoded content. */
export interface MimePart {
  contentType: string;
  headers: Map<string, string>;
  /** The file name of an attachment (Content-Disposition or Content-Type `name`), else null. */
  filename: string | null;
  content: string;
}

/**
 * Every leaf part of a raw message as nodemailer writes it (multipart/mixed around
 * multipart/alternative, base64 or quoted-printable): enough to read an attachment in a test, since the
 * catcher shows only the text and HTML bodies.
 */
export function mimeParts(raw: string): MimePart[] {
  const { headers, body } = splitHeaders(raw);
  return leaves(headers, body);
}

function splitHeaders(entity: string): { headers: Map<string, string>; body: string } {
  const end = entity.indexOf('\r\n\r\n');
  const head = end < 0 ? entity : entity.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : entity.slice(end + 4) };
}

function leaves(headers: Map<string, string>, body: string): MimePart[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  if (/^multipart\//i.test(contentType)) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const inner = splitHeaders(part.replace(/^\r\n/, ''));
        return leaves(inner.headers, inner.body.replace(/\r\n$/, ''));
      });
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const disposition = headers.get('content-disposition') ?? '';
  const filename =
    /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(contentType)?.[1] ?? null;
  return [{ contentType, headers, filename, content: decode(body, encoding) }];
}

function decode(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes: number[] = [];
    const text = body.replace(/=\r\n/g, '');
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
        bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
        i += 2;
      } else bytes.push(...Buffer.from(text[i], 'utf8'));
    }
    return Buffer.from(bytes).toString('utf8');
  }
  return body;
}

/** The properties of an iCalendar text, unfolded (RFC 5545 §3.1), as `NAME;PARAMS:value` lines. */
export function icsLines(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line.length > 0);
}
