// Demo values on the indicators of Bretagne's CPOMs (issue 13), so the region's dashboard shows every status:
// on track, behind and without data. Called by demo-seed.ts once CPOMs exist; safe to run twice (a period
// already reported is left as it is).
import { addDays, daysBetween } from '@tripartite/calendar';

// biome-ignore lint/suspicious/noExplicitAny: the seed reads a few fields of the API's answers.
type Json = Record<string, any>;

export interface DemoMeasurementsInput {
  gateway: string;
  /** An admin's headers (authorization, content-type): an administrator may report for a service. */
  headers: Record<string, string>;
  cpomIds: readonly string[];
  today: string;
}

/** What each indicator of a CPOM shows, in turn: on track, behind, no data. */
const PATTERN = ['on_track', 'behind', 'no_data', 'on_track'] as const;

/** Reports values on the CPOMs' indicators through the gateway; answers how many were reported. */
export async function reportDemoMeasurements(input: DemoMeasurementsInput): Promise<number> {
  let reported = 0;
  // Counted across the CPOMs: a region's few CPOMs have one or two indicators each.
  let seen = 0;
  for (const cpomId of input.cpomIds) {
    const cpom = await indicatorsOf(input, cpomId);
    if (!cpom?.periodStart || cpom.status !== 'signed') continue;
    for (const indicator of cpom.indicators as Json[]) {
      const intent = PATTERN[seen++ % PATTERN.length];
      if (intent === 'no_data') continue;
      for (const period of periodsOf(indicator.frequency, cpom.periodStart, cpom.periodEnd, input.today)) {
        const value = valueFor(indicator, intent, cpom.periodStart, cpom.periodEnd, period.end);
        const response = await fetch(
          `${input.gateway}/api/v1/cpoms/${cpomId}/indicators/${indicator.indicatorId}/measurements`,
          {
            method: 'POST',
            headers: input.headers,
            body: JSON.stringify({ period: period.label, value, comment: 'Valeur de démonstration' }),
          },
        );
        if (response.status === 201) reported++;
        else if (response.status !== 409)
          throw new Error(`measurement: ${response.status} ${await response.text()}`);
      }
    }
  }
  return reported;
}

/** The CPOM's indicators, once the indicators service has projected its signature (it may lag a little). */
async function indicatorsOf(input: DemoMeasurementsInput, cpomId: string): Promise<Json | null> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const response = await fetch(`${input.gateway}/api/v1/cpoms/${cpomId}/indicators`, {
      headers: input.headers,
    });
    if (response.ok) return (await response.json()) as Json;
    if (response.status !== 404) throw new Error(`indicators of ${cpomId}: ${response.status}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

/** The periods already over (or the current one when none is), within the CPOM's period. */
function periodsOf(
  frequency: string,
  start: string,
  end: string,
  today: string,
): { label: string; end: string }[] {
  const periods: { label: string; end: string }[] = [];
  for (let year = Number(start.slice(0, 4)); year <= Number(end.slice(0, 4)); year++) {
    const halves =
      frequency === 'half_yearly'
        ? [
            { label: `${year}-H1`, end: `${year}-06-30` },
            { label: `${year}-H2`, end: `${year}-12-31` },
          ]
        : [{ label: String(year), end: `${year}-12-31` }];
    periods.push(...halves.filter((period) => period.end >= start && period.end < today));
  }
  if (periods.length > 0) return periods;
  const year = today.slice(0, 4);
  return frequency === 'half_yearly'
    ? [{ label: `${year}-${today.slice(5, 7) <= '06' ? 'H1' : 'H2'}`, end: today }]
    : [{ label: year, end: today }];
}

/** A value on the right side of the line from baseline to target (on track), or short of it (behind). */
function valueFor(
  indicator: Json,
  intent: 'on_track' | 'behind',
  start: string,
  end: string,
  at: string,
): unknown {
  if (indicator.kind === 'qualitative') {
    return intent === 'on_track' ? 'Actions menées comme prévu' : 'Actions engagées avec retard';
  }
  const baseline = indicator.baseline ?? 0;
  const target = indicator.target ?? baseline;
  const share = Math.min(
    1,
    Math.max(0, daysBetween(start, addDays(at, 1)) / daysBetween(start, addDays(end, 1))),
  );
  const expected = baseline + share * (target - baseline);
  const step = Math.abs(target - baseline) * 0.1 || 1;
  const better = indicator.direction === 'decrease' ? -1 : 1;
  if (indicator.direction === 'maintain') return intent === 'on_track' ? target : target * 1.2 + 1;
  return Math.round((intent === 'on_track' ? expected + better * step : expected - better * step) * 10) / 10;
}
