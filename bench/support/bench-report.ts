import { type CpuUse, cpuMsPerEvent } from './cpu-meter';
import type { LatencySummary } from './latency-stats';
import type { LatencyResult, ThroughputResult } from './platform-path';

export const THROUGHPUT_TARGET = 0.5;
export const P99_TARGET = 2.0;

/** One round: the four phases, measured one after the other, raw and platform alternating. */
export interface RoundFigures {
  rawThroughput: ThroughputResult;
  platformThroughput: ThroughputResult;
  rawLatency: LatencyResult;
  platformLatency: LatencyResult;
}

export interface Diagnostics {
  consumerAlone: ThroughputResult;
  backlog: ThroughputResult;
  /** The relay's read of pending rows at the end of the run, over everything the run sent. */
  pendingRead?: PendingReadCost;
}

/** What the relay's SELECT of pending rows costs once many rows have been marked sent. */
export interface PendingReadCost {
  sentRows: number;
  executionMs: number;
  sharedBuffers: number;
}

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : 'n/a');
const perSecond = (value: number) =>
  Number.isFinite(value) ? Math.round(value).toLocaleString('en') : 'n/a';
const ratio = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');
/** Machine CPU % / this process's CPU % (of the whole machine) / machine CPU ms per event. */
const cpu = (result: { cpu?: CpuUse }, events: number) =>
  result.cpu
    ? `${result.cpu.machine.toFixed(0)}% / ${result.cpu.thisProcess.toFixed(0)}% / ${cpuMsPerEvent(result.cpu, events).toFixed(2)}`
    : 'n/a';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function delivered(result: { arrived: number; failures: number; duplicates: number }, of: number): string {
  const parts = [`${result.arrived}/${of}`];
  if (result.failures > 0) parts.push(`${result.failures} failed`);
  if (result.duplicates > 0) parts.push(`${result.duplicates} dup`);
  return parts.join(', ');
}

const complete = (round: RoundFigures) =>
  round.rawThroughput.arrived === round.rawThroughput.count &&
  round.platformThroughput.arrived === round.platformThroughput.count &&
  round.rawLatency.arrived === round.rawLatency.offered &&
  round.platformLatency.arrived === round.platformLatency.offered;

const throughputRatio = (round: RoundFigures) =>
  round.platformThroughput.perSecond / round.rawThroughput.perSecond;
const p99Ratio = (round: RoundFigures) => round.platformLatency.latency.p99 / round.rawLatency.latency.p99;

function latencyRow(label: string, summary: LatencySummary, extra: string[] = ['', '', '']): string[] {
  return [label, ...extra, ms(summary.p50), ms(summary.p90), ms(summary.p99), ms(summary.max)];
}

/** The run's tables (markdown, to paste into bench/README.md) and the verdict on each target. */
export function renderReport(rounds: RoundFigures[], diagnostics: Diagnostics | undefined): string {
  const out: string[] = [];
  out.push('## Summary per round (throughput in events/s, latency in ms at the fixed rate)');
  const summaryRows = rounds.map((round, i) => [
    String(i + 1),
    perSecond(round.rawThroughput.perSecond),
    perSecond(round.platformThroughput.perSecond),
    ratio(throughputRatio(round)),
    ms(round.rawLatency.latency.p50),
    ms(round.rawLatency.latency.p99),
    ms(round.platformLatency.latency.p50),
    ms(round.platformLatency.latency.p99),
    ratio(p99Ratio(round)),
    complete(round) ? 'yes' : 'NO',
  ]);
  const pick = (f: (round: RoundFigures) => number) => median(rounds.map(f));
  summaryRows.push([
    'median',
    perSecond(pick((r) => r.rawThroughput.perSecond)),
    perSecond(pick((r) => r.platformThroughput.perSecond)),
    ratio(pick(throughputRatio)),
    ms(pick((r) => r.rawLatency.latency.p50)),
    ms(pick((r) => r.rawLatency.latency.p99)),
    ms(pick((r) => r.platformLatency.latency.p50)),
    ms(pick((r) => r.platformLatency.latency.p99)),
    ratio(pick(p99Ratio)),
    rounds.every(complete) ? 'yes' : 'NO',
  ]);
  out.push(
    table(
      [
        'round',
        'raw ev/s',
        'platform ev/s',
        'ratio',
        'raw p50',
        'raw p99',
        'platform p50',
        'platform p99',
        'p99 ratio',
        'all delivered',
      ],
      summaryRows,
    ),
  );

  rounds.forEach((round, i) => {
    out.push('', `## Round ${i + 1} in detail`);
    out.push(
      table(
        ['throughput', 'delivered', 'seconds', 'events/s', 'CPU: machine / bench process / ms per event'],
        [
          [
            'raw: first publish → last receipt',
            delivered(round.rawThroughput, round.rawThroughput.count),
            round.rawThroughput.seconds.toFixed(2),
            perSecond(round.rawThroughput.perSecond),
            cpu(round.rawThroughput, round.rawThroughput.count),
          ],
          [
            'platform: first write start → last effect commit',
            delivered(round.platformThroughput, round.platformThroughput.count),
            round.platformThroughput.seconds.toFixed(2),
            perSecond(round.platformThroughput.perSecond),
            cpu(round.platformThroughput, round.platformThroughput.count),
          ],
          [
            '  of which the writes alone (all outbox rows committed)',
            '',
            round.platformThroughput.writeSeconds?.toFixed(2) ?? 'n/a',
            perSecond(round.platformThroughput.count / (round.platformThroughput.writeSeconds ?? NaN)),
            '',
          ],
        ],
      ),
    );
    const offered = (result: LatencyResult) => [
      `${result.offered} in ${result.offerSeconds.toFixed(1)} s`,
      delivered(result, result.offered),
      cpu(result, result.offered),
    ];
    const rows = [
      latencyRow('raw: publish start → receipt', round.rawLatency.latency, offered(round.rawLatency)),
      latencyRow(
        'platform: write commit → effect commit',
        round.platformLatency.latency,
        offered(round.platformLatency),
      ),
    ];
    if (round.platformLatency.fromWriteStart) {
      rows.push(latencyRow('platform: write start → effect commit', round.platformLatency.fromWriteStart));
    }
    for (const [stage, summary] of Object.entries(round.platformLatency.stages ?? {})) {
      rows.push(latencyRow(`  stage: ${stage}`, summary));
    }
    out.push(
      '',
      table(
        [
          'latency (ms)',
          'offered',
          'delivered',
          'CPU: machine / process / ms per event',
          'p50',
          'p90',
          'p99',
          'max',
        ],
        rows,
      ),
    );
  });

  if (diagnostics) {
    out.push('', '## Diagnostics (where the platform throughput is bounded)');
    const row = (label: string, result: ThroughputResult) => [
      label,
      delivered(result, result.count),
      result.seconds.toFixed(2),
      perSecond(result.perSecond),
      cpu(result, result.count),
    ];
    out.push(
      table(
        ['diagnostic', 'delivered', 'seconds', 'events/s', 'CPU: machine / bench process / ms per event'],
        [
          row(
            'consumer alone: amqplib publish → @EventPattern → inbox + effect commit',
            diagnostics.consumerAlone,
          ),
          row('backlog drain: rows committed in one transaction → relay → consumer', diagnostics.backlog),
        ],
      ),
    );
    const rawMedian = pick((r) => r.rawThroughput.perSecond);
    out.push(
      '',
      `Backlog drain / median raw throughput: ${ratio(diagnostics.backlog.perSecond / rawMedian)} ` +
        '(outbox rows already committed → relay → broker → inbox; for reading only, not the target: ' +
        "the target's platform figure includes each event's own producer transaction).",
    );
    const read = diagnostics.pendingRead;
    if (read) {
      out.push(
        `Relay's read of pending rows at the end, with ${read.sentRows.toLocaleString('en')} rows sent: ` +
          `${read.executionMs.toFixed(2)} ms, ${read.sharedBuffers} buffers (EXPLAIN ANALYZE).`,
      );
    }
  }

  const ok = rounds.every(complete);
  const verdict = (pass: boolean) => (pass && ok ? 'PASS' : 'FAIL');
  const medianThroughput = pick(throughputRatio);
  const medianP99 = pick(p99Ratio);
  out.push('', '## Targets (median of the rounds)');
  out.push(
    table(
      ['target', 'measured', 'verdict'],
      [
        [
          `platform / raw throughput ≥ ${THROUGHPUT_TARGET}`,
          ratio(medianThroughput),
          verdict(medianThroughput >= THROUGHPUT_TARGET),
        ],
        [
          `platform / raw p99 at the fixed rate ≤ ${P99_TARGET.toFixed(1)}`,
          ratio(medianP99),
          verdict(medianP99 <= P99_TARGET),
        ],
      ],
    ),
  );
  if (!ok) out.push('Some events did not arrive within the phase timeout: both verdicts are FAIL.');
  return out.join('\n');
}
