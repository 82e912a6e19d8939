import { Injectable } from '@nestjs/common';
import type { CpomAction, CpomIndicator, CpomPriority, EventEnvelope } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import type { CpomStatus } from '../domain/cpom-contribution';

/** What every `contract.*` fact says of its CPOM. */
export interface CpomSubject {
  contractId: string;
  serviceId: string;
  regions: readonly string[];
  caisseId?: string;
  direccteId?: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface CpomContent {
  contentVersion: number;
  priorities: readonly CpomPriority[];
  actions: readonly CpomAction[];
  indicators: readonly CpomIndicator[];
}

/**
 * The CPOM rows (`ind_cpoms`) and their contents. Facts of one CPOM apply in the order of its
 * `aggregateVersion`: an older fact than the one applied is ignored (a redelivery, a replica's reordering).
 */
@Injectable()
export class CpomProjection {
  /**
   * Applies a fact that moves the CPOM's state; answers false when it is older than what the row holds (nothing
   * written). The first fact known creates the row.
   */
  async applyState(
    manager: EntityManager,
    envelope: EventEnvelope,
    subject: CpomSubject,
    facts: { status?: CpomStatus; signedOn?: string },
  ): Promise<boolean> {
    // A fact that does not name the parties (`contract.evaluated`) only moves a CPOM already projected: an
    // INSERT would fail on the parties' NOT NULL before its ON CONFLICT is even considered.
    if (subject.caisseId === undefined || subject.direccteId === undefined) {
      return this.moveKnown(manager, envelope, subject, facts);
    }
    // One statement: the row is created, or updated only by a newer fact (the conflict's row lock orders them).
    const applied: unknown[] = await manager.query(
      `INSERT INTO ind_cpoms (contract_id, service_id, caisse_id, direccte_id, region, regions, status,
                              period_start, period_end, signed_on, aggregate_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (contract_id) DO UPDATE SET
         caisse_id = COALESCE(EXCLUDED.caisse_id, ind_cpoms.caisse_id),
         direccte_id = COALESCE(EXCLUDED.direccte_id, ind_cpoms.direccte_id),
         regions = EXCLUDED.regions,
         status = COALESCE($12, ind_cpoms.status),
         period_start = COALESCE(EXCLUDED.period_start, ind_cpoms.period_start),
         period_end = COALESCE(EXCLUDED.period_end, ind_cpoms.period_end),
         signed_on = COALESCE(EXCLUDED.signed_on, ind_cpoms.signed_on),
         aggregate_version = EXCLUDED.aggregate_version
       WHERE ind_cpoms.aggregate_version < EXCLUDED.aggregate_version
       RETURNING contract_id`,
      [
        subject.contractId,
        subject.serviceId,
        subject.caisseId ?? null,
        subject.direccteId ?? null,
        subject.regions[0],
        subject.regions,
        facts.status ?? 'draft',
        subject.periodStart ?? null,
        subject.periodEnd ?? null,
        facts.signedOn ?? null,
        envelope.aggregateVersion,
        facts.status ?? null,
      ],
    );
    return applied.length > 0;
  }

  /**
   * Moves a projected CPOM by a newer fact; throws (so the event is retried, then parked) when the CPOM is not
   * projected yet: its earlier facts, which name its parties, are still to come (reordering across replicas).
   */
  private async moveKnown(
    manager: EntityManager,
    envelope: EventEnvelope,
    subject: CpomSubject,
    facts: { status?: CpomStatus; signedOn?: string },
  ): Promise<boolean> {
    const [moved]: [unknown[], number] = await manager.query(
      `UPDATE ind_cpoms SET regions = $2, status = COALESCE($3, status),
         signed_on = COALESCE($4, signed_on), aggregate_version = $5
        WHERE contract_id = $1 AND aggregate_version < $5 RETURNING contract_id`,
      [
        subject.contractId,
        subject.regions,
        facts.status ?? null,
        facts.signedOn ?? null,
        envelope.aggregateVersion,
      ],
    );
    if (moved.length > 0) return true;
    const known: unknown[] = await manager.query('SELECT 1 FROM ind_cpoms WHERE contract_id = $1', [
      subject.contractId,
    ]);
    if (known.length === 0) {
      throw new Error(`CPOM ${subject.contractId} is not projected yet: its earlier facts are still to come`);
    }
    return false;
  }

  /** Replaces the CPOM's contents by a later version (signature, amendment); an earlier one changes nothing. */
  async replaceContent(manager: EntityManager, contractId: string, content: CpomContent): Promise<boolean> {
    const [updated]: [{ previous: number }[], number] = await manager.query(
      `UPDATE ind_cpoms c SET content_version = $2, priorities = $3
         FROM (SELECT content_version AS previous FROM ind_cpoms WHERE contract_id = $1) old
        WHERE c.contract_id = $1 AND c.content_version < $2 RETURNING old.previous`,
      [contractId, content.contentVersion, JSON.stringify(content.priorities)],
    );
    if (updated.length === 0) return false;
    // A first content has nothing to replace.
    if (updated[0]!.previous > 0) {
      await manager.query('DELETE FROM ind_cpom_actions WHERE contract_id = $1', [contractId]);
      await manager.query('DELETE FROM ind_cpom_indicators WHERE contract_id = $1', [contractId]);
    }
    const { actions, indicators } = content;
    if (actions.length > 0) {
      await manager.query(
        `INSERT INTO ind_cpom_actions (contract_id, action_id, priority_id, title, theme)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[])`,
        [
          contractId,
          actions.map((a) => a.actionId),
          actions.map((a) => a.priorityId),
          actions.map((a) => a.title),
          actions.map((a) => a.theme),
        ],
      );
    }
    if (indicators.length > 0) {
      await manager.query(
        `INSERT INTO ind_cpom_indicators (contract_id, indicator_id, action_id, position, name, kind, purpose,
                                          unit, baseline, target, direction, frequency)
         SELECT $1, * FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::text[], $7::text[],
                                  $8::text[], $9::numeric[], $10::numeric[], $11::text[], $12::text[])`,
        [
          contractId,
          indicators.map((i) => i.indicatorId),
          indicators.map((i) => i.actionId),
          indicators.map((_, position) => position),
          indicators.map((i) => i.name),
          indicators.map((i) => i.kind),
          indicators.map((i) => i.purpose),
          indicators.map((i) => i.unit),
          indicators.map((i) => i.baseline),
          indicators.map((i) => i.target),
          indicators.map((i) => i.direction),
          indicators.map((i) => i.frequency),
        ],
      );
    }
    return true;
  }

  /**
   * A review reminder or lapse: the CPOM's pending review becomes due or overdue, unless a later review is
   * already known (the review held and the next one planned: an older reminder changes nothing).
   */
  async markReview(
    manager: EntityManager,
    contractId: string,
    state: 'due' | 'overdue',
    dueOn: string,
  ): Promise<boolean> {
    await this.assertKnown(manager, contractId);
    // An UPDATE answers its rows and its count.
    const [updated]: [unknown[], number] = await manager.query(
      `UPDATE ind_cpoms SET review_state = $2, review_due_on = $3
        WHERE contract_id = $1
          AND (review_due_on IS NULL OR review_due_on < $3
               OR (review_due_on = $3 AND review_state IS DISTINCT FROM 'overdue'))
        RETURNING contract_id`,
      [contractId, state, dueOn],
    );
    return updated.length > 0;
  }

  /** A review took place: counted once per CPOM and date; the pending review is the next one. */
  async recordReviewHeld(
    manager: EntityManager,
    contractId: string,
    reviewedOn: string,
    nextReviewDueOn: string | null,
  ): Promise<{ region: string } | null> {
    await this.assertKnown(manager, contractId);
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ind_reviews_held (contract_id, reviewed_on) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING contract_id`,
      [contractId, reviewedOn],
    );
    if (inserted.length === 0) return null;
    const [[row]]: [{ region: string }[], number] = await manager.query(
      `UPDATE ind_cpoms SET
         review_state = NULL,
         review_due_on = GREATEST(review_due_on, $2::date, $3::date)
       WHERE contract_id = $1 RETURNING region`,
      [contractId, reviewedOn, nextReviewDueOn],
    );
    return row ?? null;
  }

  /** A review fact names a CPOM its signature made known: before that, retry (its signature is on its way). */
  private async assertKnown(manager: EntityManager, contractId: string): Promise<void> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM ind_cpoms WHERE contract_id = $1 FOR UPDATE', [
      contractId,
    ]);
    if (rows.length === 0)
      throw new Error(`CPOM ${contractId} is not known yet: its earlier facts come first`);
  }
}
