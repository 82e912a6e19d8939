import { Injectable } from '@nestjs/common';
import type { Agreement } from '../domain/agreement';
import type { InspectorOpinion } from '../domain/agreement.types';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';

/** The DIRECCTE records the médecin inspecteur du travail's opinion, which every decision needs first (D.4622-48). */
@Injectable()
export class RecordInspectorOpinionHandler {
  constructor(
    private readonly changes: AgreementChanges,
    private readonly authority: AgreementAuthority,
  ) {}

  execute(id: string, expectedVersion: number, opinion: InspectorOpinion): Promise<Agreement> {
    return this.changes.change(id, expectedVersion, async (agreement, { manager, today, versionBefore }) => {
      this.authority.assertDireccteOf(agreement);
      agreement.recordInspectorOpinion(opinion, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.inspector_opinion_recorded',
        event: agreementEvents.inspectorOpinionRecorded(agreement),
        versionBefore,
        summary: `MIT opinion: ${opinion.verdict}`,
      });
    });
  }
}
