import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { CurrentActor, type Role } from '@tripartite/auth';
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
import { ConcludePartnershipProtocolHandler } from '../application/conclude-partnership-protocol.handler';
import { EndPartnershipProtocolHandler } from '../application/end-partnership-protocol.handler';
import { OpenPartnershipProtocolHandler } from '../application/open-partnership-protocol.handler';
import { ProtocolAccess } from '../application/protocol-access';
import { RecordProtocolProgressHandler } from '../application/record-protocol-progress.handler';
import type { PartnershipProtocol } from '../domain/partnership-protocol';
import { PartnershipProtocolNotFoundError } from '../domain/partnership-protocol.errors';
import { PartnershipProtocolRepository } from '../infrastructure/partnership-protocol.repository';
import {
  type ConcludePartnershipProtocolRequest,
  concludePartnershipProtocolRequestSchema,
  type EndPartnershipProtocolRequest,
  endPartnershipProtocolRequestSchema,
  type ListPartnershipProtocolsQuery,
  listPartnershipProtocolsQuerySchema,
  type OpenPartnershipProtocolRequest,
  openPartnershipProtocolRequestSchema,
  type RecordProtocolProgressRequest,
  recordProtocolProgressRequestSchema,
} from './dto/partnership-protocol.request.dto';
import {
  type PartnershipProtocolResponse,
  partnershipProtocolResponseSchema,
  toPartnershipProtocolResponse,
} from './dto/partnership-protocol.response.dto';

/** The protocol's two parties act: the service (role `sst`) and the Caisse, each by its own organisation. */
const PARTIES: readonly Role[] = ['admin', 'sst', 'caisse'];

/**
 * Caisse/SSTI partnership protocols (seed 000, programmes 2 and 6): negotiation, conclusion, progress points,
 * end. The service or the Caisse party to it records each step (`If-Match` after the first); every step is
 * an event telling the DIRECCTE of the region, which reads them; national roles read all; others are denied.
 */
@ApiTags('partnership-protocols')
@Controller('api/v1/partnership-protocols')
export class PartnershipProtocolController {
  constructor(
    private readonly openHandler: OpenPartnershipProtocolHandler,
    private readonly concludeHandler: ConcludePartnershipProtocolHandler,
    private readonly progressHandler: RecordProtocolProgressHandler,
    private readonly endHandler: EndPartnershipProtocolHandler,
    private readonly protocols: PartnershipProtocolRepository,
    private readonly access: ProtocolAccess,
    private readonly audit: AuditTrail,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'openPartnershipProtocolNegotiation',
    summary: 'Open the negotiation of a partnership protocol between an SSTI and its competent Caisse',
    status: 201,
    roles: PARTIES,
    response: partnershipProtocolResponseSchema,
    responseDescription: 'The protocol, in negotiation; the DIRECCTE of the region is told',
  })
  async open(
    @ZodBody(openPartnershipProtocolRequestSchema) body: OpenPartnershipProtocolRequest,
  ): Promise<PartnershipProtocolResponse> {
    return toPartnershipProtocolResponse(await this.openHandler.execute(body));
  }

  @Post(':id/conclusion')
  @CommandEndpoint({
    name: 'concludePartnershipProtocol',
    summary: 'Record the conclusion of a protocol in negotiation, with its period',
    roles: PARTIES,
    response: partnershipProtocolResponseSchema,
    responseDescription: 'The protocol, concluded; the DIRECCTE of the region is told',
  })
  async conclude(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(concludePartnershipProtocolRequestSchema) body: ConcludePartnershipProtocolRequest,
  ): Promise<PartnershipProtocolResponse> {
    return toPartnershipProtocolResponse(await this.concludeHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/progress-points')
  @CommandEndpoint({
    name: 'recordPartnershipProtocolProgress',
    summary: 'Record a progress point on the actions of a concluded protocol',
    status: 201,
    roles: PARTIES,
    response: partnershipProtocolResponseSchema,
    responseDescription: 'The protocol with its new progress point; the DIRECCTE of the region is told',
  })
  async progress(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(recordProtocolProgressRequestSchema) body: RecordProtocolProgressRequest,
  ): Promise<PartnershipProtocolResponse> {
    return toPartnershipProtocolResponse(await this.progressHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/end')
  @CommandEndpoint({
    name: 'endPartnershipProtocol',
    summary: 'Record the end of a protocol, or the abandonment of its negotiation',
    roles: PARTIES,
    response: partnershipProtocolResponseSchema,
    responseDescription: 'The protocol, ended; the DIRECCTE of the region is told',
  })
  async end(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(endPartnershipProtocolRequestSchema) body: EndPartnershipProtocolRequest,
  ): Promise<PartnershipProtocolResponse> {
    return toPartnershipProtocolResponse(await this.endHandler.execute(id, expectedVersion, body));
  }

  @ListEndpoint({
    name: 'listPartnershipProtocols',
    summary: 'Partnership protocols within the reader’s scope, filtered, by pages',
    response: pageSchemaOf(partnershipProtocolResponseSchema, 'The most recently opened first'),
  })
  async list(
    @ZodQuery(listPartnershipProtocolsQuerySchema) query: ListPartnershipProtocolsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<PartnershipProtocolResponse>> {
    const { items, total } = await this.protocols.list(
      {
        region: query.region,
        serviceId: query.serviceId,
        caisseId: query.caisseId,
        status: query.status,
        theme: query.theme,
        recorded: query.recorded,
        ...this.access.listScopeOf(actor),
      },
      query.page,
      query.pageSize,
    );
    return pageOf(query, items.map(toPartnershipProtocolResponse), total);
  }

  @ReadEndpoint({
    name: 'getPartnershipProtocol',
    summary: 'One partnership protocol with its steps and progress points',
    response: partnershipProtocolResponseSchema,
    responseDescription: 'The protocol',
  })
  async get(@IdParam() id: string): Promise<PartnershipProtocolResponse> {
    return toPartnershipProtocolResponse(await this.load(id));
  }

  @AuditHistoryEndpoint('partnership_protocol')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('partnership_protocol', id, query, () => this.load(id));
  }

  private async load(id: string): Promise<PartnershipProtocol> {
    const protocol = await this.protocols.findById(id);
    if (!protocol) throw new PartnershipProtocolNotFoundError(id);
    this.access.assertCanRead(protocol.snapshot());
    return protocol;
  }
}
