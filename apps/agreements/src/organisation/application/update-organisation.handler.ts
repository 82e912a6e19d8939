import { Injectable } from '@nestjs/common';
import { AccessScope } from '@tripartite/auth';
import { currentContext } from '@tripartite/context';
import { DataSource, type EntityManager } from 'typeorm';
import { directoryKeeper } from '../domain/directory-keeper.rule';
import type { OrganisationChanges as Changes, Organisation } from '../domain/organisation';
import {
  OrganisationChangeForbiddenError,
  OrganisationNotFoundError,
  OrganisationOutOfScopeError,
  OrganisationProfileInvalidError,
  OrganisationVersionConflictError,
} from '../domain/organisation.errors';
import { organisationProfileProblems } from '../domain/organisation-profile.rule';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { CompetentCaisses } from './competent-caisses';
import { OrganisationChanges } from './organisation-changes';

/** A change of the directory as a client sends it: a service's profile may leave its Caisse out (kept or resolved). */
export type UpdateOrganisationCommand = Omit<Changes, 'service'> & {
  service?: (Omit<NonNullable<Changes['service']>, 'caisseId'> & { caisseId?: string | null }) | null;
};

/**
 * Changes an organisation of the directory, if nobody changed it since the caller read it (If-Match). The
 * DIRECCTE of its region keeps the register of organisations of that region only and never moves one to another
 * region (national steering and admin do); an organisation may keep its own contacts. A service's competent
 * Caisse is kept while it still covers the service, else resolved again.
 * The row, its audit entry and `organisation.updated` (the full new state) commit together.
 */
@Injectable()
export class UpdateOrganisationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly caisses: CompetentCaisses,
    private readonly changes: OrganisationChanges,
  ) {}

  async execute(
    id: string,
    expectedVersion: number,
    changes: UpdateOrganisationCommand,
  ): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.findById(id, manager);
      if (!organisation) throw new OrganisationNotFoundError(id);
      this.assertMayChange(organisation, changes);
      if (organisation.version !== expectedVersion)
        throw new OrganisationVersionConflictError(id, expectedVersion);
      const before = organisation.version;
      const current = organisation.snapshot();
      const regions = changes.regions ?? current.regions;
      const profile = changes.service === undefined ? current.service : changes.service;
      // The Caisse asked for is checked; else the current one is kept while it covers the service, else resolved again.
      const kept = current.service?.caisseId;
      const requested =
        changes.service?.caisseId ??
        (kept && (await this.stillCovers(manager, kept, regions)) ? kept : undefined);
      const service = await this.caisses.resolve(
        manager,
        { type: current.type, regions, service: profile ? { ...profile, caisseId: null } : null },
        requested,
      );
      const { service: _asked, ...rest } = changes;
      organisation.update({
        ...rest,
        ...(changes.service !== undefined || changes.regions ? { service } : {}),
      });
      const problems = organisationProfileProblems(organisation.snapshot());
      if (problems.length > 0) throw new OrganisationProfileInvalidError(problems);
      if (!(await this.organisations.update(manager, organisation, expectedVersion))) {
        throw new OrganisationVersionConflictError(id, expectedVersion);
      }
      await this.changes.record(manager, organisation, {
        kind: 'updated',
        versionBefore: before,
        summary: `${organisation.type} ${organisation.name} updated (${Object.keys(changes).join(', ')})`,
        changed: Object.keys(changes),
      });
      return organisation;
    });
  }

  /** An organisation keeps its own contacts; everything else is the register's keeper's. */
  private assertMayChange(organisation: Organisation, changes: UpdateOrganisationCommand): void {
    const actor = currentContext()?.actor;
    if (!actor) throw new OrganisationChangeForbiddenError();
    const ownContactsOnly =
      AccessScope.canActForOrganisation(actor, organisation.id) &&
      Object.keys(changes).every((field) => field === 'contacts');
    if (ownContactsOnly) return;
    if (!directoryKeeper.keepsTheRegister(actor)) throw new OrganisationChangeForbiddenError();
    if (!directoryKeeper.mayKeep(actor, organisation.regions)) {
      throw new OrganisationOutOfScopeError(
        `only a DIRECCTE agent of ${organisation.regions.join(', ')} (or national steering) changes this organisation`,
      );
    }
    if (
      changes.regions &&
      !sameRegions(changes.regions, organisation.regions) &&
      !directoryKeeper.mayChangeRegions(actor)
    ) {
      throw new OrganisationOutOfScopeError(
        'a DIRECCTE agent does not move an organisation to other regions: national steering or an admin does',
      );
    }
  }

  private async stillCovers(
    manager: EntityManager,
    caisseId: string,
    regions: readonly string[],
  ): Promise<boolean> {
    const covering = await this.organisations.caissesCovering(manager, regions);
    return covering.some((caisse) => caisse.id === caisseId);
  }
}

function sameRegions(a: readonly string[], b: readonly string[]): boolean {
  return [...new Set(a)].sort().join() === [...new Set(b)].sort().join();
}
