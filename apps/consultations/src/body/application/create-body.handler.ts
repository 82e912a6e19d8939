import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DirectoryRepository } from '../../directory/infrastructure/directory.repository';
import { BodyInvalidError } from '../domain/body.errors';
import { bodyProblems } from '../domain/body.rule';
import type { Body } from '../domain/body.types';
import { BodyRepository } from '../infrastructure/body.repository';
import { BodyAuthority } from './body-authority';
import { BodyChanges } from './body-changes';

export type CreateBodyCommand = Omit<Body, 'id' | 'version'>;

/** The DIRECCTE of the region records a consulted body, with the organisation that answers for it. */
@Injectable()
export class CreateBodyHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bodies: BodyRepository,
    private readonly directory: DirectoryRepository,
    private readonly authority: BodyAuthority,
    private readonly changes: BodyChanges,
  ) {}

  async execute(command: CreateBodyCommand): Promise<Body> {
    this.authority.assertMayKeepBodies(command.region);
    return this.dataSource.transaction(async (manager) => {
      const organisation = await this.directory.findOrganisation(command.organisationId, manager);
      const problems = bodyProblems(command, organisation);
      if (problems.length > 0) throw new BodyInvalidError(problems);
      const body: Body = { id: uuidv7(), ...command, version: 1 };
      await this.bodies.insert(manager, body, this.changes.now());
      await this.changes.body(manager, body, `${body.name} (${body.kind}, region ${body.region}) recorded`);
      return body;
    });
  }
}
