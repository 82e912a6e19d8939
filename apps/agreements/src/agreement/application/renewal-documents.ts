import { Injectable } from '@nestjs/common';
import type { CalendarDate } from '@tripartite/calendar';
import { ServiceProjectReader } from '../../service-project/application/service-project.reader';
import type { KnownRenewalDocuments } from '../domain/renewal-examination.rule';
import { CpomProjectionRepository } from '../infrastructure/cpom-projection.repository';

/**
 * The CPOM (projected from `contract.*` events) and the service project (this service's own slice) that the
 * platform knows of a service, as a renewal decision is checked against them.
 */
@Injectable()
export class RenewalDocuments {
  constructor(
    private readonly cpoms: CpomProjectionRepository,
    private readonly projects: ServiceProjectReader,
  ) {}

  async knownFor(serviceId: string, today: CalendarDate): Promise<KnownRenewalDocuments> {
    const [cpom, project] = await Promise.all([
      this.cpoms.currentForService(serviceId, today),
      this.projects.summaryForService(serviceId),
    ]);
    return { cpomId: cpom?.contractId ?? null, serviceProjectId: project?.projectId ?? null };
  }
}
