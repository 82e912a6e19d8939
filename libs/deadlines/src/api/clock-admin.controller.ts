import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tripartite/auth';
import { ClockSync } from '@tripartite/clock';
import { ApiZodResponse, ZodBody } from '@tripartite/http';
import { type ClockResponseDto, clockResponseSchema, toClockResponse } from './dto/clock.response.dto';
import { clockAdvanceRequestSchema } from './dto/clock-advance.request.dto';

/**
 * Moving platform time forward, for tests and demos ("cross five years in seconds"); admin only, and
 * refused in production, where the clock is the system's. It lives with deadlines rather than in the
 * clock library so that the clock library stays free of HTTP and auth.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/v1/admin/clock')
@Roles('admin')
export class ClockAdminController {
  constructor(private readonly clockSync: ClockSync) {}

  @Get()
  @ApiOperation({ summary: 'Platform time and its offset from wall-clock time' })
  @ApiZodResponse(200, clockResponseSchema, 'Platform time')
  read(): ClockResponseDto {
    return toClockResponse(this.clockSync.status());
  }

  @Post('advance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move platform time forward in every process; the deadlines that become due fire',
    description: 'Refused in production: 409 with code CLOCK.ADJUSTMENT_REFUSED.',
  })
  @ApiZodResponse(200, clockResponseSchema, 'Platform time after the move')
  async advance(@ZodBody(clockAdvanceRequestSchema) ms: number): Promise<ClockResponseDto> {
    // A refusal (production) is CLOCK.ADJUSTMENT_REFUSED, a state of this deployment: 409 (libs/http table).
    return toClockResponse(await this.clockSync.advance(ms));
  }
}
