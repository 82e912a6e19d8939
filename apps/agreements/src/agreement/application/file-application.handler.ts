import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { v7 as uuidv7 } from 'uuid';
import { Agreement } from '../domain/agreement';
import { AgreementRuleViolation, PLATFORM_RULE } from '../domain/agreement.errors';
import type { ApplicationKind } from '../domain/agreement.types';
import { AgreementDeadlineKind } from '../domain/agreement-deadlines';
import { agreementEvents } from '../domain/agreement-events';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementAuthority } from './agreement-authority';
import { AgreementChanges } from './agreement-changes';
import { AgreementDeadlines } from './agreement-deadlines';

export interface FileApplicationCommand {
  serviceId: string;
  application: ApplicationKind;
  filedOn: CalendarDate;
}

/**
 * A service files its application, first or renewal (a DIRECCTE agent may enter it on its behalf). It counts
 * as complete on filing (ADR 0009): the four months of R.4622-52 start, with their warnings.
 */
@Injectable()
export class FileApplicationHandler {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly authority: AgreementAuthority,
    private readonly changes: AgreementChanges,
    private readonly deadlines: AgreementDeadlines,
  ) {}

  execute(command: FileApplicationCommand): Promise<Agreement> {
    return this.changes.create(command.serviceId, async (service, manager) => {
      this.authority.assertMaySpeakForService(service.serviceId, service.regions);
      const today = this.changes.today();
      const history = await this.agreements.grantedHistory(manager, service.serviceId);
      const current = history.find((a) => a.status === 'granted' && (a.state.validUntil as string) >= today);
      if (command.application === 'first' && current) {
        throw new AgreementRuleViolation(
          'AGREEMENT.ALREADY_IN_FORCE',
          `the service already holds agrément ${current.id} (until ${current.state.validUntil}): file a renewal`,
          'application',
          `at most one agrément in force per service at any date (${PLATFORM_RULE})`,
        );
      }
      const renewable = history.find((a) => a.status === 'granted' || a.status === 'expired');
      const previous = renewable?.state.validUntil
        ? { id: renewable.id, validUntil: renewable.state.validUntil }
        : null;
      const agreement = Agreement.file(uuidv7(), {
        service,
        application: command.application,
        filedOn: command.filedOn,
        previous,
        today,
      });
      await this.changes.insert(manager, agreement, {
        action: 'agreement.requested',
        event: agreementEvents.requested(agreement),
        summary: `${command.application} application of ${service.serviceName}${agreement.state.lateRenewal ? ' (late renewal)' : ''}`,
      });
      await this.deadlines.forApplication(manager, agreement, today);
      // The renewal is filed: reminders to file it would only confuse.
      if (agreement.state.previousAgreementId) {
        await this.deadlines.cancel(manager, agreement.state.previousAgreementId, [
          AgreementDeadlineKind.renewalReminder,
        ]);
      }
      return agreement;
    });
  }
}
