import { Controller, Get, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NATIONWIDE_ROLES, ScopeEnforcer } from '@tripartite/auth';
import { calendarDateAt } from '@tripartite/calendar';
import { Clock } from '@tripartite/clock';
import { QueryEndpoint, ZodParams, ZodQuery } from '@tripartite/http';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { SteeringFiguresQuery } from '../application/steering-figures.query';
import { CSV_CONTENT_TYPE } from '../domain/csv-table';
import { regionLabel, steeringCsv } from '../domain/steering-csv';
import type { SteeringFigures } from '../domain/steering-figures';
import {
  type DashboardQuery,
  dashboardQuerySchema,
  type HistoryQuery,
  historyQuerySchema,
  nationalDashboardSchema,
  nationalHistorySchema,
  regionHistorySchema,
  regionParams,
  steeringFiguresSchema,
} from './dto/dashboard.dto';

const FIGURES_DESCRIPTION =
  'Seed 002 I.2 ("nombre de CPOM, nombre de projets pluriannuels de service, nombre de services agréés, nombre ' +
  'de salariés couverts") and seed 000 (partnership protocols, target 50 % of the SSTi). Agréments, service ' +
  'projects, CPOMs in force, employees and coverage, CPOMs by status, actions by theme (national programmes ' +
  'first), indicators by status (from the values known that day) and reviews are all as they stood at `at`, each ' +
  'fact counted from its business date (ADR 0019). ' +
  '`?format=csv`: French headers, `;`, UTF-8 with BOM.';

/** Regional and national steering figures, kept by projection (ADR 0019), as JSON or CSV. */
@ApiTags('dashboards')
@Controller('api/v1/dashboards')
export class DashboardController {
  constructor(
    private readonly figures: SteeringFiguresQuery,
    private readonly scope: ScopeEnforcer,
    private readonly clock: Clock,
  ) {}

  @Get('regions/:region')
  @QueryEndpoint({
    name: 'getRegionalDashboard',
    summary: 'Steering figures of one region at a date',
    description: `${FIGURES_DESCRIPTION} Read by national roles and by the parties of the region.`,
    response: steeringFiguresSchema,
    responseDescription: 'The region’s figures',
    problems: [400, 403],
  })
  async region(
    @ZodParams(regionParams) { region }: z.infer<typeof regionParams>,
    @ZodQuery(dashboardQuerySchema) query: DashboardQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SteeringFigures | string> {
    this.scope.assertCanReadRegion(region);
    const figures = await this.figures.region(region, query.at ?? this.today());
    if (query.format === 'csv') {
      return csv(reply, `tableau-de-bord-${region}.csv`, [{ label: regionLabel(region), figures }]);
    }
    return figures;
  }

  @Get('regions/:region/history')
  @QueryEndpoint({
    name: 'getRegionalDashboardHistory',
    summary: 'Steering figures of one region, year by year (at 31 December, or today for this year)',
    description: FIGURES_DESCRIPTION,
    response: regionHistorySchema,
    responseDescription: 'The region’s figures by year',
    problems: [400, 403],
  })
  async regionHistory(
    @ZodParams(regionParams) { region }: z.infer<typeof regionParams>,
    @ZodQuery(historyQuerySchema) query: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof regionHistorySchema> | string> {
    this.scope.assertCanReadRegion(region);
    const years = await Promise.all(this.yearEnds(query).map((at) => this.figures.region(region, at)));
    if (query.format === 'csv') {
      return csv(
        reply,
        `historique-${region}.csv`,
        years.map((figures) => ({ label: regionLabel(region), figures })),
      );
    }
    return { region, years };
  }

  @Get('national')
  @QueryEndpoint({
    name: 'getNationalDashboard',
    summary: 'Steering figures of every region and of the nation at a date',
    description: FIGURES_DESCRIPTION,
    roles: NATIONWIDE_ROLES,
    response: nationalDashboardSchema,
    responseDescription: 'Each region’s figures and the total',
    problems: [400],
  })
  async national(
    @ZodQuery(dashboardQuerySchema) query: DashboardQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof nationalDashboardSchema> | string> {
    const dashboard = await this.figures.national(query.at ?? this.today());
    if (query.format === 'csv') return csv(reply, 'tableau-de-bord-national.csv', linesOf(dashboard));
    return dashboard;
  }

  @Get('national/history')
  @QueryEndpoint({
    name: 'getNationalDashboardHistory',
    summary: 'Steering figures of every region and of the nation, year by year',
    description: FIGURES_DESCRIPTION,
    roles: NATIONWIDE_ROLES,
    response: nationalHistorySchema,
    responseDescription: 'Each year’s figures by region and in total',
    problems: [400],
  })
  async nationalHistory(
    @ZodQuery(historyQuerySchema) query: HistoryQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<z.infer<typeof nationalHistorySchema> | string> {
    const years = [];
    for (const at of this.yearEnds(query)) years.push(await this.figures.national(at));
    if (query.format === 'csv') return csv(reply, 'historique-national.csv', years.flatMap(linesOf));
    return { years };
  }

  private today(): string {
    return calendarDateAt(this.clock.now());
  }

  /** 31 December of each year asked, today for this year; future years are left out. */
  private yearEnds(query: HistoryQuery): string[] {
    const today = this.today();
    const thisYear = Number(today.slice(0, 4));
    const to = Math.min(query.to ?? thisYear, thisYear);
    const from = query.from ?? to - 4;
    const dates: string[] = [];
    for (let year = from; year <= to; year++) dates.push(year === thisYear ? today : `${year}-12-31`);
    return dates;
  }
}

function linesOf(dashboard: { regions: SteeringFigures[]; total: SteeringFigures }) {
  return [...dashboard.regions, dashboard.total].map((figures) => ({
    label: regionLabel(figures.region),
    figures,
  }));
}

function csv(
  reply: FastifyReply,
  filename: string,
  lines: { label: string; figures: SteeringFigures }[],
): string {
  reply.header('content-type', CSV_CONTENT_TYPE);
  reply.header('content-disposition', `attachment; filename="${filename}"`);
  return steeringCsv(lines);
}
