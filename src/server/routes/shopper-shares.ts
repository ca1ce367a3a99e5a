/** 我的分享: GET /api/v1/me/shares, the shopper's own shares with opens, paid orders and rewards kept. */
import { errorResponses } from '@core/contract/common'
import { mySharesResponse } from '@core/contract/rewards'
import { requireShopper, shopperOf } from '../http/guards'
import { myShares } from '../flows/rewards/reward-rules'
import type { RegisterRoutes } from './route'

export const shopperShareRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/api/v1/me/shares',
    { preHandler: requireShopper(deps), schema: { tags: ['shopper: shares'], security: [{ shopper: [] }], response: { 200: mySharesResponse, ...errorResponses } } },
    async (request) => myShares(deps, shopperOf(request).userId)
  )
}
