import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Organisation } from '../domain/organisation';
import { OrganisationOrmEntity } from './organisation.orm-entity';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, organisation: Organisation, createdAt: Date): Promise<void> {
    const { organisationId, ...state } = organisation.snapshot();
    await manager.insert(OrganisationOrmEntity, {
      id: organisationId,
      ...state,
      version: organisation.version,
      createdAt,
    });
  }

  async findById(id: string): Promise<Organisation | null> {
    const row = await this.dataSource.getRepository(OrganisationOrmEntity).findOneBy({ id });
    if (!row) return null;
    return Organisation.restore(
      {
        organisationId: row.id,
        type: row.type,
        name: row.name,
        regions: row.regions,
        contacts: row.contacts,
      },
      row.version,
    );
  }
}
