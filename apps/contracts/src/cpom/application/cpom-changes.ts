import { Injectable } from '@nestjs/common';
import type { PlatformEvent } from '@tripartite/events';
import { assertVersionMatches, PreconditionFailedError } from '@tripartite/http';
import { ChangeRecorder } from '@tripartite/platform';
import type { EntityManager } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import { CpomNotFoundError, CpomRuleViolation } from '../domain/cpom.errors';
import { CpomRepository } from '../infrastructure/cpom.repository';

export interface CpomChange {
  action: string;
  summary: string;
  event?: PlatformEvent;
}

/**
 * The frame of every command on an existing CPOM: lock it, check the text signed is still the text hashed
 * (tamper evidence), the version the caller read (If-Match), then save and record the event and the audit
 * entry in the same transaction. Any refusal leaves nothing written.
 */
@Injectable()
export class CpomChanges {
  constructor(
    private readonly cpoms: CpomRepository,
    private readonly recorder: ChangeRecorder,
  ) {}

  /** Loads and locks the CPOM for a change; `expectedVersion` null for changes driven by events. */
  async load(manager: EntityManager, id: string, expectedVersion: number | null): Promise<Cpom> {
    const cpom = await this.cpoms.findById(id, manager, true);
    if (!cpom) throw new CpomNotFoundError(id);
    assertIntact(cpom);
    if (expectedVersion !== null) assertVersionMatches(expectedVersion, cpom.version);
    return cpom;
  }

  /** Saves the changed CPOM and records its event (if any) and audit entry. */
  async save(
    manager: EntityManager,
    cpom: Cpom,
    versionBefore: number,
    change: CpomChange,
    now: Date,
  ): Promise<void> {
    if (!(await this.cpoms.save(manager, cpom, versionBefore, now))) {
      throw new PreconditionFailedError(versionBefore, cpom.version);
    }
    await this.record(manager, cpom, versionBefore, change);
  }

  record(
    manager: EntityManager,
    cpom: Cpom,
    versionBefore: number | null,
    change: CpomChange,
  ): Promise<void> {
    return this.recorder.record(
      manager,
      { type: 'cpom', id: cpom.id, version: cpom.version, region: cpom.state.parties.regions[0] ?? null },
      {
        action: change.action,
        versionBefore,
        summary: change.summary,
        event: change.event,
        auditPayload: { status: cpom.status, contentVersion: cpom.state.contentVersion },
      },
    );
  }
}

/** A signed text that no longer hashes to its SHA-256 was changed outside the platform: nothing acts on it. */
export function assertIntact(cpom: Cpom): void {
  const tampered = cpom.tamperedVersions();
  if (tampered.length > 0) {
    throw new CpomRuleViolation(
      'CPOM.TAMPERED',
      `signed version(s) ${tampered.join(', ')} no longer match their SHA-256`,
      null,
      'texte signé figé, contrôlé par son empreinte SHA-256 (règle de la plateforme)',
      undefined,
      { tamperedVersions: tampered },
    );
  }
}
