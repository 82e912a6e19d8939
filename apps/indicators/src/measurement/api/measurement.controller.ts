import { Controller, Get, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Role } from '@tripartite/auth';
import { ScopeEnforcer } from '@tripartite/auth';
import {
  CommandEndpoint,
  IfMatchVersion,
  QueryEndpoint,
  ZodBody,
  ZodParams,
  ZodQuery,
} from '@tripartite/http';
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import { CSV_CONTENT_TYPE, csvOf, STATUS_LABELS } from '../../dashboard/domain/csv-table';
import { CorrectMeasurementHandler } from '../application/correct-measurement.handler';
import { CpomIndicatorsQuery, type CpomIndicatorsView } from '../application/cpom-indicators.query';
import { RecordMeasurementHandler } from '../application/record-measurement.handler';
import { partiesOf } from '../application/reporting-frame';
import { CpomNotFoundError, MeasurementNotFoundError } from '../domain/measurement.errors';
import { MeasurementRepository } from '../infrastructure/measurement.repository';
import {
  type CorrectMeasurementRequest,
  correctMeasurementRequestSchema,
  cpomParams,
  exportQuerySchema,
  indicatorParams,
  measurementParams,
  type RecordMeasurementRequest,
  recordMeasurementRequestSchema,
} from './dto/measurement.request.dto';
import {
  type CpomIndicatorsResponse,
  cpomIndicatorsResponseSchema,
  type MeasurementResponse,
  type MeasurementWithHistoryResponse,
  measurementResponseSchema,
  measurementWithHistoryResponseSchema,
  toCorrectionResponse,
  toMeasurementResponse,
} from './dto/measurement.response.dto';

/** The service reports (ADR 0019); an administrator may, for support. */
const REPORTERS: readonly Role[] = ['admin', 'sst'];

/**
 * The values of a CPOM's indicators (seed 002 II.4: indicators "qualitatifs et quantitatifs, simples,
 * pragmatiques et partagés"): the service reports one value per indicator and period, corrects it (If-Match;
 * the history is kept); its three parties and national roles read them with progress and status.
 */
@ApiTags('indicators')
@Controller('api/v1/cpoms')
export class MeasurementController {
  constructor(
    private readonly recordHandler: RecordMeasurementHandler,
    private readonly correctHandler: CorrectMeasurementHandler,
    private readonly indicatorsQuery: CpomIndicatorsQuery,
    private readonly repository: MeasurementRepository,
    private readonly scope: ScopeEnforcer,
  ) {}

  @Post(':id/indicators/:indicatorId/measurements')
  @CommandEndpoint({
    name: 'reportIndicatorValue',
    summary: 'Report the value of a CPOM indicator for a year or half-year',
    description:
      'Refused (nothing written) on a CPOM not signed, an indicator the CPOM does not define, a period outside ' +
      'the CPOM or of the wrong frequency, a value of the wrong kind, or a period already reported (correct it).',
    status: 201,
    roles: REPORTERS,
    response: measurementResponseSchema,
    responseDescription: 'The value reported, at version 1',
    problems: [404],
  })
  async record(
    @ZodParams(indicatorParams) { id, indicatorId }: z.infer<typeof indicatorParams>,
    @ZodBody(recordMeasurementRequestSchema) body: RecordMeasurementRequest,
  ): Promise<MeasurementResponse> {
    return toMeasurementResponse(await this.recordHandler.execute(id, indicatorId, body));
  }

  @Put(':id/indicators/:indicatorId/measurements/:period')
  @CommandEndpoint({
    name: 'correctIndicatorValue',
    summary: 'Correct the value reported for a period; the correction is kept in its history',
    roles: REPORTERS,
    response: measurementResponseSchema,
    responseDescription: 'The value, corrected',
  })
  async correct(
    @ZodParams(measurementParams) { id, indicatorId, period }: z.infer<typeof measurementParams>,
    @IfMatchVersion() expectedVersion: number,
    @ZodBody(correctMeasurementRequestSchema) body: CorrectMeasurementRequest,
  ): Promise<MeasurementResponse> {
    return toMeasurementResponse(
      await this.correctHandler.execute(id, indicatorId, period, expectedVersion, body),
    );
  }

  @Get(':id/indicators/:indicatorId/measurements/:period')
  @QueryEndpoint({
    name: 'getIndicatorValue',
    summary: 'The value reported for a period, with its corrections (who, when, before and after)',
    response: measurementWithHistoryResponseSchema,
    responseDescription: 'The value and its corrections',
    etag: true,
    problems: [400, 403, 404],
  })
  async get(
    @ZodParams(measurementParams) { id, indicatorId, period }: z.infer<typeof measurementParams>,
  ): Promise<MeasurementWithHistoryResponse> {
    const cpom = await this.repository.findCpom(id);
    if (!cpom) throw new CpomNotFoundError(id);
    this.scope.assertCanRead(partiesOf(cpom));
    const value = await this.repository.findMeasurement(id, indicatorId, period);
    if (!value) throw new MeasurementNotFoundError(period);
    const corrections = await this.repository.corrections(id, indicatorId, period);
    return { ...toMeasurementResponse(value), corrections: corrections.map(toCorrectionResponse) };
  }

  @Get(':id/indicators')
  @QueryEndpoint({
    name: 'listCpomIndicators',
    summary: 'A CPOM’s indicators: baseline, target, values by period, progress and status (JSON or CSV)',
    description:
      'Status: `no_data` without a value; else, from the latest value, `on_track` when it is at least (or, ' +
      'for a decrease, at most) the value expected at the end of its period on the line from the baseline at ' +
      'the CPOM’s start to the target at its end, `behind` otherwise (ADR 0019). `?format=csv`: French headers, ' +
      '`;`, UTF-8 with BOM.',
    response: cpomIndicatorsResponseSchema,
    responseDescription: 'The indicators of the CPOM’s content in force',
    problems: [400, 403, 404],
  })
  async list(
    @ZodParams(cpomParams) { id }: z.infer<typeof cpomParams>,
    @ZodQuery(exportQuerySchema) { format }: z.infer<typeof exportQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CpomIndicatorsResponse | string> {
    const view = await this.indicatorsQuery.execute(id);
    if (format === 'csv') {
      reply.header('content-type', CSV_CONTENT_TYPE);
      reply.header('content-disposition', `attachment; filename="cpom-${id}-indicateurs.csv"`);
      return indicatorsCsv(view);
    }
    return {
      ...view,
      indicators: view.indicators.map((indicator) => ({
        ...indicator,
        values: indicator.values.map(toMeasurementResponse),
      })),
    };
  }
}

function indicatorsCsv(view: CpomIndicatorsView): string {
  const headers = [
    'Action',
    'Thème',
    'Indicateur',
    'Nature',
    'Unité',
    'Valeur de référence',
    'Cible',
    'Période',
    'Valeur',
    'Commentaire',
    'Avancement (%)',
    'Statut',
  ];
  const rows = view.indicators.flatMap((indicator) => {
    const common = [
      indicator.actionTitle,
      indicator.theme,
      indicator.name,
      indicator.kind === 'quantitative' ? 'quantitatif' : 'qualitatif',
      indicator.unit,
      indicator.baseline,
      indicator.target,
    ];
    const progress = indicator.progress === null ? null : indicator.progress * 100;
    const status = STATUS_LABELS[indicator.status];
    if (indicator.values.length === 0) return [[...common, null, null, null, progress, status]];
    return indicator.values.map((value) => [
      ...common,
      value.period,
      value.numericValue ?? value.textValue,
      value.comment,
      progress,
      status,
    ]);
  });
  return csvOf(headers, rows);
}
