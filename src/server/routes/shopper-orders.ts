/**
 * Shopper orders: POST /api/v1/orders (Idempotency-Key header), GET
 * /api/v1/orders, GET /api/v1/orders/:id (?sync=1), POST …/:id/pay,
 * POST …/:id/cancel. Prices and totals come from the server only.
 */
import { z } from 'zod'
import { validateAddress } from '@core/address'
import { validateCartItems } from '@core/cart-input'
import { isId } from '@core/ids'
import { SLUG_PATTERN } from '@core/content-page'
import { AppError, must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { createOrder } from '../flows/orders/create-order'
import { cancelMyOrder, getMyOrder, listMyOrders } from '../flows/orders/shopper-orders'
import { payOrder } from '../flows/payments/pay-order'
import type { RegisterRoutes } from './route'

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/
const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const listQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20)
})
const getQuery = z.object({ sync: z.enum(['0', '1', 'true', 'false']).optional() })
const orderBody = z.record(z.string(), z.unknown())
const attributionHint = z
  .object({
    shareId: z.string().refine(isId, 'not a share id').optional(),
    contentSlug: z.string().max(64).regex(SLUG_PATTERN, 'not a page slug').optional(),
    scene: z.number().int().min(0).max(1_000_000).optional()
  })
  .strict()

export const shopperOrderRoutes: RegisterRoutes = (app, deps) => {
  const shopper = { preHandler: requireShopper(deps) }

  app.post('/api/v1/orders', shopper, async (request, reply) => {
    const key = request.headers['idempotency-key']
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'Send an Idempotency-Key header: 8–128 letters, digits, or _ . : - (one per checkout)')
    }
    const body = parseInput(orderBody, request.body, 'order')
    const items = must(validateCartItems(body.items))
    if (items.length === 0) throw new AppError(400, 'INVALID_ITEMS', 'An order needs at least one item', [{ path: 'items', message: 'empty' }])
    const address = must(validateAddress(body.address))
    const attribution = body.attribution === undefined ? undefined : parseInput(attributionHint, body.attribution, 'attribution')
    const created = must(await createOrder(deps, shopperOf(request).userId, key, { items, address, attribution }))
    if (created.replayed) reply.header('idempotent-replayed', 'true')
    return reply.status(201).send({ order: created.order })
  })

  app.get('/api/v1/orders', shopper, async (request) =>
    must(await listMyOrders(deps, shopperOf(request).userId, parseInput(listQuery, request.query, 'query')))
  )

  app.get('/api/v1/orders/:id', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const { sync } = parseInput(getQuery, request.query, 'query')
    const mine = must(await getMyOrder(deps, shopperOf(request).userId, id, sync === '1' || sync === 'true'))
    if (mine.syncError) request.log.warn({ orderId: id, syncError: mine.syncError }, 'order sync with WeChat Pay failed; answered the stored order')
    return { order: mine.order }
  })

  app.post('/api/v1/orders/:id/pay', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { payment: must(await payOrder(deps, shopperOf(request).userId, id)) }
  })

  app.post('/api/v1/orders/:id/cancel', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { order: must(await cancelMyOrder(deps, shopperOf(request).userId, id)) }
  })
}
