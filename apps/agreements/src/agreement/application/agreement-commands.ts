import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { currentContext } from '@tripartite/context';
import { assertVersionMatches } from '@tripartite/http';
import { DataSource, type EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { OrganisationRepository } from '../../organisation/infrastructure/organisation.repository';
import { Agreement, type GrantCommand, type SanctionCommand } from '../domain/agreement';
import { AgreementNotFoundError, AgreementRuleViolation, badDate } from '../domain/agreement.errors';
import type { ApplicationKind, ComplianceGrounds, InspectorOpinion } from '../domain/agreement.types';
import {
  AgreementDeadlineKind,
  DECISION_KINDS,
  NOTICE_KINDS,
  TERM_KINDS,
} from '../domain/agreement-deadlines';
import { agreementPayloads } from '../domain/agreement-event-payloads';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import { AgreementChangeRecorder } from '../infrastructure/agreement-change.recorder';
import { AgreementDeadlines } from './agreement-deadlines';

export type DecisionCommand = GrantCommand | { outcome: 'refused'; decidedOn: CalendarDate; reasons: string };

/** Services that hold an agrément: inter-company (SSTI) and company (SSTA) services. */
const AGREED_TYPES = new Set(['SSTI', 'SSTA']);

/**
 * The agrément's commands. Each runs in one transaction that locks the agrément, checks scope and
 * version, applies one domain method, and writes the row, its event, its audit entry and its
 * deadlines together: a refused command writes nothing.
 */
@Injectable()
export class AgreementCommands {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agreements: AgreementRepository,
    private readonly organisations: OrganisationRepository,
    private readonly changes: AgreementChangeRecorder,
    private readonly deadlines: AgreementDeadlines,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  /** A service files its application (a DIRECCTE agent may enter it on its behalf). */
  file(command: {
    serviceId: string;
    application: ApplicationKind;
    filedOn: CalendarDate;
  }): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const service = await this.organisations.findById(command.serviceId, manager);
      if (!service || !AGREED_TYPES.has(service.type)) {
        throw new AgreementRuleViolation(
          'AGREEMENT.NOT_A_SERVICE',
          422,
          'serviceId must name an occupational health service (SSTI or SSTA) of the directory',
          'serviceId',
          'L.4622-7 ff.: the agrément is given to an occupational health service',
        );
      }
      this.assertMaySpeakForService(service.id, service.regions);
      await this.agreements.lockService(manager, service.id);
      const today = this.today();
      const history = await this.agreements.grantedHistory(manager, service.id);
      const current = history.find((a) => a.status === 'granted' && (a.state.validUntil as string) >= today);
      if (command.application === 'first' && current) {
        throw new AgreementRuleViolation(
          'AGREEMENT.ALREADY_IN_FORCE',
          409,
          `the service already holds agrément ${current.id} (until ${current.state.validUntil}): file a renewal`,
          'application',
          'at most one agrément in force per service at any date',
        );
      }
      const renewable = history.find((a) => a.status === 'granted' || a.status === 'expired');
      const previous = renewable?.state.validUntil
        ? { id: renewable.id, validUntil: renewable.state.validUntil }
        : null;
      const agreement = Agreement.file(uuidv7(), {
        service: {
          serviceId: service.id,
          serviceName: service.name,
          regions: [...service.regions],
          employeesFollowed: service.snapshot().service?.employeesFollowed ?? null,
        },
        application: command.application,
        filedOn: command.filedOn,
        previous,
        today,
      });
      await this.agreements.insert(manager, agreement, this.clock.now());
      await this.changes.record(manager, agreement, {
        action: 'agreement.requested',
        event: { type: 'agreement.requested', payload: agreementPayloads.requested(agreement) },
        versionBefore: null,
        summary: `${command.application} application of ${service.name}${agreement.state.lateRenewal ? ' (late renewal)' : ''}`,
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

  recordInspectorOpinion(id: string, expectedVersion: number | undefined, opinion: InspectorOpinion) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      agreement.recordInspectorOpinion(opinion, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.inspector_opinion_recorded',
        event: {
          type: 'agreement.inspector_opinion_recorded',
          payload: agreementPayloads.inspectorOpinionRecorded(agreement),
        },
        versionBefore,
        summary: `MIT opinion: ${opinion.verdict}`,
      });
    });
  }

  decide(id: string, expectedVersion: number | undefined, command: DecisionCommand) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      if (command.outcome === 'refused') {
        agreement.refuse(command.decidedOn, command.reasons, today);
        await this.changes.record(manager, agreement, {
          action: 'agreement.refused',
          event: { type: 'agreement.refused', payload: agreementPayloads.refused(agreement) },
          versionBefore,
          summary: 'application refused',
        });
        await this.deadlines.cancel(manager, agreement.id, DECISION_KINDS);
        return;
      }
      await this.agreements.lockService(manager, agreement.state.serviceId);
      const history = await this.agreements.grantedHistory(manager, agreement.state.serviceId);
      agreement.grant(command, { previousWasConditional: history[0]?.state.conditional ?? false, today });
      await this.takeOverFromRenewed(manager, agreement, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.granted',
        event: { type: 'agreement.granted', payload: agreementPayloads.granted(agreement) },
        versionBefore,
        summary: `${command.outcome} from ${agreement.state.validFrom} through ${agreement.state.validUntil}`,
      });
      await this.deadlines.cancel(manager, agreement.id, DECISION_KINDS);
      await this.deadlines.forTerm(manager, agreement, today);
    });
  }

  issueComplianceNotice(
    id: string,
    expectedVersion: number | undefined,
    command: { grounds: ComplianceGrounds; noticeOn: CalendarDate; deadlineOn: CalendarDate; text: string },
  ) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      const notice = agreement.issueNotice({ id: uuidv7(), ...command }, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.compliance_notice_issued',
        event: {
          type: 'agreement.compliance_notice_issued',
          payload: {
            ...agreementPayloads.notice(agreement, notice),
            noticeOn: notice.noticeOn,
            text: notice.text,
          },
        },
        versionBefore,
        summary: `compliance notice (${notice.grounds}) until ${notice.deadlineOn}`,
      });
      await this.deadlines.forNotice(manager, agreement, notice, today);
    });
  }

  recordComplianceMet(
    id: string,
    expectedVersion: number | undefined,
    noticeId: string,
    metOn: CalendarDate,
  ) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      const notice = agreement.meetNotice(noticeId, metOn, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.compliance_notice_met',
        event: {
          type: 'agreement.compliance_notice_met',
          payload: { ...agreementPayloads.notice(agreement, notice), metOn },
        },
        versionBefore,
        summary: `compliance notice ${notice.id} met on ${metOn}`,
      });
      await this.deadlines.cancel(manager, agreement.id, NOTICE_KINDS);
    });
  }

  withdraw(id: string, expectedVersion: number | undefined, command: SanctionCommand) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      agreement.withdraw(command, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.withdrawn',
        event: { type: 'agreement.withdrawn', payload: agreementPayloads.withdrawn(agreement) },
        versionBefore,
        summary: `withdrawn from ${command.decidedOn} (${command.grounds})`,
      });
      // Nothing is left to remind of or to expire.
      await this.deadlines.cancel(manager, agreement.id, [...TERM_KINDS, ...NOTICE_KINDS]);
    });
  }

  shorten(
    id: string,
    expectedVersion: number | undefined,
    command: SanctionCommand & { validUntil: CalendarDate },
  ) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertDirecction(agreement);
      agreement.shorten(command, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.shortened',
        event: { type: 'agreement.shortened', payload: agreementPayloads.shortened(agreement) },
        versionBefore,
        summary: `shortened to ${command.validUntil} (${command.grounds})`,
      });
      await this.deadlines.cancel(manager, agreement.id, TERM_KINDS);
      await this.deadlines.forTerm(manager, agreement, today);
    });
  }

  recordMembersInformed(
    id: string,
    expectedVersion: number | undefined,
    informedOn: CalendarDate,
    text: string | null,
  ) {
    return this.change(id, expectedVersion, async (agreement, manager, today, versionBefore) => {
      this.assertMaySpeakForService(agreement.state.serviceId, agreement.state.regions);
      agreement.recordMembersInformed(informedOn, text, today);
      await this.changes.record(manager, agreement, {
        action: 'agreement.member_companies_informed',
        versionBefore,
        summary: `member companies informed on ${informedOn}`,
      });
    });
  }

  /**
   * A renewal takes over from its start date: the renewed agrément ends the day before, its expiry
   * moves there and its renewal reminders stop. Written before the renewal's own row, so the
   * no-overlap constraint sees the periods side by side.
   */
  async takeOverFromRenewed(manager: EntityManager, renewal: Agreement, today: CalendarDate): Promise<void> {
    const previousId = renewal.state.previousAgreementId;
    if (!previousId) return;
    const previous = await this.agreements.findById(previousId, manager, true);
    if (previous?.status !== 'granted') return;
    const validFrom = renewal.state.validFrom as CalendarDate;
    if (validFrom <= (previous.state.validFrom as CalendarDate)) {
      throw badDate(
        'validFrom',
        `must be after the start of the renewed agrément (${previous.state.validFrom})`,
        'a renewal takes over from its start date',
      );
    }
    const loadedVersion = previous.version;
    const moved = previous.supersede(renewal.id, validFrom);
    await this.agreements.update(manager, previous, loadedVersion, this.clock.now());
    await this.changes.record(manager, previous, {
      action: 'agreement.superseded',
      versionBefore: loadedVersion,
      summary: `renewed by ${renewal.id} from ${validFrom}${moved ? `; now ends ${previous.state.validUntil}` : ''}`,
    });
    await this.deadlines.cancel(manager, previous.id, TERM_KINDS);
    await this.deadlines.forTerm(manager, previous, today);
  }

  today(): CalendarDate {
    return calendarDateAt(this.clock.now());
  }

  private change(
    id: string,
    expectedVersion: number | undefined,
    apply: (
      agreement: Agreement,
      manager: EntityManager,
      today: CalendarDate,
      versionBefore: number,
    ) => Promise<void>,
  ): Promise<Agreement> {
    return this.dataSource.transaction(async (manager) => {
      const agreement = await this.agreements.findById(id, manager, true);
      if (!agreement) throw new AgreementNotFoundError(id);
      this.scope.assertCanRead({
        regions: agreement.state.regions,
        organisationIds: [agreement.state.serviceId],
      });
      if (expectedVersion !== undefined) assertVersionMatches(expectedVersion, agreement.version);
      const loadedVersion = agreement.version;
      await apply(agreement, manager, this.today(), loadedVersion);
      await this.agreements.update(manager, agreement, loadedVersion, this.clock.now());
      return agreement;
    });
  }

  /** Only a DIRECCTE agent of the service's region decides (admin anywhere). */
  private assertDirecction(agreement: Agreement): void {
    this.scope.assertCanActInRegion(agreement.state.regions);
  }

  /** A service speaks for itself only; a DIRECCTE agent of its region (or admin) may act for it. */
  private assertMaySpeakForService(serviceId: string, regions: readonly string[]): void {
    const roles = currentContext()?.actor?.roles ?? [];
    if (roles.includes('admin') || roles.includes('direccte')) this.scope.assertCanActInRegion(regions);
    else this.scope.assertCanActForOrganisation(serviceId);
  }
}
