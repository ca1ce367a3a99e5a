/**
 * Staff shipping, admins only:
 *   GET  /api/admin/carriers                  WeChat's carrier list (cached) → {items:[{code,name}]}
 *   POST /api/admin/orders/:id/ship           ShipRequest → {order} (staff view)
 *   POST /api/admin/orders/shipments          {rows:[{orderId,carrierCode,trackingNo}]} → {results}
 *   GET  /api/admin/orders/export             ?status=&from=&to= → CSV (UTF-8 with BOM)
 *   POST /api/admin/wechat-tasks/:id/retry    a failed WeChat call is tried again → {order}
 */
import { z } from 'zod'
import { isId } from '@core/ids'
import { ORDER_STATUSES } from '@core/order'
import { LOGISTICS_TYPES, MAX_PARCELS } from '@core/shipping'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { getOrderForStaff } from '../flows/orders/admin-orders'
import { retryWechatTask } from '../flows/outbox/retry-task'
import { batchShip } from '../flows/shipping/batch-ship'
import { listCarriers } from '../flows/shipping/carriers'
import { exportOrdersCsv } from '../flows/shipping/export-orders'
import { shipOrder } from '../flows/shipping/ship-order'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const item = z.object({ skuId: z.string().refine(isId, 'not a SKU id'), qty: z.number().int().positive().max(9999) }).strict()
const text = (max: number) => z.string().trim().max(max)
const shipBody = z
  .object({
    logisticsType: z.enum(LOGISTICS_TYPES),
    parcels: z
      .array(z.object({ carrierCode: text(64).optional(), trackingNo: text(128).optional(), items: z.array(item).max(100).optional() }).strict())
      .max(MAX_PARCELS, `at most ${MAX_PARCELS} parcels`)
      .optional(),
    allDelivered: z.boolean().optional()
  })
  .strict()
const batchBody = z
  .object({ rows: z.array(z.object({ orderId: text(64), carrierCode: text(64), trackingNo: text(128) }).strict()).min(1).max(500) })
  .strict()
const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())
const exportQuery = z
  .object({ status: z.enum(ORDER_STATUSES).optional(), from: isoTime.optional(), to: isoTime.optional() })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })

export const adminShippingRoutes: RegisterRoutes = (app, deps) => {
  const admin = { preHandler: requireStaff(deps, 'admin') }

  app.get('/api/admin/carriers', admin, async () => ({ items: must(await listCarriers(deps)) }))

  app.post('/api/admin/orders/:id/ship', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const body = parseInput(shipBody, request.body, 'shipment')
    must(await shipOrder(deps, staffOf(request).id, id, body))
    return { order: must(await getOrderForStaff(deps, id)) }
  })

  app.post('/api/admin/orders/shipments', admin, async (request) => {
    const { rows } = parseInput(batchBody, request.body, 'batch')
    return batchShip(deps, staffOf(request).id, rows)
  })

  app.get('/api/admin/orders/export', admin, async (request, reply) => {
    const q = parseInput(exportQuery, request.query, 'query')
    const csv = await exportOrdersCsv(deps, q)
    const day = deps.clock.now().toISOString().slice(0, 10).replace(/-/g, '')
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="orders-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv)
  })

  app.post('/api/admin/wechat-tasks/:id/retry', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const orderId = must(await retryWechatTask(deps, staffOf(request).id, id))
    return orderId ? { order: must(await getOrderForStaff(deps, orderId)) } : { retried: id }
  })
}
