/**
 * POST /api/v1/me/subscriptions {accepted:[key…]}: what the shopper just
 * allowed in requestSubscribeMessage → {credits:{key: messages left}} for
 * the configured templates.
 */
import { errorResponses } from '@core/contract/common'
import { subscriptionsRequest, subscriptionsResponse } from '@core/contract/subscriptions'
import { requireShopper, shopperOf } from '../http/guards'
import { recordAcceptances } from '../flows/subscriptions/record-acceptances'
import type { RegisterRoutes } from './route'

export const shopperSubscriptionRoutes: RegisterRoutes = (app, deps) => {
  app.post(
    '/api/v1/me/subscriptions',
    {
      onRequest: requireShopper(deps),
      schema: { tags: ['shopper: messages'], security: [{ shopper: [] }], body: subscriptionsRequest, response: { 200: subscriptionsResponse, ...errorResponses } }
    },
    async (request) => ({ credits: await recordAcceptances(deps, shopperOf(request).userId, request.body.accepted) })
  )
}
