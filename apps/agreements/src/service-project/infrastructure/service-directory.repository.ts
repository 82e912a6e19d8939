import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In } from 'typeorm';
import { OrganisationOrmEntity } from '../../organisation/infrastructure/organisation.orm-entity';
import type { ProjectService } from '../domain/service-project.types';

/**
 * Reads the directory (the `organisations` table of this same service) for what a project needs of its
 * service: its type, its name and its regions. Read only: the directory is kept by the organisations
 * feature, and its current name and regions are what events and scopes use.
 */
@Injectable()
export class ServiceDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<ProjectService | null> {
    const row = await manager
      .getRepository(OrganisationOrmEntity)
      .findOne({ where: { id }, select: { id: true, type: true, name: true, regions: true } });
    return row ? toService(row) : null;
  }

  async findMany(ids: readonly string[]): Promise<Map<string, ProjectService>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(OrganisationOrmEntity).find({
      where: { id: In([...new Set(ids)]) },
      select: { id: true, type: true, name: true, regions: true },
    });
    return new Map(rows.map((row) => [row.id, toService(row)]));
  }
}

function toService(row: Pick<OrganisationOrmEntity, 'id' | 'type' | 'name' | 'regions'>): ProjectService {
  return { id: row.id, type: row.type, name: row.name, regions: [...row.regions].sort() };
}
