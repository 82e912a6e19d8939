import { Controller, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { CurrentActor, listScopeOf, ScopeEnforcer } from '@tripartite/auth';
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
import { RegisterOrganisationHandler } from '../application/register-organisation.handler';
import { UpdateOrganisationHandler } from '../application/update-organisation.handler';
import { OrganisationNotFoundError } from '../domain/organisation.errors';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import {
  type ListOrganisationsQuery,
  listOrganisationsQuerySchema,
} from './dto/list-organisations.request.dto';
import {
  type OrganisationResponse,
  organisationResponseSchema,
  toOrganisationResponse,
} from './dto/organisation.response.dto';
import {
  type RegisterOrganisationRequest,
  registerOrganisationRequestSchema,
  type UpdateOrganisationRequest,
  updateOrganisationRequestSchema,
} from './dto/register-organisation.request.dto';

/** The regional directory: DIRECCTE agents register; parties and national steering read within scope. */
@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationController {
  constructor(
    private readonly register: RegisterOrganisationHandler,
    private readonly updateHandler: UpdateOrganisationHandler,
    private readonly organisations: OrganisationRepository,
    private readonly scope: ScopeEnforcer,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'registerOrganisation',
    summary: 'Register an organisation in the directory (a service, a DIRECCTE, a Caisse, an ARS…)',
    status: 201,
    roles: ['admin', 'national', 'direccte'],
    response: organisationResponseSchema,
    responseDescription: 'The organisation, registered',
  })
  async create(
    @ZodBody(registerOrganisationRequestSchema) body: RegisterOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return toOrganisationResponse(await this.register.execute(body));
  }

  /**
   * The directory within the reader's scope: national roles see every region, regional authorities their
   * region, a service itself.
   */
  @ListEndpoint({
    name: 'listOrganisations',
    summary: 'The directory within the reader’s scope, filtered, by pages',
    response: pageSchemaOf(organisationResponseSchema, 'By name'),
  })
  async list(
    @ZodQuery(listOrganisationsQuerySchema) query: ListOrganisationsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<OrganisationResponse>> {
    const { withinRegions, ownOrganisationId } = listScopeOf(actor);
    const scope = { withinRegions, onlyId: ownOrganisationId };
    const { items, total } = await this.organisations.list(
      {
        type: query.type,
        region: query.region,
        nameContains: query.name,
        recorded: query.recorded,
        ...scope,
      },
      query.page,
      query.pageSize,
    );
    return pageOf(query, items.map(toOrganisationResponse), total);
  }

  @Patch(':id')
  @CommandEndpoint({
    name: 'updateOrganisation',
    summary: 'Change an organisation’s fields sent; an organisation may change its own contacts',
    roles: ['admin', 'national', 'direccte', 'sst', 'caisse', 'ars', 'crprp'],
    response: organisationResponseSchema,
    responseDescription: 'The organisation, changed',
  })
  async update(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(updateOrganisationRequestSchema) body: UpdateOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return toOrganisationResponse(await this.updateHandler.execute(id, expectedVersion, body));
  }

  @ReadEndpoint({
    name: 'getOrganisation',
    summary: 'One organisation of the directory, with its contacts',
    response: organisationResponseSchema,
  })
  async get(@IdParam() id: string): Promise<OrganisationResponse> {
    const organisation = await this.load(id);
    return toOrganisationResponse(organisation);
  }

  @AuditHistoryEndpoint('organisation')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('organisation', id, query, () => this.load(id));
  }

  private async load(id: string) {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new OrganisationNotFoundError(id);
    this.scope.assertCanRead({ regions: organisation.regions, organisationIds: [organisation.id] });
    return organisation;
  }
}
