import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { DataSource } from 'typeorm';
import type { Cpom } from '../domain/cpom';
import type { CpomContent } from '../domain/cpom.types';
import { CpomAccess } from './cpom-access';
import { CpomChanges } from './cpom-changes';

export type DraftCpomAmendmentCommand = Partial<CpomContent> & { summary: string };

/**
 * A party drafts an amendment (avenant) on the current version of a CPOM in force (D.4622-47): the parts it
 * names replace those of the current text; the rest stays. Nothing changes in force until the three sign.
 */
@Injectable()
export class DraftCpomAmendmentHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly changes: CpomChanges,
    private readonly access: CpomAccess,
    private readonly clock: Clock,
  ) {}

  async execute(id: string, expectedVersion: number, command: DraftCpomAmendmentCommand): Promise<Cpom> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const cpom = await this.changes.load(manager, id, expectedVersion);
      this.access.assertCanWrite(cpom.state.parties);
      const versionBefore = cpom.version;
      const { summary, ...parts } = command;
      const amendment = cpom.draftAmendment(
        { ...structuredClone(cpom.content), ...parts },
        summary,
        calendarDateAt(now),
      );
      await this.changes.save(
        manager,
        cpom,
        versionBefore,
        { action: 'cpom.amendment_drafted', summary: `amendment ${amendment.number} drafted: ${summary}` },
        now,
      );
      return cpom;
    });
  }
}
