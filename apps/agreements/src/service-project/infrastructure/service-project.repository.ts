import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import type { Period } from '@tripartite/http';
import { DataSource, type EntityManager, In } from 'typeorm';
import { OrganisationOrmEntity } from '../../organisation/infrastructure/organisation.orm-entity';
import { ServiceProject } from '../domain/service-project';
import type { ProjectVersion, ServiceProjectStatus } from '../domain/service-project.types';
import { ServiceProjectOrmEntity } from './service-project.orm-entity';
import { ServiceProjectVersionOrmEntity } from './service-project-version.orm-entity';

export interface ServiceProjectFilter {
  serviceId?: string;
  region?: string;
  status?: ServiceProjectStatus;
  /** Drafted on the platform within this period. */
  recorded?: Period;
  /** Only projects of services in these regions (the reader's scope); undefined: all. */
  withinRegions?: readonly string[];
  /** Only this service's projects (a service reads its own); undefined: any. */
  onlyServiceId?: string;
}

@Injectable()
export class ServiceProjectRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, project: ServiceProject, now: Date): Promise<void> {
    await manager.insert(ServiceProjectOrmEntity, { ...projectRow(project), createdAt: now, updatedAt: now });
    await manager.insert(ServiceProjectVersionOrmEntity, versionRows(project));
  }

  /** Writes a changed project if nobody changed it since `expectedVersion`; false when someone did. */
  async save(
    manager: EntityManager,
    project: ServiceProject,
    expectedVersion: number,
    now: Date,
  ): Promise<boolean> {
    const result = await manager.update(
      ServiceProjectOrmEntity,
      { id: project.id, version: expectedVersion },
      { ...projectRow(project), updatedAt: now },
    );
    if ((result.affected ?? 0) !== 1) return false;
    // In number order: the version superseded leaves 'approved' before the next one takes it.
    await manager.upsert(ServiceProjectVersionOrmEntity, versionRows(project), ['projectId', 'number']);
    return true;
  }

  /** With `lock`, the project row stays locked until the caller's transaction ends. */
  async findById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<ServiceProject | null> {
    const row = await manager.getRepository(ServiceProjectOrmEntity).findOne({
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!row) return null;
    const [project] = await this.withVersions([row], manager);
    return project;
  }

  /** A service's projects, the newest first. */
  async forService(serviceId: string): Promise<ServiceProject[]> {
    const rows = await this.dataSource
      .getRepository(ServiceProjectOrmEntity)
      .find({ where: { serviceId }, order: { createdAt: 'DESC', id: 'DESC' } });
    return this.withVersions(rows, this.dataSource.manager);
  }

  async list(
    filter: ServiceProjectFilter,
    page: number,
    pageSize: number,
  ): Promise<{ items: ServiceProject[]; total: number }> {
    const query = this.dataSource
      .getRepository(ServiceProjectOrmEntity)
      .createQueryBuilder('p')
      .innerJoin(OrganisationOrmEntity, 'o', 'o.id = p.serviceId');
    if (filter.serviceId) query.andWhere('p.serviceId = :serviceId', { serviceId: filter.serviceId });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    if (filter.region) query.andWhere(':region = ANY(o.regions)', { region: filter.region });
    if (filter.recorded?.from) query.andWhere('p.createdAt >= :from', { from: filter.recorded.from });
    if (filter.recorded?.to) query.andWhere('p.createdAt < :to', { to: filter.recorded.to });
    if (filter.withinRegions) query.andWhere('o.regions && :within', { within: [...filter.withinRegions] });
    if (filter.onlyServiceId) query.andWhere('p.serviceId = :only', { only: filter.onlyServiceId });
    const [rows, total] = await query
      .orderBy('o.name', 'ASC')
      .addOrderBy('p.createdAt', 'DESC')
      .addOrderBy('p.id', 'ASC')
      // offset/limit, not skip/take: the join is not a relation, so rows map one to one.
      .offset((page - 1) * pageSize)
      .limit(pageSize)
      .getManyAndCount();
    return { items: await this.withVersions(rows, this.dataSource.manager), total };
  }

  /**
   * Another project of the service whose latest version's period shares a day with this one, if any. A
   * withdrawn project frees its period; a withdrawn revision is not the latest version, so the period in
   * force is the one that counts. Call it under `lockService`, so that two drafts for the same years
   * cannot both pass.
   */
  async overlapping(
    manager: EntityManager,
    serviceId: string,
    period: { periodStart: CalendarDate; periodEnd: CalendarDate },
    exceptProjectId: string | null,
  ): Promise<{ id: string; periodStart: CalendarDate; periodEnd: CalendarDate } | null> {
    const rows = (await manager.query(
      `SELECT p.id, v.period_start::text AS "periodStart", v.period_end::text AS "periodEnd"
         FROM service_projects p
         JOIN service_project_versions v ON v.project_id = p.id AND v.number = p.latest_version
        WHERE p.service_id = $1 AND p.id IS DISTINCT FROM $2::uuid AND p.status <> 'withdrawn'
          AND v.period_start <= $4::date AND $3::date <= v.period_end
        ORDER BY v.period_start
        LIMIT 1`,
      [serviceId, exceptProjectId, period.periodStart, period.periodEnd],
    )) as { id: string; periodStart: CalendarDate; periodEnd: CalendarDate }[];
    return rows[0] ?? null;
  }

  /** Serialises the commands that check a service's periods, until the transaction ends. */
  async lockService(manager: EntityManager, serviceId: string): Promise<void> {
    await manager.query("SELECT pg_advisory_xact_lock(hashtext('service_project'), hashtext($1))", [
      serviceId,
    ]);
  }

  private async withVersions(
    rows: ServiceProjectOrmEntity[],
    manager: EntityManager,
  ): Promise<ServiceProject[]> {
    if (rows.length === 0) return [];
    const versions = await manager
      .getRepository(ServiceProjectVersionOrmEntity)
      .find({ where: { projectId: In(rows.map((row) => row.id)) }, order: { number: 'ASC' } });
    return rows.map((row) =>
      ServiceProject.restore(
        row.id,
        row.serviceId,
        versions.filter((v) => v.projectId === row.id).map(toVersion),
        row.version,
      ),
    );
  }
}

function projectRow(project: ServiceProject) {
  return {
    id: project.id,
    serviceId: project.serviceId,
    status: project.status,
    latestVersion: project.latest.number,
    inForceVersion: project.inForce?.number ?? null,
    version: project.version,
  };
}

function versionRows(project: ServiceProject): ServiceProjectVersionOrmEntity[] {
  return project.versions.map((text) => ({ projectId: project.id, ...text }));
}

/** A version's row is the version and its project's id (as `versionRows` writes it). */
function toVersion(row: ServiceProjectVersionOrmEntity): ProjectVersion {
  const { projectId: _projectId, ...text } = row;
  return text;
}
