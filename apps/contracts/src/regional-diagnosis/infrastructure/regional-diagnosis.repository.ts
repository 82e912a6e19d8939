import { Injectable } from '@nestjs/common';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager, In } from 'typeorm';
import { RegionalDiagnosis } from '../domain/regional-diagnosis';
import type { DiagnosisVersion } from '../domain/regional-diagnosis.types';
import { RegionalDiagnosisOrmEntity } from './regional-diagnosis.orm-entity';
import { RegionalDiagnosisVersionOrmEntity } from './regional-diagnosis-version.orm-entity';

export interface RegionalDiagnosisFilter {
  region?: string;
  /** Recorded on the platform within this period. */
  recorded?: Period;
  /** Only these regions (the reader's scope); undefined: all. */
  withinRegions?: readonly string[];
}

@Injectable()
export class RegionalDiagnosisRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, diagnosis: RegionalDiagnosis, now: Date): Promise<void> {
    await manager.insert(RegionalDiagnosisOrmEntity, {
      ...diagnosisRow(diagnosis),
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(RegionalDiagnosisVersionOrmEntity, versionRows(diagnosis));
  }

  /** Writes a new version if nobody changed the diagnosis since `expectedVersion`; false when someone did. */
  async saveNewVersion(
    manager: EntityManager,
    diagnosis: RegionalDiagnosis,
    expectedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const result = await manager.update(
      RegionalDiagnosisOrmEntity,
      { id: diagnosis.id, version: expectedVersion },
      { ...diagnosisRow(diagnosis), updatedAt: now },
    );
    if ((result.affected ?? 0) !== 1) return false;
    await manager.insert(RegionalDiagnosisVersionOrmEntity, {
      diagnosisId: diagnosis.id,
      ...diagnosis.latest,
    });
    return true;
  }

  /** With `lock`, the row stays locked until the caller's transaction ends. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<RegionalDiagnosis | null> {
    const row = await manager.getRepository(RegionalDiagnosisOrmEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) return null;
    const [diagnosis] = await this.withVersions([row], manager);
    return diagnosis;
  }

  async findByRegion(
    region: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<RegionalDiagnosis | null> {
    const row = await manager.getRepository(RegionalDiagnosisOrmEntity).findOne({ where: { region } });
    if (!row) return null;
    const [diagnosis] = await this.withVersions([row], manager);
    return diagnosis;
  }

  async list(
    filter: RegionalDiagnosisFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: RegionalDiagnosis[]; total: number }> {
    const query = this.dataSource.getRepository(RegionalDiagnosisOrmEntity).createQueryBuilder('d');
    if (filter.region) query.andWhere('d.region = :region', { region: filter.region });
    if (filter.recorded?.from) query.andWhere('d.createdAt >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('d.createdAt < :to', { to: filter.recorded.to });
    if (filter.withinRegions)
      query.andWhere('d.region IN (:...within)', { within: [...filter.withinRegions, ''] });
    const [rows, total] = await query
      .orderBy('d.region', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: await this.withVersions(rows, this.dataSource.manager), total };
  }

  /** Serialises the recording of a region's first diagnosis, until the transaction ends. */
  async lockRegion(manager: EntityManager, region: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('regional_diagnosis'), hashtext($1))", [
      region,
    ]);
  }

  private async withVersions(
    rows: RegionalDiagnosisOrmEntity[],
    manager: EntityManager,
  ): Promise<RegionalDiagnosis[]> {
    if (rows.length === 0) return [];
    const versions = await manager
      .getRepository(RegionalDiagnosisVersionOrmEntity)
      .find({ where: { diagnosisId: In(rows.map((row) => row.id)) }, order: { number: 'ASC' } });
    return rows.map((row) =>
      RegionalDiagnosis.restore(
        row.id,
        row.region,
        versions.filter((v) => v.diagnosisId === row.id).map(toVersion),
        row.version,
      ),
    );
  }
}

function diagnosisRow(diagnosis: RegionalDiagnosis) {
  return {
    id: diagnosis.id,
    region: diagnosis.region,
    latestVersion: diagnosis.latest.number,
    version: diagnosis.version,
  };
}

function versionRows(diagnosis: RegionalDiagnosis): RegionalDiagnosisVersionOrmEntity[] {
  return diagnosis.versions.map((text) => ({
    diagnosisId: diagnosis.id,
    ...text,
    sources: [...text.sources],
  }));
}

function toVersion(row: RegionalDiagnosisVersionOrmEntity): DiagnosisVersion {
  return {
    number: row.number,
    title: row.title,
    summary: row.summary,
    sources: row.sources,
    diagnosedOn: row.diagnosedOn,
    recordedOn: row.recordedOn,
    recordedBy: row.recordedBy,
  };
}
