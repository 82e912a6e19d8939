import { Injectable } from '@nestjs/common';
import { AuditTrail } from '@tripartite/audit';
import { AccessScope, ScopeEnforcer } from '@tripartite/auth';
import { currentContext } from '@tripartite/context';
import { organisationUpdated } from '@tripartite/events';
import { OutboxWriter } from '@tripartite/messaging';
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
    private readonly outbox: OutboxWriter,
    private readonly audit: AuditTrail,
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
      await this.outbox.append(manager, {
        type: organisationUpdated.type,
        aggregateId: organisation.id,
        aggregateVersion: organisation.version,
        region: organisation.regions[0] ?? null,
        payload: organisation.snapshot(),
      });
      await this.audit.record(manager, {
        action: 'organisation.update',
        aggregateType: 'organisation',
        aggregateId: organisation.id,
        versionBefore: before,
        versionAfter: organisation.version,
        summary: `${organisation.type} ${organisation.name} updated (${Object.keys(changes).join(', ')})`,
        payload: { changed: Object.keys(changes) },
      });
      return organisation;
    });
  }
}
