/**
 * Staff shipping, admins only:
 *   GET  /api/admin/carriers                  WeChat's carrier list (cached) → {items:[{code,name}]}
 *   POST /api/admin/orders/:id/ship           ShipRequest → {order} (staff view)
 *   POST /api/admin/orders/shipments          {rows:[{orderId,carrierCode,trackingNo}]} → {results}
 *   GET  /api/admin/orders/export             ?status=&from=&to= → CSV (UTF-8 with BOM)
 *   POST /api/admin/wechat-tasks/:id/retry    a failed WeChat call is tried again → {order}
 */
import { z } from 'zod'
import { adminOrderResponse } from '@core/contract/admin-orders'
import { errorResponses, idParams } from '@core/contract/common'
import { batchShipRequest, batchShipResponse, carriersResponse, exportOrdersQuery, exportOrdersResponse, shipRequest } from '@core/contract/shipping'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { getOrderForStaff } from '../flows/orders/admin-orders'
import { retryWechatTask } from '../flows/outbox/retry-task'
import { batchShip } from '../flows/shipping/batch-ship'
import { listCarriers } from '../flows/shipping/carriers'
import { exportOrdersCsv } from '../flows/shipping/export-orders'
import { shipOrder } from '../flows/shipping/ship-order'
import type { RegisterRoutes } from './route'

const tags = ['staff: shipping']
const security = [{ staff: [] }]
/** The task's order as staff see it now, or `{retried}` for a task of no order (the shop's jump path). */
const retryResponse = z.union([adminOrderResponse, z.object({ retried: z.string() })])

export const adminShippingRoutes: RegisterRoutes = (app, deps) => {
  // onRequest: a caller who is not an admin is refused before its query or body is read.
  const onRequest = requireStaff(deps, 'admin')

  app.get('/api/admin/carriers', { onRequest, schema: { tags, security, response: { 200: carriersResponse, ...errorResponses } } }, async () => ({
    items: must(await listCarriers(deps))
  }))

  app.post(
    '/api/admin/orders/:id/ship',
    { onRequest, schema: { tags, security, params: idParams, body: shipRequest, response: { 200: adminOrderResponse, ...errorResponses } } },
    async (request) => {
      const { id } = request.params
      must(await shipOrder(deps, staffOf(request).id, id, request.body))
      return { order: must(await getOrderForStaff(deps, id)) }
    }
  )

  app.post(
    '/api/admin/orders/shipments',
    { onRequest, schema: { tags, security, body: batchShipRequest, response: { 200: batchShipResponse, ...errorResponses } } },
    async (request) => batchShip(deps, staffOf(request).id, request.body.rows)
  )

  app.get(
    '/api/admin/orders/export',
    { onRequest, schema: { tags, security, querystring: exportOrdersQuery, produces: ['text/csv'], response: { 200: exportOrdersResponse, ...errorResponses } } },
    async (request, reply) => {
      const csv = await exportOrdersCsv(deps, request.query)
      const day = deps.clock.now().toISOString().slice(0, 10).replace(/-/g, '')
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="orders-${day}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv)
    }
  )

  app.post(
    '/api/admin/wechat-tasks/:id/retry',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: retryResponse, ...errorResponses } } },
    async (request) => {
      const { id } = request.params
      const orderId = must(await retryWechatTask(deps, staffOf(request).id, id))
      return orderId ? { order: must(await getOrderForStaff(deps, orderId)) } : { retried: id }
    }
  )
}
