/**
 * POST /api/v1/events: `{events:[…]}` → `{accepted, duplicates, rejected}`.
 * Anonymous shoppers send no token; a shopper's Bearer token adds their user
 * id. An unknown or expired token is not refused: the events still carry
 * their anonId, and refusing would only make the app's queue retry them.
 */
import { MAX_BATCH_BYTES } from '@core/events'
import { must } from '../http/app-error'
import { bearerToken } from '../http/guards'
import { authenticateShopper } from '../flows/shopper/authenticate-shopper'
import { ingestEvents } from '../flows/events/ingest-events'
import type { RegisterRoutes } from './route'

export const shopperEventRoutes: RegisterRoutes = (app, deps) => {
  // Bodies up to twice the batch limit reach core, which answers BATCH_TOO_LARGE
  // with the size; anything bigger is cut off by Fastify (413 PAYLOAD_TOO_LARGE).
  app.post('/api/v1/events', { bodyLimit: 2 * MAX_BATCH_BYTES, config: { perItemText: true } }, async (request) => {
    const shopper = await authenticateShopper(deps, bearerToken(request))
    const length = Number(request.headers['content-length'])
    return must(
      await ingestEvents(deps, {
        body: request.body,
        byteLength: Number.isFinite(length) && length > 0 ? length : undefined,
        userId: shopper?.userId ?? null
      })
    )
  })
}
