import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditTrail, type HistoryPage, historyQuerySchema } from '@tripartite/audit';
import { AccessScope, CurrentActor, Roles, ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { Actor } from '@tripartite/context';
import { DeadlineScheduler } from '@tripartite/deadlines';
import {
  ApiZodResponse,
  ETag,
  Idempotent,
  IfMatchVersion,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import { z } from 'zod';
import { DecideApplicationHandler } from '../application/decide-application.handler';
import { FileApplicationHandler } from '../application/file-application.handler';
import { IssueComplianceNoticeHandler } from '../application/issue-compliance-notice.handler';
import { RecordComplianceMetHandler } from '../application/record-compliance-met.handler';
import { RecordExistingAgreementHandler } from '../application/record-existing-agreement.handler';
import { RecordInspectorOpinionHandler } from '../application/record-inspector-opinion.handler';
import { RecordMemberInformationHandler } from '../application/record-member-information.handler';
import { type RenewalView, RenewalViewQuery } from '../application/renewal-view.query';
import { ShortenAgreementHandler } from '../application/shorten-agreement.handler';
import { WithdrawAgreementHandler } from '../application/withdraw-agreement.handler';
import { AgreementNotFoundError } from '../domain/agreement.errors';
import { AgreementRepository } from '../infrastructure/agreement.repository';
import {
  type ComplianceMetRequest,
  type ComplianceNoticeRequest,
  complianceMetRequestSchema,
  complianceNoticeRequestSchema,
  type DecisionRequest,
  decisionRequestSchema,
  type FileApplicationRequest,
  fileApplicationRequestSchema,
  type InspectorOpinionRequest,
  inspectorOpinionRequestSchema,
  type ListAgreementsQuery,
  listAgreementsQuerySchema,
  type MemberInformationRequest,
  memberInformationRequestSchema,
  type RecordExistingAgreementRequest,
  recordExistingAgreementRequestSchema,
  type ShorteningRequest,
  shorteningRequestSchema,
  type WithdrawalRequest,
  withdrawalRequestSchema,
} from './dto/agreement.request.dto';
import {
  type AgreementResponse,
  agreementPageSchema,
  agreementResponseSchema,
  toAgreementResponse,
} from './dto/agreement.response.dto';
import {
  type AgreementDeadlineResponse,
  agreementDeadlinesResponseSchema,
  toAgreementDeadlineResponse,
} from './dto/agreement-deadline.response.dto';
import { renewalViewResponseSchema } from './dto/renewal-view.response.dto';

const idParams = z.object({ id: z.uuid() });
const noticeParams = z.object({ id: z.uuid(), noticeId: z.uuid() });
type IdParams = z.infer<typeof idParams>;

/**
 * Agréments: a service (or the DIRECCTE for it) files; the DIRECCTE of the service's region records the
 * MIT opinion and decides; parties read within their scope. Every change takes `If-Match` (428 without it,
 * 412 when stale). The controller translates; one handler per command decides.
 */
@ApiTags('agreements')
@Controller('api/v1/agreements')
export class AgreementController {
  constructor(
    private readonly fileApplication: FileApplicationHandler,
    private readonly recordExisting: RecordExistingAgreementHandler,
    private readonly recordOpinion: RecordInspectorOpinionHandler,
    private readonly decide: DecideApplicationHandler,
    private readonly issueNotice: IssueComplianceNoticeHandler,
    private readonly recordCompliance: RecordComplianceMetHandler,
    private readonly withdraw: WithdrawAgreementHandler,
    private readonly shorten: ShortenAgreementHandler,
    private readonly recordMembersInformed: RecordMemberInformationHandler,
    private readonly agreements: AgreementRepository,
    private readonly deadlines: DeadlineScheduler,
    private readonly scope: ScopeEnforcer,
    private readonly audit: AuditTrail,
    private readonly renewalViews: RenewalViewQuery,
    private readonly clock: Clock,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('admin', 'direccte', 'sst')
  @Idempotent()
  @ETag()
  @ApiZodResponse(201, agreementResponseSchema, 'The application, filed')
  async file(
    @ZodBody(fileApplicationRequestSchema) body: FileApplicationRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.fileApplication.execute(body));
  }

  /** An agrément granted before the region joined the platform, recorded with its real dates (ADR 0009). */
  @Post('existing')
  @HttpCode(201)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(201, agreementResponseSchema, 'The agrément, recorded as it stands')
  async recordExistingAgreement(
    @ZodBody(recordExistingAgreementRequestSchema) body: RecordExistingAgreementRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordExisting.execute(body));
  }

  @Get()
  @ApiZodResponse(200, agreementPageSchema)
  async list(
    @ZodQuery(listAgreementsQuerySchema) query: ListAgreementsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<{ items: AgreementResponse[]; page: number; pageSize: number; total: number }> {
    const scope = AccessScope.readsEverything(actor)
      ? {}
      : AccessScope.isRegionalAuthority(actor) && actor.region
        ? { withinRegions: [actor.region] }
        : { onlyServiceId: actor.organisationId ?? '00000000-0000-0000-0000-000000000000' };
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.agreements.list({ ...filter, ...scope }, page, pageSize);
    const today = this.today();
    return { items: items.map((a) => toAgreementResponse(a, today)), page, pageSize, total };
  }

  @Get(':id')
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema)
  async get(@ZodParams(idParams) { id }: IdParams): Promise<AgreementResponse> {
    return this.respond(await this.load(id));
  }

  /** What the DIRECCTE examines at renewal: the service project and the CPOM (seed 002 I.1). */
  @Get(':id/renewal-view')
  @ApiZodResponse(200, renewalViewResponseSchema)
  renewalView(@ZodParams(idParams) { id }: IdParams): Promise<RenewalView> {
    return this.renewalViews.view(id);
  }

  /** The agrément's deadlines: reminders, warnings and expiry, pending or done; `skipped` ones had passed when known. */
  @Get(':id/deadlines')
  @ApiZodResponse(200, agreementDeadlinesResponseSchema)
  async deadlineList(@ZodParams(idParams) { id }: IdParams): Promise<{ items: AgreementDeadlineResponse[] }> {
    await this.load(id);
    const deadlines = await this.deadlines.listForSubject(id);
    return { items: deadlines.map(toAgreementDeadlineResponse) };
  }

  @Get(':id/history')
  async history(
    @ZodParams(idParams) { id }: IdParams,
    @ZodQuery(historyQuerySchema) query: z.infer<typeof historyQuerySchema>,
  ): Promise<HistoryPage> {
    await this.load(id);
    return this.audit.history('agreement', id, query);
  }

  @Post(':id/inspector-opinion')
  @HttpCode(200)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema, 'The agrément, changed')
  async inspectorOpinion(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(inspectorOpinionRequestSchema) body: InspectorOpinionRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordOpinion.execute(id, version, body));
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema, 'The agrément, changed')
  async decision(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(decisionRequestSchema) body: DecisionRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.decide.execute(id, version, body));
  }

  @Post(':id/compliance-notices')
  @HttpCode(201)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  async complianceNotice(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(complianceNoticeRequestSchema) body: ComplianceNoticeRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.issueNotice.execute(id, version, body));
  }

  @Post(':id/compliance-notices/:noticeId/compliance')
  @HttpCode(200)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema, 'The agrément, changed')
  async complianceMet(
    @ZodParams(noticeParams) { id, noticeId }: z.infer<typeof noticeParams>,
    @IfMatchVersion() version: number,
    @ZodBody(complianceMetRequestSchema) body: ComplianceMetRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordCompliance.execute(id, version, noticeId, body.metOn));
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema, 'The agrément, changed')
  async withdrawal(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(withdrawalRequestSchema) body: WithdrawalRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.withdraw.execute(id, version, body));
  }

  @Post(':id/shortening')
  @HttpCode(200)
  @Roles('admin', 'direccte')
  @Idempotent()
  @ETag()
  @ApiZodResponse(200, agreementResponseSchema, 'The agrément, changed')
  async shortening(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(shorteningRequestSchema) body: ShorteningRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.shorten.execute(id, version, body));
  }

  @Post(':id/member-information')
  @HttpCode(200)
  @Roles('admin', 'direccte', 'sst')
  @Idempotent()
  @ETag()
  async memberInformation(
    @ZodParams(idParams) { id }: IdParams,
    @IfMatchVersion() version: number,
    @ZodBody(memberInformationRequestSchema) body: MemberInformationRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordMembersInformed.execute(id, version, body.informedOn, body.text));
  }

  private respond(agreement: Parameters<typeof toAgreementResponse>[0]): AgreementResponse {
    return toAgreementResponse(agreement, this.today());
  }

  private today() {
    return calendarDateAt(this.clock.now());
  }

  private async load(id: string) {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw new AgreementNotFoundError(id);
    this.scope.assertCanRead({
      regions: agreement.state.regions,
      organisationIds: [agreement.state.serviceId],
    });
    return agreement;
  }
}
