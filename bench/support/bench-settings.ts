import { parseArgs } from 'node:util';
import { WRITE_VARIANTS, type WriteVariant } from './outbox-write.variants';

/** What one bench run does; every setting can be given by a flag or an environment variable. */
export interface BenchSettings extends NumericSettings {
  /** How the platform producer writes (`library` unless measuring a proposed change). */
  writer: WriteVariant;
}

interface NumericSettings {
  /** Rounds of the four phases, raw and platform alternating; the verdict takes the medians. */
  rounds: number;
  /** 1: after the rounds, also measure the consumer alone and a backlog drain (diagnostics). */
  diagnostics: number;
  /** 1: VACUUM the producer's outbox before each phase (experiment on dead index entries; default 0). */
  vacuum: number;
  /** Events of each throughput phase, raw and platform alike. */
  count: number;
  /** Offered rate of the latency phases, in events per second. */
  rate: number;
  /** Length of each latency phase, in seconds. */
  seconds: number;
  /** Events sent (and not measured) before each path's phases, to warm connections and the JIT. */
  warmup: number;
  /** Concurrent write transactions of the platform producer in the throughput phase. */
  writers: number;
  /** Unconfirmed publishes the raw publisher keeps in flight in the throughput phase. */
  rawWindow: number;
  /** The pacer's tick: every tick sends all the events already due (rate × tick / 1000 of them). */
  tickMs: number;
  /** Upper bound of each phase's wait for its last event, in seconds. */
  phaseTimeoutSeconds: number;
  /** Upper bound of the whole run, after which it cleans up and stops, in seconds. */
  maxSeconds: number;
}

const flags = {
  rounds: { env: 'BENCH_ROUNDS', fallback: 3 },
  diagnostics: { env: 'BENCH_DIAGNOSTICS', fallback: 1 },
  vacuum: { env: 'BENCH_VACUUM', fallback: 0 },
  count: { env: 'BENCH_COUNT', fallback: 5000 },
  rate: { env: 'BENCH_RATE', fallback: 500 },
  seconds: { env: 'BENCH_SECONDS', fallback: 10 },
  warmup: { env: 'BENCH_WARMUP', fallback: 500 },
  writers: { env: 'BENCH_WRITERS', fallback: 8 },
  rawWindow: { env: 'BENCH_RAW_WINDOW', fallback: 500 },
  tickMs: { env: 'BENCH_TICK_MS', fallback: 10 },
  phaseTimeoutSeconds: { env: 'BENCH_PHASE_TIMEOUT_S', fallback: 120 },
  maxSeconds: { env: 'BENCH_MAX_S', fallback: 600 },
} satisfies Record<keyof NumericSettings, { env: string; fallback: number }>;

const limits: Record<keyof NumericSettings, [number, number]> = {
  rounds: [1, 10],
  diagnostics: [0, 1],
  vacuum: [0, 1],
  count: [1, 200_000],
  rate: [1, 20_000],
  seconds: [1, 300],
  warmup: [0, 20_000],
  writers: [1, 64],
  rawWindow: [1, 10_000],
  tickMs: [1, 1000],
  phaseTimeoutSeconds: [1, 1800],
  maxSeconds: [10, 3600],
};

/** Reads `--count 5000 --rate 500 …` (flags win) or `BENCH_COUNT=5000 …`; refuses values out of bounds. */
export function readBenchSettings(argv: string[], env: NodeJS.ProcessEnv): BenchSettings {
  const { values } = parseArgs({
    args: argv,
    options: Object.fromEntries(
      [...Object.keys(flags), 'writer'].map((name) => [name, { type: 'string' as const }]),
    ),
    strict: true,
  });
  const writer = ((values.writer as string | undefined) ?? env.BENCH_WRITER ?? 'library') as WriteVariant;
  if (!WRITE_VARIANTS.includes(writer)) {
    throw new Error(`--writer / BENCH_WRITER must be one of ${WRITE_VARIANTS.join(', ')} (got "${writer}")`);
  }
  const settings = { writer } as BenchSettings;
  for (const [name, { env: variable, fallback }] of Object.entries(flags) as [
    keyof NumericSettings,
    { env: string; fallback: number },
  ][]) {
    const raw = (values[name] as string | undefined) ?? env[variable];
    const value = raw === undefined || raw === '' ? fallback : Number(raw);
    const [min, max] = limits[name];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new Error(`--${name} / ${variable} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    settings[name] = value;
  }
  return settings;
}
