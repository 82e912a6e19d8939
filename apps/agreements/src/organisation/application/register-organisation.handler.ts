import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { currentContext } from '@tripartite/context';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { directoryKeeper } from '../domain/directory-keeper.rule';
import { Organisation } from '../domain/organisation';
import {
  OrganisationChangeForbiddenError,
  OrganisationOutOfScopeError,
  OrganisationProfileInvalidError,
} from '../domain/organisation.errors';
import type { OrganisationSnapshot } from '../domain/organisation.types';
import { organisationProfileProblems } from '../domain/organisation-profile.rule';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { CompetentCaisses } from './competent-caisses';
import { OrganisationChanges } from './organisation-changes';

/** What a client registers: a service's profile may leave its competent Caisse out (set when only one covers it). */
export type RegisterOrganisationCommand = Omit<OrganisationSnapshot, 'organisationId' | 'service'> & {
  service:
    | (Omit<NonNullable<OrganisationSnapshot['service']>, 'caisseId'> & { caisseId?: string | null })
    | null;
};

/**
 * Enters an organisation in the directory. A DIRECCTE agent registers organisations of its own region only;
 * one covering other regions is registered by national steering or an admin. The row, its audit entry and
 * `organisation.registered` commit together: other services learn of it from the event, never from this table.
 */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly caisses: CompetentCaisses,
    private readonly changes: OrganisationChanges,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterOrganisationCommand): Promise<Organisation> {
    const actor = currentContext()?.actor;
    if (!actor || !directoryKeeper.keepsTheRegister(actor)) throw new OrganisationChangeForbiddenError();
    if (!directoryKeeper.mayKeep(actor, command.regions)) {
      throw new OrganisationOutOfScopeError(
        `a DIRECCTE agent registers organisations of its own region only (${command.regions.join(', ')} asked); ` +
          'national steering or an admin registers one covering other regions',
      );
    }
    const problems = organisationProfileProblems(command);
    if (problems.length > 0) throw new OrganisationProfileInvalidError(problems);
    return this.dataSource.transaction(async (manager) => {
      const service = await this.caisses.resolve(
        manager,
        { ...command, service: command.service ? { ...command.service, caisseId: null } : null },
        command.service?.caisseId,
      );
      const organisation = Organisation.register(uuidv7(), { ...command, service });
      await this.organisations.insert(manager, organisation, this.clock.now());
      await this.changes.record(manager, organisation, {
        kind: 'registered',
        versionBefore: null,
        summary: `${organisation.type} ${command.name} registered`,
      });
      return organisation;
    });
  }
}
