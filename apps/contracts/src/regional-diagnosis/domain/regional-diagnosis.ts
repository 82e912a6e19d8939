import { type CalendarDate, isAfter, isBefore } from '@tripartite/calendar';
import { RegionalDiagnosisInvalidError } from './regional-diagnosis.errors';
import type { DiagnosisContent, DiagnosisVersion, RuleProblem } from './regional-diagnosis.types';

/**
 * The region's shared diagnosis (seed 002, part II.4): "un diagnostic partagé … en chapeau de tous les CPOM
 * d'une même région", established by the DIRECCTE and the Caisse. One per region, versioned: each new text is
 * the next version, and every version stays readable (a CPOM names the version it was drafted on).
 *
 * `version` is the aggregate's version (ETag, If-Match); `latest.number` numbers the texts (1, 2, …).
 */
export class RegionalDiagnosis {
  private constructor(
    readonly id: string,
    readonly region: string,
    private texts: DiagnosisVersion[],
    private aggregateVersion: number,
  ) {}

  static record(
    id: string,
    region: string,
    content: DiagnosisContent,
    recorded: { on: CalendarDate; by: string | null },
  ): RegionalDiagnosis {
    throwIfAny(contentProblems(content, recorded.on, null));
    return new RegionalDiagnosis(id, region, [versionOf(1, content, recorded)], 1);
  }

  static restore(id: string, region: string, texts: DiagnosisVersion[], version: number): RegionalDiagnosis {
    if (texts.length === 0) throw new Error(`regional diagnosis ${id} has no version`);
    return new RegionalDiagnosis(
      id,
      region,
      [...texts].sort((a, b) => a.number - b.number),
      version,
    );
  }

  /** A new text of the diagnosis, established no earlier than the one it follows. */
  revise(content: DiagnosisContent, recorded: { on: CalendarDate; by: string | null }): DiagnosisVersion {
    throwIfAny(contentProblems(content, recorded.on, this.latest));
    const text = versionOf(this.latest.number + 1, content, recorded);
    this.texts = [...this.texts, text];
    this.aggregateVersion += 1;
    return text;
  }

  get version(): number {
    return this.aggregateVersion;
  }

  get latest(): DiagnosisVersion {
    return this.texts[this.texts.length - 1];
  }

  get versions(): readonly DiagnosisVersion[] {
    return this.texts;
  }

  versionNumbered(number: number): DiagnosisVersion | null {
    return this.texts.find((text) => text.number === number) ?? null;
  }
}

/**
 * The rules of a text: established on a day already come (a diagnosis is recorded once shared), not before
 * the version it follows, and its sources named once each.
 */
export function contentProblems(
  content: DiagnosisContent,
  today: CalendarDate,
  previous: DiagnosisVersion | null,
): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (isAfter(content.diagnosedOn, today)) {
    problems.push({
      field: 'diagnosedOn',
      rule: 'not-in-future (règle de la plateforme)',
      message: `is after today (${today}): record a diagnosis once it is established`,
    });
  }
  if (previous && isBefore(content.diagnosedOn, previous.diagnosedOn)) {
    problems.push({
      field: 'diagnosedOn',
      rule: 'not-before-previous-version (règle de la plateforme)',
      message: `is before the diagnosis of version ${previous.number} (${previous.diagnosedOn}) it follows`,
    });
  }
  const seen = new Set<string>();
  content.sources.forEach((source, index) => {
    const key = source.trim().toLocaleLowerCase('fr');
    if (seen.has(key)) {
      problems.push({
        field: `sources[${index}]`,
        rule: 'named-once (règle de la plateforme)',
        message: `"${source}" is already named`,
      });
    }
    seen.add(key);
  });
  return problems;
}

function versionOf(
  number: number,
  content: DiagnosisContent,
  recorded: { on: CalendarDate; by: string | null },
): DiagnosisVersion {
  return {
    number,
    title: content.title,
    summary: content.summary,
    sources: [...content.sources],
    diagnosedOn: content.diagnosedOn,
    recordedOn: recorded.on,
    recordedBy: recorded.by,
  };
}

function throwIfAny(problems: RuleProblem[]): void {
  if (problems.length > 0) throw new RegionalDiagnosisInvalidError(problems);
}
