import { Injectable } from '@nestjs/common';
import { BodyRepository } from '../../body/infrastructure/body.repository';
import { type Consultation, type OpinionInput, opinionsToAdopt } from '../domain/consultation';
import { AdoptionBeforeOpinionError } from '../domain/consultation.errors';
import { consultationEvents } from '../domain/consultation-events';
import { ConsultationChanges } from './consultation-changes';
import { ConsultationCompletion } from './consultation-completion';
import { ConsultationDeadlines } from './consultation-deadlines';
import { Recusals } from './recusals';

/**
 * Records a body's opinion (`consultation.opinion_delivered`), cancels its reminders and, when it is the last
 * of the plan on that CPOM version, publishes `consultation.completed`. A recused member among those who sat is
 * refused (D.4622-44) unless a written justification overrides it; the override is in the audit entry.
 */
@Injectable()
export class DeliverOpinionHandler {
  constructor(
    private readonly changes: ConsultationChanges,
    private readonly bodies: BodyRepository,
    private readonly recusals: Recusals,
    private readonly deadlines: ConsultationDeadlines,
    private readonly completion: ConsultationCompletion,
  ) {}

  execute(id: string, expectedVersion: number, input: OpinionInput): Promise<Consultation> {
    return this.changes.change(id, expectedVersion, async (c, { manager, today, versionBefore }) => {
      const waiting = opinionsToAdopt(c, await this.completion.siblings(manager, c));
      if (waiting.length > 0) {
        throw new AdoptionBeforeOpinionError(waiting.map((w) => ({ id: w.id, bodyName: w.state.bodyName })));
      }
      const members = c.isCollege ? await this.bodies.members(c.state.bodyId, manager) : [];
      // D.4622-44 on the session day, by the declarations as they stand now.
      const sessionOn = c.state.session?.sessionOn;
      const recused = sessionOn ? await this.recusals.onSessionDay(manager, c, members, sessionOn) : [];
      c.deliverOpinion(input, members, today, recused);
      await this.deadlines.cancel(manager, c);
      const opinion = c.state.opinion;
      await this.changes.record(manager, c, {
        action: 'consultation.opinion_delivered',
        versionBefore,
        summary:
          `${c.state.bodyName}: ${input.outcome} opinion on version ${c.state.contractVersion}` +
          (opinion?.override
            ? ` — recused member(s) sat on override: ${opinion.override.justification}`
            : ''),
        event: consultationEvents.opinionDelivered(c),
        auditPayload: { ...opinion },
      });
      await this.completion.completeIfAllIn(manager, c);
    });
  }
}
