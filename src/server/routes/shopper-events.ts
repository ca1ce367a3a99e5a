/**
 * POST /api/v1/events: `{events:[…]}` → `{accepted, duplicates, rejected}`.
 * Anonymous shoppers send no token; a shopper's Bearer token adds their user
 * id. An unknown or expired token is not refused: the events still carry
 * their anonId, and refusing would only make the app's queue retry them.
 * Rate-limited per client address (before the body is read, once the
 * address is over) and per device id (flows/limits/event-limits.ts): 429
 * TOO_MANY_REQUESTS with Retry-After, and nothing of the batch is stored.
 * The body schema checks only the batch's shape (INVALID_BATCH); core checks
 * each event alone, so a bad event is answered by index and the rest kept.
 */
import type { FastifyReply } from 'fastify'
import { errorResponses } from '@core/contract/common'
import { eventsBatch, eventsResponse } from '@core/contract/events'
import { MAX_BATCH_BYTES } from '@core/events'
import { AppError, must } from '../http/app-error'
import { bearerToken } from '../http/guards'
import { authenticateShopper } from '../flows/shopper/authenticate-shopper'
import { ingestEvents } from '../flows/events/ingest-events'
import type { TakeAnswer } from '../limits/shared-rate-counter'
import type { RegisterRoutes } from './route'

function refuseWhenLimited(answer: TakeAnswer, reply: FastifyReply): void {
  if (answer.ok) return
  reply.header('retry-after', String(answer.retryAfterSeconds))
  throw new AppError(429, 'TOO_MANY_REQUESTS', `Too many events; send again in ${answer.retryAfterSeconds} s`, {
    retryAfterSeconds: answer.retryAfterSeconds
  })
}

export const shopperEventRoutes: RegisterRoutes = (app, deps) => {
  // Bodies up to twice the batch limit reach core, which answers BATCH_TOO_LARGE
  // with the size; anything bigger is cut off by Fastify (413 PAYLOAD_TOO_LARGE).
  app.post(
    '/api/v1/events',
    {
      bodyLimit: 2 * MAX_BATCH_BYTES,
      config: { perItemText: true },
      schema: { tags: ['shopper: analytics'], security: [{ shopper: [] }, {}], body: eventsBatch, response: { 200: eventsResponse, ...errorResponses } },
      onRequest: async (request, reply) => refuseWhenLimited(deps.eventLimits.checkAddress(request.ip), reply)
    },
    async (request, reply) => {
      refuseWhenLimited(deps.eventLimits.takeBatch(request.ip, request.body), reply)
      const shopper = await authenticateShopper(deps, bearerToken(request))
      const length = Number(request.headers['content-length'])
      return must(
        await ingestEvents(deps, {
          body: request.body,
          byteLength: Number.isFinite(length) && length > 0 ? length : undefined,
          userId: shopper?.userId ?? null
        })
      )
    }
  )
}
