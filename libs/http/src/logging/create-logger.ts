import type { PlatformConfig } from '@tripartite/config';
import { currentContext } from '@tripartite/context';
import { activeTraceIds } from '@tripartite/telemetry';
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
        // The span id is for the tracing backend; a person at a terminal follows the trace id.
        const { time, level, msg, context, service, pid, hostname, err, spanId, ...rest } = JSON.parse(
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
    // Every line written while serving a request, an event or a job carries its ids, whoever logs it:
    // the correlation id of the story, and the trace and span ids to open it in the tracing backend.
    mixin: () => {
      const context = currentContext();
      const trace = activeTraceIds();
      return {
        ...(context
          ? {
              correlationId: context.correlationId,
              ...(context.requestId ? { requestId: context.requestId } : {}),
              ...(context.causationId ? { causationId: context.causationId } : {}),
            }
          : {}),
        ...trace,
      };
    },
  };
  if (destination) return pino(options, destination);
  return config.NODE_ENV === 'production' ? pino(options) : pino(options, readableDestination());
}
