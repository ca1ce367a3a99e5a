/**
 * GET/PUT /api/v1/cart: `{items:[{skuId,qty}]}` in; out, every line priced
 * on the server (`{items, totalFen, payableCount, payableLines, hasProblems}`).
 * PUT replaces the cart; with `merge: true` (sent once right after login)
 * the items join the stored cart instead, which is how a guest cart merges
 * at login.
 */
import { cartDto, cartRequest } from '@core/contract/cart'
import { errorResponses } from '@core/contract/common'
import { requireShopper, shopperOf } from '../http/guards'
import { getCart, putCart } from '../flows/cart/shopper-cart'
import type { RegisterRoutes } from './route'

const tags = ['shopper: cart']
const security = [{ shopper: [] }]

export const shopperCartRoutes: RegisterRoutes = (app, deps) => {
  const preHandler = requireShopper(deps)

  app.get('/api/v1/cart', { preHandler, schema: { tags, security, response: { 200: cartDto, ...errorResponses } } }, async (request) =>
    getCart(deps, shopperOf(request).userId)
  )

  app.put(
    '/api/v1/cart',
    { preHandler, schema: { tags, security, body: cartRequest, response: { 200: cartDto, ...errorResponses } } },
    async (request) => putCart(deps, shopperOf(request).userId, request.body)
  )
}
