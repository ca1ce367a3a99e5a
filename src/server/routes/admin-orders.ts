/**
 * Staff orders, admins only (editors handle content and products): GET
 * /api/admin/orders (?status=&from=&to=&sort=newest|oldest&cursor=&limit=), GET
 * /api/admin/orders/:id, POST /api/admin/orders/:id/refund {amountFen, reason},
 * and GET /api/admin/flags (payment problems WeChat Pay reported).
 */
import { z } from 'zod'
import { isId } from '@core/ids'
import { ORDER_STATUSES } from '@core/order'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { getOrderForStaff, listFlagsForStaff, listOrdersForStaff } from '../flows/orders/admin-orders'
import { requestRefund } from '../flows/refunds/request-refund'
import type { RegisterRoutes } from './route'

const isoTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())
const listQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    from: isoTime.optional(),
    to: isoTime.optional(),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    // oldest: the 待发货 queue (?status=paid&sort=oldest), oldest first.
    sort: z.enum(['newest', 'oldest']).default('newest')
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })
const flagQuery = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const refundBody = z.object({
  amountFen: z.number().int('whole fen').positive(),
  reason: z.string().trim().min(1).max(80)
})

export const adminOrderRoutes: RegisterRoutes = (app, deps) => {
  const admin = { preHandler: requireStaff(deps, 'admin') }

  app.get('/api/admin/orders', admin, async (request) =>
    must(await listOrdersForStaff(deps, parseInput(listQuery, request.query, 'query')))
  )

  app.get('/api/admin/orders/:id', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { order: must(await getOrderForStaff(deps, id)) }
  })

  app.post('/api/admin/orders/:id/refund', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const body = parseInput(refundBody, request.body, 'refund')
    return { order: must(await requestRefund(deps, staffOf(request).id, id, body)) }
  })

  app.get('/api/admin/flags', admin, async (request) => must(await listFlagsForStaff(deps, parseInput(flagQuery, request.query, 'query'))))
}
