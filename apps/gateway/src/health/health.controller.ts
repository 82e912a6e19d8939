import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';

/**
 * The gateway is live and ready as soon as it serves: it holds no connection a request depends on
 * (Redis only counts requests, and fails open). Whether each service is up is the services' own
 * readiness; making the gateway unready when one is down would take the whole API down with it.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  ready() {
    return { status: 'ok' };
  }
}
