import { Controller, Get, Post, Res } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Clock } from '@tripartite/clock';
import { agrementPolicyFiguresSchema, calendarDateSchema, regionCodeSchema } from '@tripartite/events';
import {
  CommandEndpoint,
  IdParam,
  IfMatchVersion,
  ListEndpoint,
  listQuerySchema,
  type Page,
  pageOf,
  pageSchemaOf,
  QueryEndpoint,
  ReadEndpoint,
  ZodBody,
  ZodQuery,
} from '@tripartite/http';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { figuresCsv } from '../../directory/domain/agrement-figures';
import { DirectoryRepository } from '../../directory/infrastructure/directory.repository';
import { PlanAgrementPolicyReportHandler } from '../application/plan-agrement-policy-report.handler';
import { PresentAgrementPolicyReportHandler } from '../application/present-agrement-policy-report.handler';
import { ReportAuthority } from '../application/report-authority';
import type { AgrementPolicyReport } from '../domain/agrement-policy-report';
import { AgrementPolicyReportNotFoundError } from '../domain/agrement-policy-report.errors';
import { AgrementPolicyReportRepository } from '../infrastructure/agrement-policy-report.repository';
import { FiguresPdf } from '../infrastructure/figures-pdf';

const yearSchema = z.coerce.number().int().min(2012).max(9999);
const planRequestSchema = z
  .object({ region: regionCodeSchema, year: yearSchema, dueOn: calendarDateSchema })
  .strict();
const presentationRequestSchema = z.object({ bodyId: z.uuid(), presentedOn: calendarDateSchema }).strict();
const listReportsQuerySchema = listQuerySchema({
  region: regionCodeSchema.optional(),
  year: yearSchema.optional(),
  status: z.enum(['due', 'presented']).optional(),
});
const reportResponseSchema = z.object({
  id: z.uuid(),
  region: regionCodeSchema,
  year: z.number().int(),
  dueOn: calendarDateSchema,
  status: z.enum(['due', 'presented']),
  presentedOn: calendarDateSchema.nullable(),
  bodyId: z.uuid().nullable(),
  figures: agrementPolicyFiguresSchema.describe(
    'As presented once presented; read from the agrément events until then',
  ),
  version: z.number().int(),
});
type ReportResponse = z.infer<typeof reportResponseSchema>;

/**
 * The yearly information of the restricted formation (or successor) on the DIRECCTE's regional agrément policy
 * (seed 002 I.2): planned with its due date and reminders, its figures projected from `agreement.*` events and
 * circulated as a French CSV or PDF, recorded as presented on a session (ADR 0018).
 */
@ApiTags('agrement-policy-reports')
@Controller('api/v1/agrement-policy-reports')
export class AgrementPolicyReportController {
  constructor(
    private readonly planReport: PlanAgrementPolicyReportHandler,
    private readonly presentReport: PresentAgrementPolicyReportHandler,
    private readonly reports: AgrementPolicyReportRepository,
    private readonly directory: DirectoryRepository,
    private readonly authority: ReportAuthority,
    private readonly pdf: FiguresPdf,
    private readonly clock: Clock,
  ) {}

  @Post()
  @CommandEndpoint({
    name: 'planAgrementPolicyReport',
    summary:
      'Plan a region’s yearly information of the body on agrément policy, with its due date (seed 002 I.2)',
    status: 201,
    roles: ['admin', 'direccte'],
    response: reportResponseSchema,
    responseDescription: 'The information, planned, with the year’s figures so far',
  })
  async plan(@ZodBody(planRequestSchema) body: z.infer<typeof planRequestSchema>): Promise<ReportResponse> {
    return this.respond(await this.planReport.execute(body));
  }

  @ListEndpoint({
    name: 'listAgrementPolicyReports',
    summary: 'Yearly information on agrément policy within the reader’s regions, by pages',
    response: pageSchemaOf(reportResponseSchema, 'Newest year first'),
  })
  async list(
    @ZodQuery(listReportsQuerySchema) query: z.infer<typeof listReportsQuerySchema>,
  ): Promise<Page<ReportResponse>> {
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.reports.list(
      { ...filter, ...this.authority.listScope() },
      page,
      pageSize,
    );
    return pageOf(query, await Promise.all(items.map((r) => this.respond(r))), total);
  }

  @ReadEndpoint({
    name: 'getAgrementPolicyReport',
    summary: 'One yearly information on agrément policy, with its figures',
    response: reportResponseSchema,
  })
  async get(@IdParam() id: string): Promise<ReportResponse> {
    return this.respond(await this.load(id));
  }

  @Get(':id/figures.csv')
  @ApiProduces('text/csv')
  @QueryEndpoint({
    name: 'getAgrementPolicyFiguresCsv',
    summary: 'The year’s agrément figures as a French CSV (UTF-8 with BOM, `;` separator) to circulate',
    response: z.string(),
    problems: [400, 403, 404],
  })
  async csv(@IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const report = await this.respond(await this.load(id));
    reply.header('content-type', 'text/csv; charset=utf-8');
    reply.header(
      'content-disposition',
      `attachment; filename="politique-agrement-${report.region}-${report.year}.csv"`,
    );
    return figuresCsv(report, report.figures);
  }

  @Get(':id/figures.pdf')
  @ApiProduces('application/pdf')
  @QueryEndpoint({
    name: 'getAgrementPolicyFiguresPdf',
    summary: 'The year’s agrément figures as a one-page French PDF to circulate (seed 002 I.2)',
    response: z.string().describe('A PDF document'),
    problems: [400, 403, 404],
  })
  async pdfOf(@IdParam() id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const report = await this.respond(await this.load(id));
    const document = await this.pdf.render(report, report.figures, this.clock.now());
    reply.header('content-type', 'application/pdf');
    reply.header(
      'content-disposition',
      `attachment; filename="politique-agrement-${report.region}-${report.year}.pdf"`,
    );
    return document;
  }

  @Post(':id/presentation')
  @CommandEndpoint({
    name: 'presentAgrementPolicyReport',
    summary: 'Record the information as presented to the body on a session; the figures are kept as shown',
    roles: ['admin', 'direccte', 'crprp'],
    response: reportResponseSchema,
    responseDescription: 'The information, presented',
  })
  async presentation(
    @IdParam() id: string,
    @IfMatchVersion() version: number,
    @ZodBody(presentationRequestSchema) body: z.infer<typeof presentationRequestSchema>,
  ): Promise<ReportResponse> {
    return this.respond(await this.presentReport.execute(id, version, body));
  }

  private async respond(report: AgrementPolicyReport): Promise<ReportResponse> {
    const s = report.state;
    return { ...s, figures: s.figures ?? (await this.directory.figures(s.region, s.year)) };
  }

  private async load(id: string): Promise<AgrementPolicyReport> {
    const report = await this.reports.findById(id);
    if (!report) throw new AgrementPolicyReportNotFoundError(id);
    this.authority.assertMayRead(report);
    return report;
  }
}
