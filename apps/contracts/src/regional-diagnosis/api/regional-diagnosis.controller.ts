import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { AccessScope, CurrentActor, type Role, ScopeEnforcer } from '@tripartite/auth';
import type { Actor } from '@tripartite/context';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  type Page,
  pageOf,
  pageSchemaOf,
  QueryEndpoint,
  ReadEndpoint,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import { RecordRegionalDiagnosisHandler } from '../application/record-regional-diagnosis.handler';
import { ReviseRegionalDiagnosisHandler } from '../application/revise-regional-diagnosis.handler';
import type { RegionalDiagnosis } from '../domain/regional-diagnosis';
import {
  RegionalDiagnosisNotFoundError,
  RegionalDiagnosisVersionNotFoundError,
} from '../domain/regional-diagnosis.errors';
import { RegionalDiagnosisRepository } from '../infrastructure/regional-diagnosis.repository';
import {
  type ListRegionalDiagnosesQuery,
  listRegionalDiagnosesQuerySchema,
} from './dto/list-regional-diagnoses.request.dto';
import {
  type RecordRegionalDiagnosisRequest,
  type ReviseRegionalDiagnosisRequest,
  recordRegionalDiagnosisRequestSchema,
  reviseRegionalDiagnosisRequestSchema,
} from './dto/record-regional-diagnosis.request.dto';
import {
  type DiagnosisVersionResponse,
  diagnosisVersionResponseSchema,
  type RegionalDiagnosisResponse,
  regionalDiagnosisResponseSchema,
  toDiagnosisVersionResponse,
  toRegionalDiagnosisResponse,
} from './dto/regional-diagnosis.response.dto';

const versionParams = z.object({ id: z.uuid(), n: z.coerce.number().int().positive().max(100_000) });

/** Who establishes the regional diagnosis: the DIRECCTE and the Caisse of the region, or an administrator. */
const AUTHORS: readonly Role[] = ['admin', 'direccte', 'caisse'];

/**
 * The regional shared diagnosis (seed 002, part II.4): "un diagnostic partagé … en chapeau de tous les CPOM
 * d'une même région". One per region, versioned; every version stays readable. The DIRECCTE or the Caisse of
 * the region records it and its new versions (`If-Match`); national roles read every region's, any other
 * reader that of its own region (the services included: it is the context of their CPOM).
 */
@ApiTags('regional-diagnoses')
@Controller('api/v1/regional-diagnoses')
export class RegionalDiagnosisController {
  constructor(
    private readonly recordHandler: RecordRegionalDiagnosisHandler,
    private readonly reviseHandler: ReviseRegionalDiagnosisHandler,
    private readonly diagnoses: RegionalDiagnosisRepository,
    private readonly scope: ScopeEnforcer,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'recordRegionalDiagnosis',
    summary: 'Record the region’s shared diagnosis, its version 1 (one per region)',
    status: 201,
    roles: AUTHORS,
    response: regionalDiagnosisResponseSchema,
    responseDescription: 'The diagnosis, recorded as version 1',
  })
  async create(
    @ZodBody(recordRegionalDiagnosisRequestSchema) body: RecordRegionalDiagnosisRequest,
  ): Promise<RegionalDiagnosisResponse> {
    return toRegionalDiagnosisResponse(await this.recordHandler.execute(body));
  }

  @Post(':id/versions')
  @CommandEndpoint({
    name: 'reviseRegionalDiagnosis',
    summary: 'Record a new version of the region’s shared diagnosis',
    status: 201,
    roles: AUTHORS,
    response: regionalDiagnosisResponseSchema,
    responseDescription: 'The diagnosis, its new text as its latest version',
  })
  async revise(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(reviseRegionalDiagnosisRequestSchema) body: ReviseRegionalDiagnosisRequest,
  ): Promise<RegionalDiagnosisResponse> {
    return toRegionalDiagnosisResponse(await this.reviseHandler.execute(id, expectedVersion, body));
  }

  @ListEndpoint({
    name: 'listRegionalDiagnoses',
    summary: 'Regional shared diagnoses within the reader’s scope, by pages',
    response: pageSchemaOf(regionalDiagnosisResponseSchema, 'By region'),
  })
  async list(
    @ZodQuery(listRegionalDiagnosesQuerySchema) query: ListRegionalDiagnosesQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<RegionalDiagnosisResponse>> {
    const { items, total } = await this.diagnoses.list(
      { region: query.region, recorded: query.recorded, withinRegions: regionsReadBy(actor) },
      query.page,
      query.pageSize,
    );
    return pageOf(query, items.map(toRegionalDiagnosisResponse), total);
  }

  @ReadEndpoint({
    name: 'getRegionalDiagnosis',
    summary: 'One regional diagnosis: its latest text and the list of its versions',
    response: regionalDiagnosisResponseSchema,
    responseDescription: 'The diagnosis with its latest text',
  })
  async get(@IdParam() id: string): Promise<RegionalDiagnosisResponse> {
    return toRegionalDiagnosisResponse(await this.load(id));
  }

  @Get(':id/versions/:n')
  @QueryEndpoint({
    name: 'getRegionalDiagnosisVersion',
    summary: 'One version of a regional diagnosis, as it was recorded',
    response: diagnosisVersionResponseSchema,
    responseDescription: 'The text of that version',
    problems: [400, 403, 404],
  })
  async version(
    @ZodParams(versionParams) { id, n }: z.infer<typeof versionParams>,
  ): Promise<DiagnosisVersionResponse> {
    const text = (await this.load(id)).versionNumbered(n);
    if (!text) throw new RegionalDiagnosisVersionNotFoundError(id, n);
    return toDiagnosisVersionResponse(text);
  }

  @AuditHistoryEndpoint('regional_diagnosis')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('regional_diagnosis', id, query, () => this.load(id));
  }

  private async load(id: string): Promise<RegionalDiagnosis> {
    const diagnosis = await this.diagnoses.findById(id);
    if (!diagnosis) throw new RegionalDiagnosisNotFoundError(id);
    this.scope.assertCanReadRegion(diagnosis.region);
    return diagnosis;
  }
}

/** National roles read every region's diagnosis; anyone else its own region's (none without a region). */
function regionsReadBy(actor: Actor): readonly string[] | undefined {
  if (AccessScope.readsEverything(actor)) return undefined;
  return actor.region ? [actor.region] : [];
}
