import { Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ClockSync } from '@tripartite/clock';
import { CommandEndpoint, QueryEndpoint, ZodBody } from '@tripartite/http';
import { type ClockResponseDto, clockResponseSchema, toClockResponse } from './dto/clock.response.dto';
import { clockAdvanceRequestSchema } from './dto/clock-advance.request.dto';

/**
 * Moving platform time forward, for tests and demos ("cross five years in seconds"); admin only, and
 * refused in production, where the clock is the system's. It lives with deadlines rather than in the
 * clock library so that the clock library stays free of HTTP and auth.
 */
@ApiTags('admin')
@Controller('api/v1/admin/clock')
export class ClockAdminController {
  constructor(private readonly clockSync: ClockSync) {}

  @Get()
  @QueryEndpoint({
    name: 'getPlatformClock',
    summary: 'Platform time and its offset from wall-clock time',
    roles: ['admin'],
    response: clockResponseSchema,
    responseDescription: 'Platform time',
  })
  read(): ClockResponseDto {
    return toClockResponse(this.clockSync.status());
  }

  @Post('advance')
  @CommandEndpoint({
    name: 'advancePlatformClock',
    summary: 'Move platform time forward in every process; the deadlines that become due fire',
    description: 'Refused in production: 409 with code CLOCK.ADJUSTMENT_REFUSED.',
    roles: ['admin'],
    etag: false,
    response: clockResponseSchema,
    responseDescription: 'Platform time after the move',
  })
  async advance(@ZodBody(clockAdvanceRequestSchema) ms: number): Promise<ClockResponseDto> {
    // A refusal (production) is CLOCK.ADJUSTMENT_REFUSED, a state of this deployment: 409 (libs/http table).
    return toClockResponse(await this.clockSync.advance(ms));
  }
}
