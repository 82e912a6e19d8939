import { Injectable } from '@nestjs/common';
import { AccessScope, ScopeEnforcer } from '@tripartite/auth';
import { currentContext } from '@tripartite/context';
import { DataSource } from 'typeorm';
import type { Organisation, OrganisationChanges } from '../domain/organisation';
import {
  OrganisationChangeForbiddenError,
  OrganisationNotFoundError,
  OrganisationProfileInvalidError,
  OrganisationVersionConflictError,
} from '../domain/organisation.errors';
import { organisationProfileProblems } from '../domain/organisation-profile.rule';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { OrganisationChangeRecorder } from '../infrastructure/organisation-change.recorder';

/**
 * Changes an organisation of the directory, if nobody changed it since the caller read it (If-Match). The
 * DIRECCTE of its regions keeps the register; an organisation may keep its own contacts.
 * The row, its audit entry and `organisation.updated` (the full new state) commit together.
 */
@Injectable()
export class UpdateOrganisationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly changes: OrganisationChangeRecorder,
    private readonly scope: ScopeEnforcer,
  ) {}

  async execute(id: string, expectedVersion: number, changes: OrganisationChanges): Promise<Organisation> {
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.organisations.findById(id, manager);
      if (!organisation) throw new OrganisationNotFoundError(id);
      // An organisation keeps its own contacts; everything else is the register's keeper's (the DIRECCTE).
      const actor = currentContext()?.actor;
      const ownContactsOnly =
        actor !== undefined &&
        AccessScope.canActForOrganisation(actor, id) &&
        Object.keys(changes).every((field) => field === 'contacts');
      if (!ownContactsOnly) {
        if (!actor?.roles.some((role) => role === 'admin' || role === 'direccte')) {
          throw new OrganisationChangeForbiddenError();
        }
        this.scope.assertCanActInRegion(organisation.regions);
        if (changes.regions) this.scope.assertCanActInRegion(changes.regions);
      }
      if (organisation.version !== expectedVersion)
        throw new OrganisationVersionConflictError(id, expectedVersion);
      const before = organisation.version;
      organisation.update(changes);
      const problems = organisationProfileProblems(organisation.snapshot());
      if (problems.length > 0) throw new OrganisationProfileInvalidError(problems);
      if (!(await this.organisations.update(manager, organisation, expectedVersion))) {
        throw new OrganisationVersionConflictError(id, expectedVersion);
      }
      await this.changes.record(manager, organisation, {
        kind: 'update',
        versionBefore: before,
        summary: `${organisation.type} ${organisation.name} updated (${Object.keys(changes).join(', ')})`,
        payload: { changed: Object.keys(changes) },
      });
      return organisation;
    });
  }
}
