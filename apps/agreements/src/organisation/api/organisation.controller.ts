import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditTrail, type HistoryPage, historyQuerySchema } from '@tripartite/audit';
import { Roles, ScopeEnforcer } from '@tripartite/auth';
import { ApiZodResponse, ETag, Idempotent, ZodBody, ZodParams, ZodQuery } from '@tripartite/http';
import { z } from 'zod';
import { RegisterOrganisationHandler } from '../application/register-organisation.handler';
import { OrganisationNotFoundError } from '../domain/organisation.errors';
import { OrganisationRepository } from '../infrastructure/organisation.repository';
import {
  type OrganisationResponse,
  organisationResponseSchema,
  toOrganisationResponse,
} from './dto/organisation.response.dto';
import {
  type RegisterOrganisationRequest,
  registerOrganisationRequestSchema,
} from './dto/register-organisation.request.dto';

const idParams = z.object({ id: z.uuid() });

/** The regional directory: DIRECCTE agents register; parties and national steering read within scope. */
@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationController {
  constructor(
    private readonly register: RegisterOrganisationHandler,
    private readonly organisations: OrganisationRepository,
    private readonly scope: ScopeEnforcer,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(201, organisationResponseSchema, 'The organisation, registered')
  async create(
    @ZodBody(registerOrganisationRequestSchema) body: RegisterOrganisationRequest,
  ): Promise<OrganisationResponse> {
    return toOrganisationResponse(await this.register.execute(body));
  }

  @Get(':id')
  @ETag()
  @ApiZodResponse(200, organisationResponseSchema)
  async get(@ZodParams(idParams) { id }: z.infer<typeof idParams>): Promise<OrganisationResponse> {
    const organisation = await this.load(id);
    return toOrganisationResponse(organisation);
  }

  @Get(':id/history')
  async history(
    @ZodParams(idParams) { id }: z.infer<typeof idParams>,
    @ZodQuery(historyQuerySchema) query: z.infer<typeof historyQuerySchema>,
  ): Promise<HistoryPage> {
    await this.load(id);
    return this.audit.history('organisation', id, query);
  }

  private async load(id: string) {
    const organisation = await this.organisations.findById(id);
    if (!organisation) throw new OrganisationNotFoundError(id);
    this.scope.assertCanRead({ regions: organisation.regions, organisationIds: [organisation.id] });
    return organisation;
  }
}
