import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { competentCaisse } from '../domain/competent-caisse.rule';
import { OrganisationProfileInvalidError } from '../domain/organisation.errors';
import type { OrganisationSnapshot } from '../domain/organisation.types';
import { OrganisationRepository } from '../infrastructure/organisation.repository';

/** Resolves a service's competent Caisse against the Caisses the directory knows covering its regions. */
@Injectable()
export class CompetentCaisses {
  constructor(private readonly organisations: OrganisationRepository) {}

  /** The service profile with its competent Caisse set (or the 422 naming `service.caisseId`). */
  async resolve(
    manager: EntityManager,
    organisation: Pick<OrganisationSnapshot, 'type' | 'regions' | 'service'>,
    requested: string | null | undefined,
  ): Promise<OrganisationSnapshot['service']> {
    if (!organisation.service) return null;
    const covering = await this.organisations.caissesCovering(manager, organisation.regions);
    const outcome = competentCaisse(organisation, requested, covering);
    if ('problem' in outcome) throw new OrganisationProfileInvalidError([outcome.problem]);
    return { ...organisation.service, caisseId: outcome.caisseId };
  }
}
