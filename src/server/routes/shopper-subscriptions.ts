/**
 * POST /api/v1/me/subscriptions {accepted:[key…]}: what the shopper just
 * allowed in requestSubscribeMessage → {credits:{key: messages left}} for
 * the configured templates.
 */
import { z } from 'zod'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { recordAcceptances } from '../flows/subscriptions/record-acceptances'
import type { RegisterRoutes } from './route'

const body = z.object({ accepted: z.array(z.enum(['shipped', 'refund', 'afterSale', 'launch'])).max(20) }).strict()

export const shopperSubscriptionRoutes: RegisterRoutes = (app, deps) => {
  app.post('/api/v1/me/subscriptions', { onRequest: requireShopper(deps) }, async (request) => {
    const { accepted } = parseInput(body, request.body, 'subscriptions')
    return { credits: await recordAcceptances(deps, shopperOf(request).userId, accepted) }
  })
}
