import { Injectable } from '@nestjs/common';
import { ScopeEnforcer } from '@tripartite/auth';
import { type CalendarDate, calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { ServiceProjectReader } from '../../service-project/application/service-project.reader';
import type { ServiceProjectSummary } from '../../service-project/domain/service-project-summary';
import { AgreementNotFoundError } from '../domain/agreement.errors';
import { renewalFilingDeadline } from '../domain/agreement-term.rule';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import type { DatedNote } from '../infrastructure/cpom-projection.orm-entity';
import { CpomProjectionRepository } from '../infrastructure/cpom-projection.repository';

export interface RenewalView {
  agreement: {
    id: string;
    status: string;
    conditional: boolean;
    validFrom: CalendarDate | null;
    validUntil: CalendarDate | null;
    renewalFilingDeadline: CalendarDate | null;
  };
  service: { id: string; name: string; regions: string[]; employeesFollowed: number | null };
  /** The application renewing this agrément, if one was filed. */
  renewalApplication: { id: string; filedOn: CalendarDate; lateRenewal: boolean; status: string } | null;
  serviceProject: ({ known: true } & ServiceProjectSummary) | { known: false; explanation: string };
  cpom:
    | {
        known: true;
        contractId: string;
        status: 'signed' | 'evaluated';
        signedOn: CalendarDate | null;
        periodStart: CalendarDate | null;
        periodEnd: CalendarDate | null;
        amendments: number;
        latestReview: DatedNote | null;
        finalEvaluation: DatedNote | null;
      }
    | { known: false; explanation: string };
}

/**
 * What the DIRECCTE examines at renewal: "la mise en œuvre du CPOM préalablement conclu et celle du
 * projet pluriannuel de service" (seed 002 I.1), and the CPOM's final evaluation (seed 002 II.4). The
 * CPOM part comes from the `contract.*` events projected here; until the contracts service publishes
 * any for the service, it says plainly that no CPOM is known.
 */
@Injectable()
export class RenewalViewQuery {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly cpoms: CpomProjectionRepository,
    private readonly projects: ServiceProjectReader,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  async view(agreementId: string): Promise<RenewalView> {
    const agreement = await this.agreements.findById(agreementId);
    if (!agreement) throw new AgreementNotFoundError(agreementId);
    const s = agreement.state;
    this.scope.assertCanRead({ regions: s.regions, organisationIds: [s.serviceId] });
    const today = calendarDateAt(this.clock.now());
    const [renewal, project, cpom] = await Promise.all([
      this.agreements.renewalOf(agreement.id),
      this.projects.summaryForService(s.serviceId),
      this.cpoms.currentForService(s.serviceId, today),
    ]);
    return {
      agreement: {
        id: agreement.id,
        status: s.status,
        conditional: s.conditional,
        validFrom: s.validFrom,
        validUntil: s.validUntil,
        renewalFilingDeadline: s.validUntil ? renewalFilingDeadline(s.validUntil) : null,
      },
      service: {
        id: s.serviceId,
        name: s.serviceName,
        regions: s.regions,
        employeesFollowed: s.employeesFollowed,
      },
      // A renewal is always an application filed here (an agrément recorded as existing renews nothing).
      renewalApplication: renewal?.state.filedOn
        ? {
            id: renewal.id,
            filedOn: renewal.state.filedOn,
            lateRenewal: renewal.state.lateRenewal,
            status: renewal.status,
          }
        : null,
      serviceProject: project
        ? { known: true, ...project }
        : { known: false, explanation: 'No service project of this service is known to the platform.' },
      cpom: cpom
        ? {
            known: true,
            contractId: cpom.contractId,
            status: cpom.finalEvaluation ? 'evaluated' : 'signed',
            signedOn: cpom.signedOn,
            periodStart: cpom.periodStart,
            periodEnd: cpom.periodEnd,
            amendments: cpom.amendments,
            latestReview: cpom.latestReview,
            finalEvaluation: cpom.finalEvaluation,
          }
        : {
            known: false,
            explanation:
              'No CPOM of this service is known: the contracts service has published none for it (contract.* events).',
          },
    };
  }
}
