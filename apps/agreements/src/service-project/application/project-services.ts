import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Organisation } from '../../organisation/domain/organisation';
import { OrganisationRepository } from '../../organisation/infrastructure/organisation.repository';
import type { ProjectService } from '../domain/service-project.types';

/**
 * What a project needs of its service, read from the directory of this same service (the organisations slice's
 * repository): its type, name, regions and competent Caisse, as they are now — what events and scopes use.
 */
@Injectable()
export class ProjectServices {
  constructor(private readonly organisations: OrganisationRepository) {}

  async find(id: string, manager?: EntityManager): Promise<ProjectService | null> {
    const organisation = await this.organisations.findById(id, manager);
    return organisation ? projectServiceOf(organisation) : null;
  }

  async findMany(ids: readonly string[]): Promise<Map<string, ProjectService>> {
    const organisations = await this.organisations.findMany(ids);
    return new Map(organisations.map((o) => [o.id, projectServiceOf(o)]));
  }
}

function projectServiceOf(organisation: Organisation): ProjectService {
  return {
    id: organisation.id,
    type: organisation.type,
    name: organisation.name,
    regions: [...organisation.regions].sort(),
    caisseId: organisation.snapshot().service?.caisseId ?? null,
  };
}
