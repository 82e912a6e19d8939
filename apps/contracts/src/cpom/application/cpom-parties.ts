import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ServiceDirectory } from '../../directory/application/service-directory';
import type { DirectoryOrganisation } from '../../directory/domain/directory-organisation';
import { CpomRuleViolation } from '../domain/cpom.errors';
import { partyProblems } from '../domain/cpom-parties.rule';

/** The three parties as the directory knows them, checked against L.4622-10. */
@Injectable()
export class CpomParties {
  constructor(private readonly directory: ServiceDirectory) {}

  async resolve(
    manager: EntityManager,
    ids: { serviceId: string; direccteId: string; caisseId: string },
  ): Promise<{
    service: DirectoryOrganisation;
    direccte: DirectoryOrganisation;
    caisse: DirectoryOrganisation;
  }> {
    const found = await this.directory.organisations([ids.serviceId, ids.direccteId, ids.caisseId], manager);
    const byId = (id: string) => found.find((organisation) => organisation.id === id) ?? null;
    const parties = {
      service: byId(ids.serviceId),
      direccte: byId(ids.direccteId),
      caisse: byId(ids.caisseId),
    };
    const problems = partyProblems(parties);
    if (problems.length > 0 || !parties.service || !parties.direccte || !parties.caisse) {
      const [first] = problems;
      throw new CpomRuleViolation('CPOM.PARTIES_INVALID', first.message, first.field, first.rule, problems);
    }
    return { service: parties.service, direccte: parties.direccte, caisse: parties.caisse };
  }

  service(manager: EntityManager, serviceId: string): Promise<DirectoryOrganisation | null> {
    return this.directory.organisation(serviceId, manager);
  }
}
