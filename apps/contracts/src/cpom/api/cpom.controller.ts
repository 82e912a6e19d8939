import { Controller, Delete, Get, Patch, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { AuditHistoryEndpoint, AuditTrail, type HistoryQuery, HistoryQueryParam } from '@tripartite/audit';
import { CurrentActor, listScopeOf, type Role } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
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
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CpomAccess } from '../application/cpom-access';
import { CpomDocumentQuery } from '../application/cpom-document.query';
import { DraftCpomHandler } from '../application/draft-cpom.handler';
import { DraftCpomAmendmentHandler } from '../application/draft-cpom-amendment.handler';
import { EvaluateCpomHandler } from '../application/evaluate-cpom.handler';
import { RecordCpomReviewHandler } from '../application/record-cpom-review.handler';
import { RecordExistingCpomHandler } from '../application/record-existing-cpom.handler';
import { ReviseCpomHandler } from '../application/revise-cpom.handler';
import { SignCpomHandler } from '../application/sign-cpom.handler';
import { SignCpomAmendmentHandler } from '../application/sign-cpom-amendment.handler';
import { SubmitCpomHandler } from '../application/submit-cpom.handler';
import { WithdrawCpomSubmissionHandler } from '../application/withdraw-cpom-submission.handler';
import type { Cpom } from '../domain/cpom';
import { CpomNotFoundError, CpomRuleViolation, PLATFORM_RULE } from '../domain/cpom.errors';
import { diffVersions } from '../domain/cpom-diff';
import { contentHashOf } from '../domain/cpom-hash';
import { type CpomFilter, CpomRepository } from '../infrastructure/cpom.repository';
import {
  type DraftCpomAmendmentRequest,
  type DraftCpomRequest,
  draftCpomAmendmentRequestSchema,
  draftCpomRequestSchema,
  type EvaluateCpomRequest,
  evaluateCpomRequestSchema,
  type ListCpomsQuery,
  listCpomsQuerySchema,
  type RecordCpomReviewRequest,
  type RecordExistingCpomRequest,
  type ReviseCpomRequest,
  recordCpomReviewRequestSchema,
  recordExistingCpomRequestSchema,
  reviseCpomRequestSchema,
  type SignCpomAmendmentRequest,
  type SignCpomRequest,
  signCpomAmendmentRequestSchema,
  signCpomRequestSchema,
  withdrawCpomSubmissionQuerySchema,
} from './dto/cpom.request.dto';
import {
  type CpomResponse,
  cpomDiffResponseSchema,
  cpomResponseSchema,
  cpomVersionResponseSchema,
  cpomVersionsResponseSchema,
  type SubmittedCpomResponse,
  submittedCpomResponseSchema,
  toCpomResponse,
  toSubmittedCpomResponse,
  toVersionSummaries,
} from './dto/cpom.response.dto';

const versionNumber = z.coerce.number().int().min(1).max(1_000);
const amendmentParams = z.object({ id: z.uuid(), number: versionNumber });
const versionParams = z.object({ id: z.uuid(), number: versionNumber });
const diffParams = z.object({ id: z.uuid(), a: versionNumber, b: versionNumber });

/** The three parties write (L.4622-10); an administrator too. */
const PARTIES: readonly Role[] = ['admin', 'sst', 'direccte', 'caisse'];
/** A signature is a person of a party: never an administrator. */
const SIGNATORIES: readonly Role[] = ['sst', 'direccte', 'caisse'];

/**
 * CPOMs (L.4622-10, D.4622-44 to 47; seed 002 II). The three parties of the region read and write their
 * CPOMs; the CRPRP and ARS of the region read those submitted to them; national roles read all. Every change
 * of an existing CPOM takes `If-Match` (428 without, 412 stale) and may carry an `Idempotency-Key`.
 */
@ApiTags('cpoms')
@Controller('api/v1/cpoms')
export class CpomController {
  constructor(
    private readonly draftHandler: DraftCpomHandler,
    private readonly reviseHandler: ReviseCpomHandler,
    private readonly submitHandler: SubmitCpomHandler,
    private readonly withdrawHandler: WithdrawCpomSubmissionHandler,
    private readonly signHandler: SignCpomHandler,
    private readonly reviewHandler: RecordCpomReviewHandler,
    private readonly evaluateHandler: EvaluateCpomHandler,
    private readonly existingHandler: RecordExistingCpomHandler,
    private readonly cpoms: CpomRepository,
    private readonly access: CpomAccess,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    private readonly document: CpomDocumentQuery,
    private readonly amendHandler: DraftCpomAmendmentHandler,
    private readonly signAmendmentHandler: SignCpomAmendmentHandler,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'draftCpom',
    summary: 'Open a CPOM draft between an SSTi, the DIRECCTE of its region and its competent Caisse',
    description:
      'At most five years (D.4622-47), an SSTi only (L.4622-10), its competent Caisse; not sharing a day with another CPOM of the service past its draft.',
    status: 201,
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM, a draft',
  })
  async create(@ZodBody(draftCpomRequestSchema) body: DraftCpomRequest): Promise<CpomResponse> {
    return toCpomResponse(await this.draftHandler.execute(body));
  }

  @Post('existing')
  @CommandEndpoint({
    name: 'recordExistingCpom',
    summary: 'Record a CPOM signed before the region joined the platform, with its real dates',
    description:
      'Frozen as signed with its SHA-256, SIGNED while its period runs (EXPIRED once ended); reminders gone by are never sent. Same rules as a CPOM drafted here (L.4622-10, D.4622-47, seed 002 I.1).',
    status: 201,
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM, recorded',
  })
  async recordExisting(
    @ZodBody(recordExistingCpomRequestSchema) body: RecordExistingCpomRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.existingHandler.execute(body));
  }

  @ListEndpoint({
    name: 'listCpoms',
    summary: 'CPOMs within the reader’s scope, filtered, by pages',
    response: pageSchemaOf(cpomResponseSchema, 'Newest period first'),
  })
  async list(
    @ZodQuery(listCpomsQuerySchema) query: ListCpomsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CpomResponse>> {
    const today = calendarDateAt(this.clock.now());
    const filter: CpomFilter = {
      region: query.region,
      serviceId: query.serviceId,
      status: query.status,
      theme: query.theme,
      inForceOn: query.inForceOn,
      reviewOverdue: query.reviewOverdue ? { today } : undefined,
      recorded: query.recorded,
      ...scopeOf(actor),
    };
    const { items, total } = await this.cpoms.list(filter, query);
    return pageOf(query, items.map(toCpomResponse), total);
  }

  @ReadEndpoint({
    name: 'getCpom',
    summary: 'One CPOM: its contents, opinions, signatures and signed versions, their hashes checked',
    response: cpomResponseSchema,
    responseDescription: 'The CPOM',
  })
  async get(@IdParam() id: string): Promise<CpomResponse> {
    return toCpomResponse(await this.load(id));
  }

  @Patch(':id')
  @CommandEndpoint({
    name: 'reviseCpomDraft',
    summary: 'Change parts of a CPOM draft (after submission, only an amendment changes it)',
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM draft, changed',
  })
  async revise(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(reviseCpomRequestSchema) body: ReviseCpomRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.reviseHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/submission')
  @CommandEndpoint({
    name: 'submitCpom',
    summary: 'Submit a complete CPOM for the opinions of the CRPRP and the ARS (L.4622-10, D.4622-44)',
    description:
      'Refused while incomplete, listing each incomplete action and what it lacks, by party (seed 002 II.4); recommendations come back as warnings.',
    roles: PARTIES,
    response: submittedCpomResponseSchema,
    responseDescription: 'The CPOM, in consultation, with the warnings',
  })
  async submit(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
  ): Promise<SubmittedCpomResponse> {
    const { cpom, warnings } = await this.submitHandler.execute(id, expectedVersion);
    return toSubmittedCpomResponse(cpom, warnings);
  }

  @Delete(':id/submission')
  @CommandEndpoint({
    name: 'withdrawCpomSubmission',
    summary: 'Take a submitted CPOM back to draft; its consultations close',
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM, a draft again',
  })
  async withdraw(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodQuery(withdrawCpomSubmissionQuerySchema) query: z.infer<typeof withdrawCpomSubmissionQuerySchema>,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.withdrawHandler.execute(id, expectedVersion, query.reason));
  }

  @Post(':id/signatures')
  @CommandEndpoint({
    name: 'signCpom',
    summary: 'Sign the CPOM for the caller’s party; the third signature makes it SIGNED (L.4622-10)',
    description:
      'Only once every opinion is in on this version (D.4622-44), the service agreed on the signature date (seed 002 I.1), each party once; a justification where an opinion is unfavourable or reserved.',
    status: 201,
    roles: SIGNATORIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM with the signature',
  })
  async sign(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(signCpomRequestSchema) body: SignCpomRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.signHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/annual-reviews')
  @CommandEndpoint({
    name: 'recordCpomReview',
    summary: 'Record the yearly review of a CPOM in force by its three parties (seed 002 II.4)',
    description:
      'Date, participants of each party, each indicator’s value or comment, difficulties and decisions; the next review moves.',
    status: 201,
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM with the review and its next review date',
  })
  async review(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(recordCpomReviewRequestSchema) body: RecordCpomReviewRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.reviewHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/evaluation')
  @CommandEndpoint({
    name: 'evaluateCpom',
    summary: 'Record the final evaluation of an expired CPOM (seed 002 II.4)',
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM, evaluated',
  })
  async evaluate(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(evaluateCpomRequestSchema) body: EvaluateCpomRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.evaluateHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/amendments')
  @CommandEndpoint({
    name: 'draftCpomAmendment',
    summary: 'Draft an amendment (avenant) on the current version of a CPOM in force (D.4622-47)',
    description:
      'The parts named replace those of the current text; the amendment keeps the start and the five-year limit, amendments included; the text must stay complete. It applies once the three parties sign it.',
    status: 201,
    roles: PARTIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM with the amendment to sign',
  })
  async amend(
    @IdParam() id: string,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(draftCpomAmendmentRequestSchema) body: DraftCpomAmendmentRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(await this.amendHandler.execute(id, expectedVersion, body));
  }

  @Post(':id/amendments/:number/signatures')
  @CommandEndpoint({
    name: 'signCpomAmendment',
    summary: 'Sign an amendment for the caller’s party; the third signature applies it as the next version',
    status: 201,
    roles: SIGNATORIES,
    response: cpomResponseSchema,
    responseDescription: 'The CPOM with the signature (and, at the third, its new version in force)',
  })
  async signAmendment(
    @ZodParams(amendmentParams) { id, number }: z.infer<typeof amendmentParams>,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(signCpomAmendmentRequestSchema) body: SignCpomAmendmentRequest,
  ): Promise<CpomResponse> {
    return toCpomResponse(
      await this.signAmendmentHandler.execute(id, number, expectedVersion, body.signedOn),
    );
  }

  @Get(':id/versions')
  @QueryEndpoint({
    name: 'listCpomVersions',
    summary: 'The signed versions of a CPOM (as signed, then one per amendment), each hash checked',
    response: cpomVersionsResponseSchema,
    problems: [400, 403, 404],
  })
  async versions(@IdParam() id: string) {
    return toVersionSummaries(await this.load(id));
  }

  @Get(':id/versions/:number')
  @QueryEndpoint({
    name: 'getCpomVersion',
    summary: 'One signed version of a CPOM: its full text and SHA-256, checked',
    response: cpomVersionResponseSchema,
    problems: [400, 403, 404],
  })
  async version(@ZodParams(versionParams) { id, number }: z.infer<typeof versionParams>) {
    const cpom = await this.load(id);
    const version = signedVersion(cpom, number);
    return {
      number: version.number,
      contentHash: version.contentHash,
      verified: contentHashOf(version.content) === version.contentHash,
      signedOn: version.signedOn,
      amendmentNumber: version.amendmentNumber,
      ...structuredClone(version.content),
    };
  }

  @Get(':id/versions/:a/diff/:b')
  @QueryEndpoint({
    name: 'diffCpomVersions',
    summary: 'What changed from one signed version to another, in words a party reads',
    description: 'Priority added or removed, commitment changed, target moved, period changed… (French).',
    response: cpomDiffResponseSchema,
    problems: [400, 403, 404],
  })
  async diff(@ZodParams(diffParams) { id, a, b }: z.infer<typeof diffParams>) {
    const cpom = await this.load(id);
    return {
      from: a,
      to: b,
      changes: diffVersions(signedVersion(cpom, a).content, signedVersion(cpom, b).content),
    };
  }

  @Get(':id/document')
  @ApiProduces('application/pdf')
  @QueryEndpoint({
    name: 'getCpomDocument',
    summary: 'The CPOM as the parties print and sign it (PDF, in French), with its content hash once signed',
    response: z.string().describe('A PDF document'),
    responseDescription:
      'The PDF: context, priorities, action programmes, follow-up, annexes, opinions, signatures',
    problems: [400, 403, 404],
  })
  async printed(@IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const cpom = await this.load(id);
    reply.header('content-type', 'application/pdf');
    reply.header('content-disposition', `inline; filename="cpom-${id}.pdf"`);
    return this.document.render(cpom);
  }

  @AuditHistoryEndpoint('cpom')
  history(@IdParam() id: string, @HistoryQueryParam() query: HistoryQuery) {
    return this.audit.historyOfReadable('cpom', id, query, () => this.load(id));
  }

  private async load(id: string): Promise<Cpom> {
    const cpom = await this.cpoms.findById(id);
    if (!cpom) throw new CpomNotFoundError(id);
    this.access.assertCanRead(cpom);
    return cpom;
  }
}

/**
 * National roles read all; the DIRECCTE and the Caisse their region; the CRPRP and the ARS the submitted
 * CPOMs of their region; anyone else those its organisation is party to.
 */
function scopeOf(actor: Actor): Pick<CpomFilter, 'withinRegions' | 'partyOrganisationId' | 'submittedOnly'> {
  const { withinRegions, ownOrganisationId } = listScopeOf(actor);
  const consultedOnly =
    withinRegions !== undefined && !actor.roles.some((role) => role === 'direccte' || role === 'caisse');
  return { withinRegions, partyOrganisationId: ownOrganisationId, submittedOnly: consultedOnly || undefined };
}

function signedVersion(cpom: Cpom, number: number) {
  const version = cpom.state.signedVersions.find((candidate) => candidate.number === number);
  if (!version) {
    throw new CpomRuleViolation(
      'CPOM_VERSION.NOT_FOUND',
      `no signed version ${number} of this CPOM`,
      'number',
      PLATFORM_RULE,
    );
  }
  return version;
}
