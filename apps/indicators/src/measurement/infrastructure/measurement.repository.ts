import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface CpomRow {
  contractId: string;
  serviceId: string;
  caisseId: string;
  direccteId: string;
  region: string;
  status: string;
  periodStart: string | null;
  periodEnd: string | null;
  contentVersion: number;
}

export interface IndicatorRow {
  indicatorId: string;
  actionId: string;
  actionTitle: string;
  theme: string;
  name: string;
  kind: 'quantitative' | 'qualitative';
  purpose: string;
  unit: string | null;
  baseline: number | null;
  target: number | null;
  direction: 'increase' | 'decrease' | 'maintain' | null;
  frequency: 'yearly' | 'half_yearly';
  status: 'on_track' | 'behind' | 'no_data';
}

export interface MeasurementRow {
  indicatorId: string;
  period: string;
  numericValue: number | null;
  textValue: string | null;
  comment: string | null;
  reportedBy: string;
  reportingOrganisation: string | null;
  reportedAt: Date;
  version: number;
}

export interface CorrectionRow {
  versionBefore: number;
  before: { value: number | string | null; comment: string | null };
  after: { value: number | string | null; comment: string | null };
  correctedBy: string;
  correctedAt: Date;
}

const CPOM_COLUMNS = `contract_id AS "contractId", service_id AS "serviceId", caisse_id AS "caisseId",
  direccte_id AS "direccteId", region, status, to_char(period_start, 'YYYY-MM-DD') AS "periodStart",
  to_char(period_end, 'YYYY-MM-DD') AS "periodEnd", content_version AS "contentVersion"`;

const INDICATOR_COLUMNS = `i.indicator_id AS "indicatorId", i.action_id AS "actionId", a.title AS "actionTitle",
  a.theme, i.name, i.kind, i.purpose, i.unit, i.baseline::float8 AS baseline, i.target::float8 AS target,
  i.direction, i.frequency, i.status`;

const MEASUREMENT_COLUMNS = `indicator_id AS "indicatorId", period, numeric_value::float8 AS "numericValue",
  text_value AS "textValue", comment, reported_by AS "reportedBy",
  reporting_organisation AS "reportingOrganisation", reported_at AS "reportedAt", version`;

/** The CPOMs and indicators as projected, and the values reported on them (this service's own data). */
@Injectable()
export class MeasurementRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The CPOM, locked for the writer's transaction when one is given: a report moves the CPOM's contribution, so
   * reports on one CPOM take turns (a shared lock upgraded by two of them at once would deadlock).
   */
  async findCpom(contractId: string, manager?: EntityManager): Promise<CpomRow | null> {
    const rows: CpomRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${CPOM_COLUMNS} FROM ind_cpoms WHERE contract_id = $1 ${manager ? 'FOR UPDATE' : ''}`,
      [contractId],
    );
    return rows[0] ?? null;
  }

  async indicators(
    contractId: string,
    manager?: EntityManager,
    indicatorId?: string,
  ): Promise<IndicatorRow[]> {
    return (manager ?? this.dataSource).query(
      `SELECT ${INDICATOR_COLUMNS} FROM ind_cpom_indicators i
         JOIN ind_cpom_actions a ON a.contract_id = i.contract_id AND a.action_id = i.action_id
        WHERE i.contract_id = $1 AND ($2::uuid IS NULL OR i.indicator_id = $2::uuid)
        ORDER BY i.position`,
      [contractId, indicatorId ?? null],
    );
  }

  async measurements(contractId: string): Promise<MeasurementRow[]> {
    return this.dataSource.query(
      `SELECT ${MEASUREMENT_COLUMNS} FROM ind_measurements WHERE contract_id = $1 ORDER BY indicator_id, period`,
      [contractId],
    );
  }

  async findMeasurement(
    contractId: string,
    indicatorId: string,
    period: string,
    manager?: EntityManager,
  ): Promise<MeasurementRow | null> {
    const rows: MeasurementRow[] = await (manager ?? this.dataSource).query(
      `SELECT ${MEASUREMENT_COLUMNS} FROM ind_measurements
        WHERE contract_id = $1 AND indicator_id = $2 AND period = $3 ${manager ? 'FOR UPDATE' : ''}`,
      [contractId, indicatorId, period],
    );
    return rows[0] ?? null;
  }

  async corrections(contractId: string, indicatorId: string, period: string): Promise<CorrectionRow[]> {
    return this.dataSource.query(
      `SELECT version_before AS "versionBefore", before, after, corrected_by AS "correctedBy",
              corrected_at AS "correctedAt"
         FROM ind_measurement_corrections
        WHERE contract_id = $1 AND indicator_id = $2 AND period = $3 ORDER BY id`,
      [contractId, indicatorId, period],
    );
  }

  /** Inserts the value; false when one exists already for the period (one value per indicator and period). */
  async insert(manager: EntityManager, contractId: string, row: MeasurementRow): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ind_measurements (contract_id, indicator_id, period, numeric_value, text_value, comment,
                                     reported_by, reporting_organisation, reported_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT DO NOTHING RETURNING period`,
      [
        contractId,
        row.indicatorId,
        row.period,
        row.numericValue,
        row.textValue,
        row.comment,
        row.reportedBy,
        row.reportingOrganisation,
        row.reportedAt,
        row.version,
      ],
    );
    return inserted.length > 0;
  }

  /** Replaces the value and keeps the correction (who, when, before and after). */
  async correct(
    manager: EntityManager,
    contractId: string,
    before: MeasurementRow,
    after: MeasurementRow,
  ): Promise<void> {
    await manager.query(
      `UPDATE ind_measurements SET numeric_value = $4, text_value = $5, comment = $6, version = $7
        WHERE contract_id = $1 AND indicator_id = $2 AND period = $3`,
      [
        contractId,
        after.indicatorId,
        after.period,
        after.numericValue,
        after.textValue,
        after.comment,
        after.version,
      ],
    );
    await manager.query(
      `INSERT INTO ind_measurement_corrections
         (contract_id, indicator_id, period, version_before, before, after, corrected_by, corrected_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        contractId,
        after.indicatorId,
        after.period,
        before.version,
        JSON.stringify(reportedValueOf(before)),
        JSON.stringify(reportedValueOf(after)),
        after.reportedBy,
        after.reportedAt,
      ],
    );
  }
}

export function reportedValueOf(row: MeasurementRow): {
  value: number | string | null;
  comment: string | null;
} {
  return { value: row.numericValue ?? row.textValue, comment: row.comment };
}
