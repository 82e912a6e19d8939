import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { CurrentActor, listScopeOf, type Role, ScopeEnforcer } from '@tripartite/auth';
import type { Actor } from '@tripartite/context';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  type Page,
  pageOf,
  pageSchemaOf,
  ReadEndpoint,
  ZodBody,
  ZodQuery,
} from '@tripartite/http';
import { AdoptServiceProjectHandler } from '../application/adopt-service-project.handler';
import { ApproveServiceProjectHandler } from '../application/approve-service-project.handler';
import { DraftServiceProjectHandler } from '../application/draft-service-project.handler';
import { ProjectServices } from '../application/project-services';
import { ReviseServiceProjectHandler } from '../application/revise-service-project.handler';
import type { ServiceProjectView } from '../application/service-project.view';
import { WithdrawServiceProjectHandler } from '../application/withdraw-service-project.handler';
import { ServiceProjectNotFoundError } from '../domain/service-project.errors';
import {
  type ServiceProjectFilter,
  ServiceProjectRepository,
} from '../infrastructure/service-project.repository';
import {
  type AdoptServiceProjectRequest,
  type ApproveServiceProjectRequest,
  adoptServiceProjectRequestSchema,
  approveServiceProjectRequestSchema,
  type DraftServiceProjectRequest,
  draftServiceProjectRequestSchema,
  type ReviseServiceProjectRequest,
  reviseServiceProjectRequestSchema,
  type WithdrawServiceProjectRequest,
  withdrawServiceProjectRequestSchema,
} from './dto/draft-service-project.request.dto';
import {
  type ListServiceProjectsQuery,
  listServiceProjectsQuerySchema,
} from './dto/list-service-projects.request.dto';
import {
  type ServiceProjectResponse,
  type ServiceProjectSummaryResponse,
  serviceProjectResponseSchema,
  serviceProjectSummaryResponseSchema,
  toServiceProjectResponse,
  toServiceProjectSummaryResponse,
} from './dto/service-project.response.dto';

/** Who records each step of a project: the service itself, or an administrator. */
const AUTHORS: readonly Role[] = ['admin', 'sst'];

/**
 * Projets pluriannuels de service (L.4622-14). The service itself (role `sst`, its own `org`) or an
 * administrator records each step: draft, CMT adoption, board approval, revision, withdrawal of a text not
 * yet approved. Every step after the draft
 * requires `If-Match` with the ETag read (428 without it, 412 when stale): adoption and approval are
 * decisions about one precise text, so the caller must say which version it saw; and each may carry an
 * `Idempotency-Key`, so a retried step replays its answer instead of meeting 412.
 * National roles read every project; the DIRECCTE, the Caisse, the CRPRP and the ARS those of their region;
 * a service its own.
 */
@ApiTags('service-projects')
@Controller('api/v1/service-projects')
export class ServiceProjectController {
  constructor(
    private readonly draftHandler: DraftServiceProjectHandler,
    private readonly adoptHandler: AdoptServiceProjectHandler,
    private readonly approveHandler: ApproveServiceProjectHandler,
    private readonly reviseHandler: ReviseServiceProjectHandler,
    private readonly withdrawHandler: WithdrawServiceProjectHandler,
    private readonly projects: ServiceProjectRepository,
    private readonly directory: ProjectServices,
    private readonly scope: ScopeEnforcer,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'draftServiceProject',
    summary: 'Draft a multi-year service project (L.4622-14) as its version 1',
    status: 201,
    roles: AUTHORS,
    response: serviceProjectResponseSchema,
    responseDescription: 'The project, drafted as version 1',
  })
  async create(
    @ZodBody(draftServiceProjectRequestSchema) body: DraftServiceProjectRequest,
  ): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.draftHandler.execute(body));
  }

  @Post(':id/cmt-adoption')
  @CommandEndpoint({
    name: 'adoptServiceProject',
    summary: 'Record the adoption of the current draft by the medical-technical commission (CMT)',
    roles: AUTHORS,
    response: serviceProjectResponseSchema,
    responseDescription: 'The project, its current draft adopted by the CMT',
  })
  async adopt(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(adoptServiceProjectRequestSchema) body: AdoptServiceProjectRequest,
  ): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.adoptHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/board-approval')
  @CommandEndpoint({
    name: 'approveServiceProject',
    summary: 'Record the board’s approval of the adopted version, which comes into force',
    roles: AUTHORS,
    response: serviceProjectResponseSchema,
    responseDescription: 'The project, its adopted version approved and in force',
  })
  async approve(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(approveServiceProjectRequestSchema) body: ApproveServiceProjectRequest,
  ): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.approveHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/revisions')
  @CommandEndpoint({
    name: 'reviseServiceProject',
    summary: 'Draft a revision of the project in force as its next version',
    status: 201,
    roles: AUTHORS,
    response: serviceProjectResponseSchema,
    responseDescription: 'The project, with its revision drafted as a new version',
  })
  async revise(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(reviseServiceProjectRequestSchema) body: ReviseServiceProjectRequest,
  ): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.reviseHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/withdrawal')
  @CommandEndpoint({
    name: 'withdrawServiceProject',
    summary: 'Withdraw the version not yet approved (the whole project when none ever was)',
    roles: AUTHORS,
    response: serviceProjectResponseSchema,
    responseDescription:
      'The project, its pending version withdrawn: the project itself when nothing was ever approved, ' +
      'else back to its version in force',
  })
  async withdraw(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(withdrawServiceProjectRequestSchema) body: WithdrawServiceProjectRequest,
  ): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.withdrawHandler.execute(id, expectedVersion, body));
  }

  @ListEndpoint({
    name: 'listServiceProjects',
    summary: 'Service projects within the reader’s scope, filtered, by pages',
    response: pageSchemaOf(serviceProjectSummaryResponseSchema, 'By service name'),
  })
  async list(
    @ZodQuery(listServiceProjectsQuerySchema) query: ListServiceProjectsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ServiceProjectSummaryResponse>> {
    const { items, total } = await this.projects.list(
      {
        serviceId: query.serviceId,
        region: query.region,
        status: query.status,
        recorded: query.recorded,
        ...scopeOf(actor),
      },
      query.page,
      query.pageSize,
    );
    const services = await this.directory.findMany(items.map((project) => project.serviceId));
    const summaries = items.map((project) =>
      toServiceProjectSummaryResponse({ project, service: services.get(project.serviceId)! }),
    );
    return pageOf(query, summaries, total);
  }

  @ReadEndpoint({
    name: 'getServiceProject',
    summary: 'One service project with its versions and the one in force',
    response: serviceProjectResponseSchema,
    responseDescription: 'The project with its versions and the one in force',
  })
  async get(@IdParam() id: string): Promise<ServiceProjectResponse> {
    return toServiceProjectResponse(await this.load(id));
  }

  @AuditHistoryEndpoint('service_project')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('service_project', id, query, () => this.load(id));
  }

  private async load(id: string): Promise<ServiceProjectView> {
    const project = await this.projects.findById(id);
    if (!project) throw new ServiceProjectNotFoundError(id);
    const service = await this.directory.find(project.serviceId);
    if (!service) throw new ServiceProjectNotFoundError(id);
    this.scope.assertCanRead({ regions: service.regions, organisationIds: [project.serviceId] });
    return { project, service };
  }
}

/** National roles read all; regional authorities their region; anyone else the projects of its own service. */
function scopeOf(actor: Actor): Pick<ServiceProjectFilter, 'withinRegions' | 'onlyServiceId'> {
  const { withinRegions, ownOrganisationId } = listScopeOf(actor);
  return { withinRegions, onlyServiceId: ownOrganisationId };
}
