import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import { PartnershipProtocolReader } from '../../partnership-protocol/application/partnership-protocol.reader';
import type { Cpom } from '../domain/cpom';
import type { CpomWarning } from '../domain/cpom-completeness.rule';
import { cpomEvents } from '../domain/cpom-events';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomParties } from './cpom-parties';
import { CpomPeriods } from './cpom-periods';

/**
 * A party submits the complete draft for the opinions of the consulted bodies (L.4622-10, D.4622-44):
 * `contract.submitted` tells the consultations service which version; warnings come back without blocking.
 */
@Injectable()
export class SubmitCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly parties: CpomParties,
    private readonly periods: CpomPeriods,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly protocols: PartnershipProtocolReader,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number): Promise<{ cpom: Cpom; warnings: CpomWarning[] }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      const { service } = await this.parties.resolve(manager, cpom.state.parties);
      const today = calendarDateAt(now);
      // The conventions the service and its Caisse concluded that are still running: the CPOM should annex them.
      const conventions = (await this.protocols.concludedFor(cpom.state.parties.serviceId, manager))
        .filter((p) => p.caisseId === cpom.state.parties.caisseId && p.endedOn === null)
        .map((p) => ({ reference: p.protocolId, title: p.title }));
      const warnings = cpom.submit(today, service, conventions);
      await this.periods.assertNoOverlap(manager, cpom);
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        {
          action: 'contract.submitted',
          summary: `CPOM version ${cpom.state.contentVersion} submitted for opinions`,
          event: cpomEvents.submitted(cpom),
        },
        now,
      );
      return { cpom, warnings };
    });
  }
}
