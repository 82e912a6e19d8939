import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  type Page,
  pageOf,
  ReadEndpoint,
  ZodBody,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import { ConsultationAuthority } from '../application/consultation-authority';
import { ConsultationChanges } from '../application/consultation-changes';
import { DeliverOpinionHandler } from '../application/deliver-opinion.handler';
import { ScheduleSessionHandler } from '../application/schedule-session.handler';
import type { Consultation } from '../domain/consultation';
import { ConsultationNotFoundError } from '../domain/consultation.errors';
import { ConsultationRepository } from '../infrastructure/consultation.repository';
import {
  type ConsultationResponse,
  consultationPageSchema,
  consultationResponseSchema,
  type ListConsultationsQuery,
  listConsultationsQuerySchema,
  type OpinionRequest,
  opinionRequestSchema,
  sessionRequestSchema,
  toConsultationResponse,
} from './dto/consultation.dto';

const ACTORS = ['admin', 'direccte', 'crprp', 'ars'] as const;

/**
 * The opinions of the bodies consulted on each CPOM version (L.4622-10, D.4622-44): opened from the contracts
 * service's `contract.submitted`; the secretariat (or DIRECCTE) of a college body schedules its session and
 * records its opinion, the ARS its own; the CPOM's parties read theirs.
 */
@ApiTags('consultations')
@Controller('api/v1/consultations')
export class ConsultationController {
  constructor(
    private readonly scheduleSession: ScheduleSessionHandler,
    private readonly deliverOpinion: DeliverOpinionHandler,
    private readonly consultations: ConsultationRepository,
    private readonly authority: ConsultationAuthority,
    private readonly changes: ConsultationChanges,
    private readonly audit: AuditTrail,
  ) {}

  @ListEndpoint({
    name: 'listConsultations',
    summary: 'Consultations within the reader’s scope, by region, body, status, CPOM and overdue, by pages',
    response: consultationPageSchema,
  })
  async list(
    @ZodQuery(listConsultationsQuerySchema) query: ListConsultationsQuery,
  ): Promise<Page<ConsultationResponse>> {
    const { page, pageSize, ...filter } = query;
    const today = this.changes.today();
    const { items, total } = await this.consultations.list(
      { ...filter, today, scope: this.authority.listScope() },
      page,
      pageSize,
    );
    return pageOf(
      query,
      items.map((c) => toConsultationResponse(c, today)),
      total,
    );
  }

  @ReadEndpoint({
    name: 'getConsultation',
    summary: 'One consultation: its deadline, session (recused members), opinion or closing',
    response: consultationResponseSchema,
  })
  async get(@IdParam() id: string): Promise<ConsultationResponse> {
    return this.respond(await this.load(id));
  }

  @AuditHistoryEndpoint('consultation')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('consultation', id, query, () => this.load(id));
  }

  @Post(':id/session')
  @CommandEndpoint({
    name: 'scheduleConsultationSession',
    summary: 'Schedule the college body’s session on the CPOM; lists the recused members (D.4622-44)',
    roles: ACTORS,
    response: consultationResponseSchema,
    responseDescription: 'The consultation, with its session and recused members',
  })
  async session(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(sessionRequestSchema) body: z.infer<typeof sessionRequestSchema>,
  ): Promise<ConsultationResponse> {
    return this.respond(await this.scheduleSession.execute(id, version, body.sessionOn));
  }

  @Post(':id/opinion')
  @CommandEndpoint({
    name: 'deliverConsultationOpinion',
    summary: 'Record the body’s opinion on the CPOM version: outcome, date, text, who sat, votes',
    description:
      'A recused member among those who sat is refused (422 CONSULTATION.RECUSED_MEMBER_SAT, D.4622-44) unless ' +
      '`recusalOverride.justification` is given (audited). When every opinion of the plan is in, ' +
      '`consultation.completed` is published.',
    roles: ACTORS,
    response: consultationResponseSchema,
    responseDescription: 'The consultation, with its opinion',
  })
  async opinion(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(opinionRequestSchema) body: OpinionRequest,
  ): Promise<ConsultationResponse> {
    return this.respond(await this.deliverOpinion.execute(id, version, body));
  }

  private respond(c: Consultation): ConsultationResponse {
    return toConsultationResponse(c, this.changes.today());
  }

  private async load(id: string): Promise<Consultation> {
    const c = await this.consultations.findById(id);
    if (!c) throw new ConsultationNotFoundError(id);
    this.authority.assertMayRead(c);
    return c;
  }
}
