import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type AgrementFigures,
  type DecisionKind,
  decisionKinds,
  yearBounds,
} from '../domain/agrement-figures';

/** An organisation of the directory, as this service knows it. */
export interface KnownOrganisation {
  id: string;
  type: string;
  name: string;
  regions: string[];
}

/** SQL of the projections of `organisation.*` and `agreement.*`; writes go through the consumer's transaction. */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the organisation's state unless a newer one is stored (events may arrive out of order). */
  async upsertOrganisation(
    manager: EntityManager,
    organisation: KnownOrganisation & { version: number; updatedAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO directory_organisations (id, type, name, regions, version, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, regions = EXCLUDED.regions,
         version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
       WHERE directory_organisations.version < EXCLUDED.version`,
      [
        organisation.id,
        organisation.type,
        organisation.name,
        organisation.regions,
        organisation.version,
        organisation.updatedAt,
      ],
    );
  }

  async findOrganisation(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownOrganisation | null> {
    const rows: KnownOrganisation[] = await manager.query(
      'SELECT id, type, name, regions FROM directory_organisations WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** Counts a decision once (keyed by the event that told it). */
  async recordDecision(
    manager: EntityManager,
    decision: {
      eventId: string;
      agreementId: string;
      regions: readonly string[];
      kind: DecisionKind;
      on: CalendarDate;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO agrement_decisions (event_id, agreement_id, regions, kind, decided_on)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [decision.eventId, decision.agreementId, [...decision.regions], decision.kind, decision.on],
    );
  }

  /** Keeps an agrément's term: its end (moved by a shortening) and whether it ended early or lapsed. */
  async keepTerm(
    manager: EntityManager,
    term: {
      agreementId: string;
      regions: readonly string[];
      validUntil?: CalendarDate;
      ended?: boolean;
      version: number;
    },
  ): Promise<void> {
    if (term.validUntil === undefined) {
      await manager.query(
        'UPDATE agrement_terms SET ended = ended OR $2, version = GREATEST(version, $3) WHERE agreement_id = $1',
        [term.agreementId, term.ended ?? false, term.version],
      );
      return;
    }
    await manager.query(
      `INSERT INTO agrement_terms (agreement_id, regions, valid_until, ended, version)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (agreement_id) DO UPDATE SET valid_until = EXCLUDED.valid_until,
         ended = agrement_terms.ended OR EXCLUDED.ended, version = EXCLUDED.version
       WHERE agrement_terms.version <= EXCLUDED.version`,
      [term.agreementId, [...term.regions], term.validUntil, term.ended ?? false, term.version],
    );
  }

  /** The year's figures of a region (seed 002 I.2), in SQL on the projections. */
  async figures(region: string, year: number): Promise<AgrementFigures> {
    const { from, to } = yearBounds(year);
    const next = yearBounds(year + 1);
    const counts: { kind: DecisionKind; n: number }[] = await this.dataSource.query(
      `SELECT kind, count(*)::int AS n FROM agrement_decisions
        WHERE $1 = ANY(regions) AND decided_on BETWEEN $2 AND $3 GROUP BY kind`,
      [region, from, to],
    );
    const [expiring] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM agrement_terms
        WHERE $1 = ANY(regions) AND NOT ended AND valid_until BETWEEN $2 AND $3`,
      [region, next.from, next.to],
    )) as { n: number }[];
    const byKind = Object.fromEntries(
      decisionKinds.map((k) => [k, counts.find((c) => c.kind === k)?.n ?? 0]),
    );
    return { ...(byKind as Record<DecisionKind, number>), expiringNextYear: expiring?.n ?? 0 };
  }
}
