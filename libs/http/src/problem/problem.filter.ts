import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throwError } from 'rxjs';
import { toProblem } from './problem.mapping';
import { PROBLEM_CONTENT_TYPE } from './problem-details';

/** The one place where errors become HTTP answers: `application/problem+json`, always. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    // Consumers (RPC) have their own error path: retry, then park.
    if (host.getType() !== 'http') return throwError(() => exception);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const path = (request.url ?? '').split('?')[0];
    const { problem, unexpected } = toProblem(exception, path);
    problem.requestId = request.id;
    if (unexpected) {
      const error = exception instanceof Error ? exception : new Error(String(exception));
      this.logger.error(`${request.method} ${path} failed: ${error.message}`, error.stack);
    } else {
      this.logger.debug(`${request.method} ${path} answered ${problem.status} ${problem.code}`);
    }
    if (reply.sent) return undefined;
    reply.status(problem.status).header('content-type', `${PROBLEM_CONTENT_TYPE}; charset=utf-8`);
    if (problem.status === 503 && !reply.getHeader('retry-after')) reply.header('retry-after', '1');
    if (problem.status === 401 && !reply.getHeader('www-authenticate')) {
      reply.header('www-authenticate', 'Bearer');
    }
    reply.send(JSON.stringify(problem));
    return undefined;
  }
}
