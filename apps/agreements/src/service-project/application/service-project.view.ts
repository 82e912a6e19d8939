import type { ServiceProject } from '../domain/service-project';
import type { ProjectService } from '../domain/service-project.types';

/** A project with its service as the directory knows it now (name and regions are the service's). */
export interface ServiceProjectView {
  project: ServiceProject;
  service: ProjectService;
}
