import { Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommandEndpoint } from '@tripartite/http';
import { z } from 'zod';
import { RebuildProjectionsHandler, type RebuildReport } from '../application/rebuild-projections.handler';

const rebuildReportSchema = z.object({
  requestId: z.uuid(),
  queue: z.string(),
  types: z.array(z.string()),
  forgotten: z.number().int(),
});

/** The administrator's rebuild of the indicators service's projections (ADR 0019). */
@ApiTags('indicators')
@Controller('api/v1/admin/indicators/rebuild')
export class RebuildController {
  constructor(private readonly handler: RebuildProjectionsHandler) {}

  @Post()
  @CommandEndpoint({
    name: 'rebuildIndicatorProjections',
    summary: 'Empty the projections and ask every producer to replay its event log to this service',
    description:
      'The reported values stay. The figures come back as the replayed events are applied (asynchronously).',
    status: 202,
    roles: ['admin'],
    response: rebuildReportSchema,
    responseDescription: 'The replay request sent and the inbox entries forgotten',
    etag: false,
  })
  rebuild(): Promise<RebuildReport> {
    return this.handler.execute();
  }
}
