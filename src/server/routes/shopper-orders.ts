/**
 * Shopper orders: POST /api/v1/orders (Idempotency-Key header), GET
 * /api/v1/orders, GET /api/v1/orders/:id (?sync=1), POST …/:id/pay,
 * POST …/:id/cancel. Prices and totals come from the server only.
 */
import { errorResponses, idParams } from '@core/contract/common'
import {
  createOrderRequest,
  idempotencyHeaders,
  orderGetQuery,
  orderList,
  orderListQuery,
  orderResponse,
  paymentResponse
} from '@core/contract/orders'
import { AppError, must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { createOrder } from '../flows/orders/create-order'
import { cancelMyOrder, getMyOrder, listMyOrders } from '../flows/orders/shopper-orders'
import { payOrder } from '../flows/payments/pay-order'
import type { RegisterRoutes } from './route'

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/
const tags = ['shopper: orders']
const security = [{ shopper: [] }]

export const shopperOrderRoutes: RegisterRoutes = (app, deps) => {
  const preHandler = requireShopper(deps)

  app.post(
    '/api/v1/orders',
    {
      preHandler,
      schema: { tags, security, headers: idempotencyHeaders, body: createOrderRequest, response: { 200: orderResponse, 201: orderResponse, ...errorResponses } }
    },
    async (request, reply) => {
      const key = request.headers['idempotency-key']
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
        throw new AppError(400, 'INVALID_IDEMPOTENCY_KEY', 'Send an Idempotency-Key header: 8–128 letters, digits, or _ . : - (one per checkout)')
      }
      const { items, address, attribution, couponId } = request.body
      if (items.length === 0) throw new AppError(400, 'INVALID_ITEMS', 'An order needs at least one item', [{ path: 'items', message: 'empty' }])
      const created = must(await createOrder(deps, shopperOf(request).userId, key, { items, address, attribution, couponId }))
      if (created.replayed) reply.header('idempotent-replayed', 'true')
      return reply.status(201).send({ order: created.order })
    }
  )

  app.get(
    '/api/v1/orders',
    { preHandler, schema: { tags, security, querystring: orderListQuery, response: { 200: orderList, ...errorResponses } } },
    async (request) => must(await listMyOrders(deps, shopperOf(request).userId, request.query))
  )

  app.get(
    '/api/v1/orders/:id',
    { preHandler, schema: { tags, security, params: idParams, querystring: orderGetQuery, response: { 200: orderResponse, ...errorResponses } } },
    async (request) => {
      const { id } = request.params
      const { sync } = request.query
      const mine = must(await getMyOrder(deps, shopperOf(request).userId, id, sync === '1' || sync === 'true'))
      if (mine.syncError) request.log.warn({ orderId: id, syncError: mine.syncError }, 'order sync with WeChat Pay failed; answered the stored order')
      return { order: mine.order }
    }
  )

  app.post(
    '/api/v1/orders/:id/pay',
    { preHandler, schema: { tags, security, params: idParams, response: { 200: paymentResponse, ...errorResponses } } },
    async (request) => ({ payment: must(await payOrder(deps, shopperOf(request).userId, request.params.id)) })
  )

  app.post(
    '/api/v1/orders/:id/cancel',
    { preHandler, schema: { tags, security, params: idParams, response: { 200: orderResponse, ...errorResponses } } },
    async (request) => ({ order: must(await cancelMyOrder(deps, shopperOf(request).userId, request.params.id)) })
  )
}
