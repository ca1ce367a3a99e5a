/**
 * One JSON line per request (docs/operations.md "Logs"), in place of
 * Fastify's two ("incoming request", "request completed"): the request id
 * (reqId), method, redacted URL, client address, route pattern, status and
 * duration in ms. Headers are never logged, so cookies and authorization
 * cannot leak; the URL's credential-like query values are redacted
 * (logger.ts). Fastify's error logs stay as they are.
 */
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

export class OneLineRequestLog extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      req: request,
      route: request.routeOptions.url ?? null,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 10) / 10
    }
    if (error) reply.log.error({ ...line, err: error }, 'request errored')
    else reply.log.info(line, 'request')
  }
}
