import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, sendProblem } from './problem';

/**
 * Renders the errors of the gateway's own Nest routes (health, OpenAPI, docs, unknown paths) as
 * problem+json. The proxied routes answer their problems themselves (see proxy.plugin.ts).
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'code' in body) {
        sendProblem(reply, { ...(body as ReturnType<typeof problem>), instance: request.url });
        return;
      }
      sendProblem(
        reply,
        problem(status, codeFor(status), titleFor(exception), exception.message, request.url),
      );
      return;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
    );
    sendProblem(
      reply,
      problem(500, 'GATEWAY.INTERNAL_ERROR', 'Internal error', 'the gateway failed to answer', request.url),
    );
  }
}

function codeFor(status: number): string {
  return status === 404 ? 'GATEWAY.NOT_FOUND' : `HTTP.${status}`;
}

function titleFor(exception: HttpException): string {
  return exception.name.replace(/Exception$/, '').replace(/([a-z])([A-Z])/g, '$1 $2') || 'Error';
}
