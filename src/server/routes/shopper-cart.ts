/**
 * GET/PUT /api/v1/cart: `{items:[{skuId,qty}]}` in; out, every line priced
 * on the server (`{items, totalFen, payableCount, payableLines, hasProblems}`,
 * CartDto of core/api-types). PUT replaces the cart; with `merge: true`
 * (sent once right after login) the items join the stored cart instead,
 * which is how a guest cart merges at login.
 */
import { z } from 'zod'
import { validateCartItems } from '@core/cart-input'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { getCart, putCart } from '../flows/cart/shopper-cart'
import type { RegisterRoutes } from './route'

const putBody = z.object({ merge: z.boolean().optional() })

export const shopperCartRoutes: RegisterRoutes = (app, deps) => {
  const shopper = { preHandler: requireShopper(deps) }

  app.get('/api/v1/cart', shopper, async (request) => getCart(deps, shopperOf(request).userId))

  app.put('/api/v1/cart', shopper, async (request) => {
    const { merge } = parseInput(putBody, request.body, 'cart')
    const items = must(validateCartItems((request.body as { items?: unknown }).items))
    return putCart(deps, shopperOf(request).userId, { items, merge })
  })
}
