import type { PlatformConfig } from '@tripartite/config';
import { currentContext } from '@tripartite/context';
import pino, { type DestinationStream, type Logger } from 'pino';

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

/**
 * One line per record for people at a terminal: time, level, context, message, then the other fields.
 * (pino-pretty is not a dependency; production keeps pino's JSON.)
 */
export function readableDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(line: string) {
      try {
        const { time, level, msg, context, service, pid, hostname, err, ...rest } = JSON.parse(
          line,
        ) as Record<string, unknown>;
        const when = typeof time === 'string' ? time.slice(11, 23) : '';
        const levelName =
          typeof level === 'number' ? (LEVEL_NAMES[level] ?? level) : String(level).toUpperCase();
        const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
        const stack = (err as { stack?: string } | undefined)?.stack;
        out.write(
          `${when} ${String(levelName).padEnd(5)} ${context ? `[${String(context)}] ` : ''}${String(msg ?? '')}${fields}\n`,
        );
        if (stack) out.write(`${stack}\n`);
      } catch {
        out.write(line);
      }
    },
  };
}

/** The process logger: JSON lines in production (for the log collector), readable lines elsewhere. */
export function createLogger(
  config: Pick<PlatformConfig, 'LOG_LEVEL' | 'NODE_ENV' | 'SERVICE_NAME'>,
  destination?: DestinationStream,
): Logger {
  const options = {
    level: config.LOG_LEVEL,
    base: { service: config.SERVICE_NAME },
    timestamp: pino.stdTimeFunctions.isoTime,
    // "level":"info" rather than 30: what log collectors and people filter on.
    formatters: { level: (label: string) => ({ level: label }) },
    redact: ['req.headers.authorization', 'headers.authorization'],
    // Every line written while serving a request or an event carries its ids, whoever logs it.
    mixin: () => {
      const context = currentContext();
      if (!context) return {};
      return {
        correlationId: context.correlationId,
        ...(context.requestId ? { requestId: context.requestId } : {}),
        ...(context.causationId ? { causationId: context.causationId } : {}),
      };
    },
  };
  if (destination) return pino(options, destination);
  return config.NODE_ENV === 'production' ? pino(options) : pino(options, readableDestination());
}
