import { readFileSync } from 'node:fs';

/** How busy the machine and this process were over a span of time, in % of the whole machine. */
export interface CpuUse {
  /** All processes (PostgreSQL, RabbitMQ, this process, anything else running), from /proc/stat. */
  machine: number;
  /** This process alone (producer, relay, consumer and the bench itself). */
  thisProcess: number;
  /** Length of the span, and the machine's cores: machine CPU time = machine% × cores × seconds. */
  seconds: number;
  cores: number;
}

/** Machine CPU time per event over a span, in ms (everything running counts, other work included). */
export function cpuMsPerEvent(use: CpuUse, events: number): number {
  return ((use.machine / 100) * use.cores * use.seconds * 1000) / events;
}

interface Sample {
  busy: number;
  total: number;
  process: NodeJS.CpuUsage;
  at: number;
}

const cores = () => {
  const line = readProcStat();
  return line ? line.cores : 1;
};

function readProcStat(): { busy: number; total: number; cores: number } | undefined {
  try {
    const text = readFileSync('/proc/stat', 'utf8');
    const [first] = text.split('\n');
    // cpu user nice system idle iowait irq softirq steal …
    const ticks = first.trim().split(/\s+/).slice(1, 9).map(Number);
    const idle = ticks[3] + ticks[4];
    const total = ticks.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total, cores: (text.match(/^cpu\d+ /gm) ?? []).length || 1 };
  } catch {
    return undefined; // not Linux: the machine figure is reported as n/a
  }
}

/** Starts measuring; the returned function stops and tells the use since the start. */
export function measureCpu(): () => CpuUse {
  const start = sample();
  return () => {
    const end = sample();
    const elapsedMicros = (end.at - start.at) * 1000;
    const processMicros = end.process.user - start.process.user + (end.process.system - start.process.system);
    return {
      machine: end.total > start.total ? (100 * (end.busy - start.busy)) / (end.total - start.total) : NaN,
      thisProcess: elapsedMicros > 0 ? (100 * processMicros) / elapsedMicros / cores() : NaN,
      seconds: (end.at - start.at) / 1000,
      cores: cores(),
    };
  };
}

function sample(): Sample {
  const stat = readProcStat();
  return {
    busy: stat?.busy ?? 0,
    total: stat?.total ?? 0,
    process: process.cpuUsage(),
    at: performance.now(),
  };
}
