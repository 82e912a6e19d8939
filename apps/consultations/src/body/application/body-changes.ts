import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { Body, Member } from '../domain/body.types';

/**
 * The audit entry of each change to a body or a member, in its transaction. No event: other services do not
 * need bodies; consultations carry what they say of them.
 */
@Injectable()
export class BodyChanges {
  constructor(
    private readonly recorder: ChangeRecorder,
    private readonly clock: Clock,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  today() {
    return calendarDateAt(this.clock.now());
  }

  body(manager: EntityManager, body: Body, summary: string): Promise<void> {
    return this.recorder.record(
      manager,
      { type: 'body', id: body.id, version: body.version, region: body.region },
      { action: 'body.create', versionBefore: null, summary, auditPayload: { ...body } },
    );
  }

  member(
    manager: EntityManager,
    body: Body,
    member: Member,
    change: {
      action: 'body.member_add' | 'body.member_update';
      versionBefore: number | null;
      summary: string;
    },
  ): Promise<void> {
    return this.recorder.record(
      manager,
      { type: 'body_member', id: member.id, version: member.version, region: body.region },
      { ...change, auditPayload: { ...member } },
    );
  }
}
