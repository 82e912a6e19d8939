import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ServiceDirectory } from '../../directory/application/service-directory';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { DirectoryOrganisationOrmEntity } from '../../directory/infrastructure/directory-organisation.orm-entity';

/** The organisations a protocol names, from the directory this service learns from events. */
export interface ProtocolOrganisations {
  service: DirectoryOrganisation | null;
  caisse: DirectoryOrganisation | null;
  /** The DIRECCTE of the service's region (of its first region covered by one, in code order). */
  direccte: DirectoryOrganisation | null;
}

/**
 * Reads the directory (organisations from `organisation.*` events, never by calling the agreements service)
 * for a protocol: its service, its Caisse, and the DIRECCTE of the service's region, told of each step.
 */
@Injectable()
export class ProtocolDirectory {
  constructor(private readonly directory: ServiceDirectory) {}

  async find(serviceId: string, caisseId: string, manager: EntityManager): Promise<ProtocolOrganisations> {
    const [service, caisse] = await Promise.all([
      this.directory.organisation(serviceId, manager),
      this.directory.organisation(caisseId, manager),
    ]);
    return { service, caisse, direccte: service ? await this.direccteOf(service.regions, manager) : null };
  }

  private async direccteOf(
    regions: readonly string[],
    manager: EntityManager,
  ): Promise<DirectoryOrganisation | null> {
    if (regions.length === 0) return null;
    const rows = await manager
      .getRepository(DirectoryOrganisationOrmEntity)
      .createQueryBuilder('o')
      .where("o.type = 'DIRECCTE'")
      .andWhere('o.regions && :regions', { regions: [...regions] })
      .orderBy('o.id', 'ASC')
      .getMany();
    const byRegion = [...regions]
      .sort()
      .map((region) => rows.find((row) => row.regions.includes(region)))
      .find((row) => row !== undefined);
    return byRegion ? await this.directory.organisation(byRegion.id, manager) : null;
  }
}
