/** Percentiles of one phase's latencies, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles: p99 of 5,000 samples is the 4,950th smallest. */
export function summarise(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) return { count: 0, p50: NaN, p90: NaN, p99: NaN, max: NaN, mean: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: at(50),
    p90: at(90),
    p99: at(99),
    max: sorted[sorted.length - 1],
    mean: total / sorted.length,
  };
}

/** Latencies `end - start` of every sequence number present in both maps. */
export function latenciesOf(
  starts: ReadonlyMap<number, number>,
  ends: ReadonlyMap<number, number>,
): number[] {
  const out: number[] = [];
  for (const [seq, start] of starts) {
    const end = ends.get(seq);
    if (end !== undefined) out.push(end - start);
  }
  return out;
}
