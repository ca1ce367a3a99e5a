/**
 * Staff after-sales, admins only: GET /api/admin/after-sales?status=
 * (open requests oldest first by default; `all` or a status), POST
 * /api/admin/after-sales/:id/approve {restock?}, …/reject {reason},
 * …/received. Each answers {afterSale}.
 */
import { z } from 'zod'
import { AFTER_SALE_STATUSES } from '@core/after-sale'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { approveAfterSale } from '../flows/after-sales/approve-after-sale'
import { listAfterSales } from '../flows/after-sales/list-after-sales'
import { receiveReturn } from '../flows/after-sales/receive-return'
import { rejectAfterSale } from '../flows/after-sales/reject-after-sale'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const listQuery = z.object({
  status: z.enum([...AFTER_SALE_STATUSES, 'open', 'all']).optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})
const approveBody = z.object({ restock: z.boolean().optional() }).strict()
const rejectBody = z.object({ reason: z.string().trim().min(1).max(80) }).strict()

export const adminAfterSaleRoutes: RegisterRoutes = (app, deps) => {
  const admin = { onRequest: requireStaff(deps, 'admin') }

  app.get('/api/admin/after-sales', admin, async (request) => must(await listAfterSales(deps, parseInput(listQuery, request.query, 'query'))))

  app.post('/api/admin/after-sales/:id/approve', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const body = parseInput(approveBody, request.body ?? {}, 'approval')
    return { afterSale: must(await approveAfterSale(deps, staffOf(request).id, id, body)) }
  })

  app.post('/api/admin/after-sales/:id/reject', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const { reason } = parseInput(rejectBody, request.body, 'rejection')
    return { afterSale: must(await rejectAfterSale(deps, staffOf(request).id, id, reason)) }
  })

  app.post('/api/admin/after-sales/:id/received', admin, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { afterSale: must(await receiveReturn(deps, staffOf(request).id, id)) }
  })
}
