import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Organisation } from '../domain/organisation';
import { OrganisationProfileInvalidError } from '../domain/organisation.errors';
import type { OrganisationSnapshot } from '../domain/organisation.types';
import { organisationProfileProblems } from '../domain/organisation-profile.rule';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import { OrganisationChangeRecorder } from '../infrastructure/organisation-change.recorder';

export type RegisterOrganisationCommand = Omit<OrganisationSnapshot, 'organisationId'>;

/**
 * Enters an organisation in the directory. The row, its audit entry and `organisation.registered`
 * commit together: other services learn of it from the event, never from this table.
 */
@Injectable()
export class RegisterOrganisationHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly changes: OrganisationChangeRecorder,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async execute(command: RegisterOrganisationCommand): Promise<Organisation> {
    // A DIRECCTE keeps the register of its own region only; a Caisse covering two regions needs both.
    this.scope.assertCanActInRegion(command.regions);
    const problems = organisationProfileProblems(command);
    if (problems.length > 0) throw new OrganisationProfileInvalidError(problems);
    const organisation = Organisation.register(uuidv7(), command);
    await this.dataSource.transaction(async (manager) => {
      await this.organisations.insert(manager, organisation, this.clock.now());
      await this.changes.record(manager, organisation, {
        kind: 'register',
        versionBefore: null,
        summary: `${organisation.type} ${command.name} registered`,
      });
    });
    return organisation;
  }
}
