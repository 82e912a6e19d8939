import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationRepository } from '../../organisation/infrastructure/organisation.repository';
import { AgreementRuleViolation } from '../domain/agreement.errors';
import type { AgreementService } from '../domain/agreement.types';

/**
 * The service an agrément is for, as the directory knows it now: an occupational health service (SSTI or
 * SSTA), with its regions, size and competent Caisse. Shared by the handlers that create an agrément.
 */
@Injectable()
export class AgreedServices {
  constructor(private readonly organisations: OrganisationRepository) {}

  async find(manager: EntityManager, serviceId: string): Promise<AgreementService> {
    const organisation = await this.organisations.findById(serviceId, manager);
    const type = organisation?.type;
    if (!organisation || (type !== 'SSTI' && type !== 'SSTA')) {
      throw new AgreementRuleViolation(
        'AGREEMENT.NOT_A_SERVICE',
        'serviceId must name an occupational health service (SSTI or SSTA) of the directory',
        'serviceId',
        'L.4622-7 ff.: the agrément is given to an occupational health service',
      );
    }
    const profile = organisation.snapshot().service;
    return {
      serviceId: organisation.id,
      serviceName: organisation.name,
      serviceType: type,
      regions: [...organisation.regions],
      employeesFollowed: profile?.employeesFollowed ?? null,
      caisseId: type === 'SSTI' ? (profile?.caisseId ?? null) : null,
    };
  }
}
