import { Injectable } from '@nestjs/common';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { DataSource } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { BodyInvalidError, BodyNotFoundError } from '../domain/body.errors';
import { memberProblems } from '../domain/body.rule';
import type { Member } from '../domain/body.types';
import { BodyRepository } from '../infrastructure/body.repository';
import { BodyAuthority } from './body-authority';
import { BodyChanges } from './body-changes';

export type AddMemberCommand = Omit<Member, 'id' | 'bodyId' | 'version'>;

/**
 * The secretariat (or the DIRECCTE of the region) adds a member with their declaration of interests: a change of
 * the body (its composition), so it names the body's version it applies to (If-Match).
 */
@Injectable()
export class AddMemberHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bodies: BodyRepository,
    private readonly authority: BodyAuthority,
    private readonly changes: BodyChanges,
  ) {}

  async execute(bodyId: string, expectedVersion: number, command: AddMemberCommand): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const body = await this.bodies.findById(bodyId, manager);
      if (!body) throw new BodyNotFoundError(bodyId);
      this.authority.assertMayKeepMembers(body);
      assertVersionMatches(expectedVersion, body.version);
      const problems = memberProblems(command);
      if (problems.length > 0) throw new BodyInvalidError(problems);
      const member: Member = { id: uuidv7(), bodyId, ...command, version: 1 };
      const changed = { ...body, version: body.version + 1 };
      if (!(await this.bodies.bumpVersion(manager, changed, expectedVersion, this.changes.now()))) {
        throw new PreconditionFailedError(expectedVersion, body.version);
      }
      await this.bodies.insertMember(manager, member, this.changes.now());
      await this.changes.member(manager, body, member, {
        action: 'body.member_add',
        versionBefore: null,
        summary: `${member.name} joined ${body.name} (${member.college})`,
      });
      return member;
    });
  }
}
