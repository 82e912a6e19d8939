import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from '@tripartite/clock';
import { PLATFORM_CONFIG } from '@tripartite/config';
import type { EventEnvelope } from '@tripartite/events';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { DirectoryView } from '../../directory/domain/directory-view';
import { ContractPartiesRepository } from '../../directory/infrastructure/contract-parties.repository';
import { DirectoryRepository } from '../../directory/infrastructure/directory.repository';
import type { NotificationsConfig } from '../../notifications.config';
import type { TemplateDataOf, TemplateKey } from '../../templates/template-catalogue';
import { ruleFor } from '../domain/notification-rules';
import {
  NATIONAL_TYPES,
  organisationIdsOf,
  partyNamesOf,
  resolveParties,
  subjectOf,
} from '../domain/parties.rule';
import { recipientsAmong } from '../domain/recipients.rule';
import { DeliveriesAfterCommit } from '../infrastructure/deliveries-after-commit.subscriber';
import { DeliveryRepository } from '../infrastructure/delivery.repository';
import { TemplateRenderer } from '../infrastructure/handlebars-template.renderer';

export type RecordOutcome =
  | { kind: 'recorded'; deliveryIds: string[] }
  | {
      kind: 'skipped';
      reason: 'no rule for this event' | 'already decided' | 'no recipient accepts notifications';
    };

/**
 * Decides and renders, never sends: for an event, finds its rule, the parties concerned (from the
 * directory and the contract parties projections), their contacts who accept notifications, renders the
 * message of each and records one delivery per (event, recipient) in the consumer's transaction. The
 * sends are queued after the commit.
 * An event is decided on once (`notified_events`): replayed after the inbox forgot it (to rebuild the
 * directory), it is not decided again with today's contacts. Should it be anyway, the unique
 * (event, recipient) pair still keeps anyone from receiving it twice. The decision keeps the parties of
 * the rule that reached nobody, and why (an SSTA's agrément tells no Caisse, a competent Caisse unknown).
 */
@Injectable()
export class RecordDeliveriesHandler {
  private readonly logger = new Logger(RecordDeliveriesHandler.name);

  constructor(
    @Inject(PLATFORM_CONFIG) private readonly config: NotificationsConfig,
    private readonly directory: DirectoryRepository,
    private readonly contracts: ContractPartiesRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly renderer: TemplateRenderer,
    private readonly afterCommit: DeliveriesAfterCommit,
    private readonly clock: Clock,
  ) {}

  async record(manager: EntityManager, event: EventEnvelope): Promise<RecordOutcome> {
    const rule = ruleFor(event.type);
    if (!rule) return { kind: 'skipped', reason: 'no rule for this event' };
    // The event was validated against its schema by the transport; the rule is typed for it.
    const typed = event as never;
    const now = this.clock.now();
    if (!(await this.deliveries.claimDecision(manager, event.id, event.type, now))) {
      return { kind: 'skipped', reason: 'already decided' };
    }

    const subject = subjectOf(event.payload, event.region);
    const contract = subject.contractId ? await this.contracts.find(manager, subject.contractId) : null;
    const view = new DirectoryView(
      await this.directory.findConcerned(manager, {
        ids: organisationIdsOf(subject, contract),
        regions: subject.regions,
        types: NATIONAL_TYPES,
      }),
    );
    const { organisations, untold } = resolveParties(rule.to, subject, view, contract);
    for (const { party, reason } of untold)
      this.logger.log(`${event.type} ${event.id}: no ${party} told: ${reason}`);
    const recipients = recipientsAmong(organisations);
    if (recipients.length === 0) {
      await this.deliveries.completeDecision(manager, event.id, 0, untold);
      return { kind: 'skipped', reason: 'no recipient accepts notifications' };
    }

    const link = `${this.config.PUBLIC_BASE_URL}${rule.link(typed)}`;
    const data = rule.data(typed, partyNamesOf(subject, view, contract));
    const inserted = await this.deliveries.insertNew(
      manager,
      recipients.map((recipient) => {
        const message = this.renderer.render(
          rule.template,
          {
            ...data,
            recipient: { name: recipient.name, organisation: recipient.organisationName },
            link,
          } as TemplateDataOf<TemplateKey>,
          now,
        );
        return {
          id: uuidv7(),
          eventId: event.id,
          eventType: event.type,
          template: rule.template,
          recipientEmail: recipient.email,
          recipientName: recipient.name,
          recipientOrganisationId: recipient.organisationId,
          ...message,
          correlationId: event.correlationId,
          createdAt: now,
        };
      }),
    );
    await this.deliveries.completeDecision(manager, event.id, inserted.length, untold);
    if (inserted.length > 0) this.afterCommit.note(manager, inserted);
    return { kind: 'recorded', deliveryIds: inserted };
  }
}
