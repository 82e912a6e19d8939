import { Injectable } from '@nestjs/common';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { projectSpeakingFor, type ServiceProjectSummary, summaryOf } from '../domain/service-project-summary';
import { ServiceProjectRepository } from '../infrastructure/service-project.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What the rest of the agreements service reads of a service's project (the agrément renewal view:
 * "la DIRECCTE examine la mise en œuvre … du projet pluriannuel de service", seed 002, part I.1).
 * Plain data, no scope check: the caller has already checked that its reader may see the service.
 */
@Injectable()
export class ServiceProjectReader {
  constructor(
    private readonly projects: ServiceProjectRepository,
    private readonly clock: Clock,
  ) {}

  /** The project of the service whose version is in force (else its latest), or null when it has none. */
  async summaryForService(serviceId: string): Promise<ServiceProjectSummary | null> {
    if (!UUID.test(serviceId)) return null;
    const project = projectSpeakingFor(
      await this.projects.forService(serviceId),
      calendarDateAt(this.clock.now()),
    );
    return project ? summaryOf(project) : null;
  }
}
