import { SMTPServer } from 'smtp-server';

/** An e-mail as the catcher received it: the SMTP envelope, the raw data, and what a reader would see. */
export interface CaughtMessage {
  /** RCPT TO addresses of the session. */
  to: string[];
  from: string;
  raw: string;
  headers: Map<string, string>;
  /** The Subject header, RFC 2047 encoded words decoded. */
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

/** An SMTP reply the catcher gives instead of accepting a recipient. */
export interface Refusal {
  code: number;
  message: string;
}

export interface SmtpCatcherOptions {
  /** Decides, per recipient and per try (1, 2…), whether to refuse it; accept when it answers nothing. */
  refuse?: (address: string, tryNumber: number) => Refusal | undefined;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package) that keeps what it receives: no TLS, no
 * authentication required. It can refuse recipients with the reply a test chooses (451, 550…).
 */
export class SmtpCatcher {
  readonly messages: CaughtMessage[] = [];
  /** RCPT TO commands received, per address: how many times each recipient was tried. */
  readonly tries = new Map<string, number>();
  private server: SMTPServer | undefined;
  port = 0;

  constructor(private readonly options: SmtpCatcherOptions = {}) {}

  /** Listens on 127.0.0.1:`port` (0: any free port); answers the port. */
  async start(port = 0): Promise<number> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      closeTimeout: 200,
      onRcptTo: (address, _session, callback) => {
        const email = address.address.toLowerCase();
        const tryNumber = (this.tries.get(email) ?? 0) + 1;
        this.tries.set(email, tryNumber);
        const refusal = this.options.refuse?.(email, tryNumber);
        if (!refusal) return callback();
        const error = new Error(refusal.message) as Error & { responseCode: number };
        error.responseCode = refusal.code;
        callback(error);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push(
            parseMessage(
              raw,
              session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            ),
          );
          callback(null, `Queued as C${this.messages.length}`);
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const address = server.server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return this.port;
  }

  /** Messages received by one recipient. */
  to(email: string): CaughtMessage[] {
    return this.messages.filter((m) => m.to.includes(email.toLowerCase()));
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// --- A small MIME reader, enough for what nodemailer writes (mailparser is not installed). ---

function parseMessage(raw: string, to: string[], from: string): CaughtMessage {
  const { headers, body } = splitHeaders(raw);
  const parts = leafParts(headers, body);
  return {
    to,
    from,
    raw,
    headers,
    subject: decodeEncodedWords(headers.get('subject') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: bodyOf(parts.find((p) => p.type === 'text/plain')),
    html: bodyOf(parts.find((p) => p.type === 'text/html')),
  };
}

/** A text body as a person reads it: quoted-printable lines joined with plain newlines. */
function bodyOf(part: MimePart | undefined): string {
  if (!part) return '';
  return part.encoding === 'quoted-printable' ? part.content.replace(/\r\n/g, '\n') : part.content;
}

function splitHeaders(entity: string): { headers: Map<string, string>; body: string } {
  const end = entity.indexOf('\r\n\r\n');
  const head = end < 0 ? entity : entity.slice(0, end);
  const body = end < 0 ? '' : entity.slice(end + 4);
  const headers = new Map<string, string>();
  // Folded lines (starting with white space) continue the header above them.
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** One leaf part of a MIME message: its headers (lower-case names) and its decoded content. */
export interface MimePart {
  contentType: string;
  /** The media type alone, lower case (`text/plain`). */
  type: string;
  headers: Map<string, string>;
  /** The file name of an attachment (Content-Disposition or Content-Type `name`), else null. */
  filename: string | null;
  encoding: string;
  /** Decoded; line ends as written. */
  content: string;
}

/** Every leaf part of a raw message as nodemailer writes it (multipart/mixed around multipart/alternative). */
export function mimeParts(raw: string): MimePart[] {
  const { headers, body } = splitHeaders(raw);
  return leafParts(headers, body);
}

function leafParts(headers: Map<string, string>, body: string): MimePart[] {
  const contentType = headers.get('content-type') ?? 'text/plain';
  const type = contentType.split(';')[0].trim().toLowerCase();
  if (type.startsWith('multipart/')) {
    const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
    if (!boundary) return [];
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .flatMap((part) => {
        const inner = splitHeaders(part.replace(/^\r\n/, ''));
        return leafParts(inner.headers, inner.body.replace(/\r\n$/, ''));
      });
  }
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const disposition = headers.get('content-disposition') ?? '';
  const filename =
    /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(contentType)?.[1] ?? null;
  return [{ contentType, type, headers, filename, encoding, content: decodeBody(body, encoding) }];
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return hexEscapesToUtf8(body.replace(/=\r\n/g, ''));
  return body;
}

/** Turns `=XX` escapes into bytes and reads the whole as UTF-8 (quoted-printable and RFC 2047 "Q"). */
function hexEscapesToUtf8(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047: `=?UTF-8?Q?...?=` and `=?UTF-8?B?...?=`; white space between two encoded words is dropped. */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return value
    .replace(/(=\?[^?]+\?[QqBb]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(word, (_match, _charset: string, encoding: string, encoded: string) => {
      if (encoding.toUpperCase() === 'B') return Buffer.from(encoded, 'base64').toString('utf8');
      return hexEscapesToUtf8(encoded.replace(/_/g, ' '));
    });
}
