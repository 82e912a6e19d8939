import { Injectable } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import type { CpomContent } from '../domain/cpom.types';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';
import { CpomPeriods } from './cpom-periods';

/** The parts of the contents a PATCH replaces (each one whole). */
export type ReviseCpomCommand = Partial<CpomContent>;

/** A party edits the draft (after submission, contents change only through an amendment; issue 11). */
@Injectable()
export class ReviseCpomHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly periods: CpomPeriods,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, command: ReviseCpomCommand): Promise<Cpom> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      cpom.revise({ ...structuredClone(cpom.content), ...command });
      await this.periods.assertNoOverlap(manager, cpom);
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        { action: 'cpom.revised', summary: `CPOM draft changed (${Object.keys(command).join(', ')})` },
        now,
      );
      return cpom;
    });
  }
}
