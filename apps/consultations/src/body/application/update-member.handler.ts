import { Injectable } from '@nestjs/common';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { DataSource } from 'typeorm';
import { BodyInvalidError, BodyNotFoundError, MemberNotFoundError } from '../domain/body.errors';
import { memberProblems } from '../domain/body.rule';
import type { Member } from '../domain/body.types';
import { BodyRepository } from '../infrastructure/body.repository';
import { BodyAuthority } from './body-authority';
import { BodyChanges } from './body-changes';

export type UpdateMemberCommand = Partial<Omit<Member, 'id' | 'bodyId' | 'version'>>;

/** Keeps a member up to date (mandate, declaration of interests): the fields sent replace the stored ones. */
@Injectable()
export class UpdateMemberHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly bodies: BodyRepository,
    private readonly authority: BodyAuthority,
    private readonly changes: BodyChanges,
  ) {}

  async execute(
    bodyId: string,
    memberId: string,
    expectedVersion: number,
    command: UpdateMemberCommand,
  ): Promise<Member> {
    return this.dataSource.transaction(async (manager) => {
      const body = await this.bodies.findById(bodyId, manager);
      if (!body) throw new BodyNotFoundError(bodyId);
      this.authority.assertMayKeepMembers(body);
      const stored = await this.bodies.findMember(bodyId, memberId, manager, true);
      if (!stored) throw new MemberNotFoundError(bodyId, memberId);
      assertVersionMatches(expectedVersion, stored.version);
      const member: Member = { ...stored, ...command, version: stored.version + 1 };
      const problems = memberProblems(member);
      if (problems.length > 0) throw new BodyInvalidError(problems);
      if (!(await this.bodies.updateMember(manager, member, stored.version, this.changes.now()))) {
        throw new PreconditionFailedError(expectedVersion, stored.version);
      }
      await this.changes.member(manager, body, member, {
        action: 'body.member_update',
        versionBefore: stored.version,
        summary: `${member.name} (${body.name}) updated: ${Object.keys(command).join(', ')}`,
      });
      return member;
    });
  }
}
