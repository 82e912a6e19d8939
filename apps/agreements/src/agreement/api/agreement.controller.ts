import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { CurrentActor, listScopeOf, type Role, ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import type { Actor } from '@tripartite/context';
import { DeadlineScheduler } from '@tripartite/deadlines';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  listQuerySchema,
  offsetOf,
  type Page,
  pageOf,
  QueryEndpoint,
  ReadEndpoint,
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
  agreementDeadlinePageSchema,
  toAgreementDeadlineResponse,
} from './dto/agreement-deadline.response.dto';
import { renewalViewResponseSchema } from './dto/renewal-view.response.dto';

const noticeParams = z.object({ id: z.uuid(), noticeId: z.uuid() });
const deadlinesQuerySchema = listQuerySchema({});

/** Who decides on an agrément: the DIRECCTE of the service's region (or an administrator). */
const DECIDERS: readonly Role[] = ['admin', 'direccte'];
/** What every decision step answers. */
const changed = { response: agreementResponseSchema, responseDescription: 'The agrément, changed' };

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
  @CommandEndpoint({
    name: 'fileAgreementApplication',
    summary: 'File an application for an agrément (first, renewal), as received complete by the DIRECCTE',
    description: 'The four months the DIRECCTE has to decide (R.4622-52) run from `filedOn`.',
    status: 201,
    roles: ['admin', 'direccte', 'sst'],
    response: agreementResponseSchema,
    responseDescription: 'The application, filed',
  })
  async file(
    @ZodBody(fileApplicationRequestSchema) body: FileApplicationRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.fileApplication.execute(body));
  }

  /** An agrément granted before the region joined the platform, recorded with its real dates (ADR 0009). */
  @Post('existing')
  @CommandEndpoint({
    name: 'recordExistingAgreement',
    summary: 'Record an agrément granted before the region joined the platform, with its real dates',
    description: 'Only the deadlines still ahead are planned; those already past are kept as skipped.',
    status: 201,
    roles: DECIDERS,
    response: agreementResponseSchema,
    responseDescription: 'The agrément, recorded as it stands',
  })
  async recordExistingAgreement(
    @ZodBody(recordExistingAgreementRequestSchema) body: RecordExistingAgreementRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordExisting.execute(body));
  }

  @ListEndpoint({
    name: 'listAgreements',
    summary: 'Agréments and applications within the reader’s scope, filtered, by pages',
    response: agreementPageSchema,
  })
  async list(
    @ZodQuery(listAgreementsQuerySchema) query: ListAgreementsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<AgreementResponse>> {
    const { withinRegions, ownOrganisationId } = listScopeOf(actor);
    const scope = { withinRegions, onlyServiceId: ownOrganisationId };
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.agreements.list({ ...filter, ...scope }, page, pageSize);
    const today = this.today();
    return pageOf(
      query,
      items.map((a) => toAgreementResponse(a, today)),
      total,
    );
  }

  @ReadEndpoint({
    name: 'getAgreement',
    summary: 'One agrément: its application, opinion, decision, notices and validity',
    response: agreementResponseSchema,
  })
  async get(@IdParam() id: string): Promise<AgreementResponse> {
    return this.respond(await this.load(id));
  }

  /** What the DIRECCTE examines at renewal: the service project and the CPOM (seed 002 I.1). */
  @Get(':id/renewal-view')
  @QueryEndpoint({
    name: 'getAgreementRenewalView',
    summary: 'What the DIRECCTE examines at renewal: the service project and the CPOM (seed 002 I.1)',
    response: renewalViewResponseSchema,
    problems: [400, 403, 404],
  })
  renewalView(@IdParam() id: string): Promise<RenewalView> {
    return this.renewalViews.view(id);
  }

  /** The agrément's deadlines: reminders, warnings and expiry, pending or done; `skipped` ones had passed when known. */
  @Get(':id/deadlines')
  @QueryEndpoint({
    name: 'listAgreementDeadlines',
    summary: 'The agrément’s deadlines (reminders, warnings, expiry) and what became of each',
    response: agreementDeadlinePageSchema,
    problems: [400, 403, 404],
  })
  async deadlineList(
    @IdParam() id: string,
    @ZodQuery(deadlinesQuerySchema) query: z.infer<typeof deadlinesQuerySchema>,
  ): Promise<Page<AgreementDeadlineResponse>> {
    await this.load(id);
    const deadlines = await this.deadlines.listForSubject(id);
    const start = offsetOf(query);
    const page = deadlines.slice(start, start + query.pageSize).map(toAgreementDeadlineResponse);
    return pageOf(query, page, deadlines.length);
  }

  @AuditHistoryEndpoint('agreement')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('agreement', id, query, () => this.load(id));
  }

  @Post(':id/inspector-opinion')
  @CommandEndpoint({
    name: 'recordInspectorOpinion',
    summary: 'Record the labour inspector’s (MIT) opinion on the application, before any decision',
    roles: DECIDERS,
    ...changed,
  })
  async inspectorOpinion(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(inspectorOpinionRequestSchema) body: InspectorOpinionRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordOpinion.execute(id, version, body));
  }

  @Post(':id/decision')
  @CommandEndpoint({
    name: 'decideAgreement',
    summary:
      'Decide on the application: grant, grant conditionally (at most two years, D.4622-51 1°) or refuse',
    roles: DECIDERS,
    ...changed,
  })
  async decision(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(decisionRequestSchema) body: DecisionRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.decide.execute(id, version, body));
  }

  @Post(':id/compliance-notices')
  @CommandEndpoint({
    name: 'issueComplianceNotice',
    summary:
      'Give the service formal notice to comply within a deadline of at most six months (D.4622-51 2°)',
    status: 201,
    roles: DECIDERS,
    response: agreementResponseSchema,
    responseDescription: 'The agrément, with the notice',
  })
  async complianceNotice(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(complianceNoticeRequestSchema) body: ComplianceNoticeRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.issueNotice.execute(id, version, body));
  }

  @Post(':id/compliance-notices/:noticeId/compliance')
  @CommandEndpoint({
    name: 'recordComplianceMet',
    summary: 'Record that the service complied with a formal notice before its deadline',
    roles: DECIDERS,
    ...changed,
  })
  async complianceMet(
    @ZodParams(noticeParams) { id, noticeId }: z.infer<typeof noticeParams>,
    @IfMatchVersion() version: number,
    @ZodBody(complianceMetRequestSchema) body: ComplianceMetRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.recordCompliance.execute(id, version, noticeId, body.metOn));
  }

  @Post(':id/withdrawal')
  @CommandEndpoint({
    name: 'withdrawAgreement',
    summary: 'Withdraw the agrément once a formal notice lapsed without compliance (D.4622-51 2°)',
    roles: DECIDERS,
    ...changed,
  })
  async withdrawal(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(withdrawalRequestSchema) body: WithdrawalRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.withdraw.execute(id, version, body));
  }

  @Post(':id/shortening')
  @CommandEndpoint({
    name: 'shortenAgreement',
    summary: 'Shorten the agrément once a formal notice lapsed without compliance (D.4622-51 2°)',
    roles: DECIDERS,
    ...changed,
  })
  async shortening(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(shorteningRequestSchema) body: ShorteningRequest,
  ): Promise<AgreementResponse> {
    return this.respond(await this.shorten.execute(id, version, body));
  }

  @Post(':id/member-information')
  @CommandEndpoint({
    name: 'recordMembersInformed',
    summary:
      'Record the day the service’s president informed every member company of the decision (D.4622-51 2°)',
    roles: ['admin', 'direccte', 'sst'],
    ...changed,
  })
  async memberInformation(
    @IdParam() id: string,
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
