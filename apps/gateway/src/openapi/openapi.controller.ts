import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { OpenApiAggregator } from './openapi-aggregator';
import type { OpenApiDocument } from './openapi-merger';

/** The whole public API in one OpenAPI document; the UI at /api/docs reads the same. Public. */
@ApiExcludeController()
@Controller('api')
export class OpenApiController {
  constructor(private readonly aggregator: OpenApiAggregator) {}

  @Get('openapi.json')
  @Header('cache-control', 'no-cache')
  document(): Promise<OpenApiDocument> {
    return this.aggregator.document();
  }
}
