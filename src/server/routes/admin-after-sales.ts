/**
 * Staff after-sales, admins only: GET /api/admin/after-sales?status=
 * (open requests oldest first by default; `all` or a status), POST
 * /api/admin/after-sales/:id/approve {restock?}, …/reject {reason},
 * …/received. Each answers {afterSale}.
 */
import {
  adminAfterSaleList,
  adminAfterSaleListQuery,
  afterSaleResponse,
  approveAfterSaleRequest,
  rejectAfterSaleRequest
} from '@core/contract/after-sales'
import { errorResponses, idParams } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { approveAfterSale } from '../flows/after-sales/approve-after-sale'
import { listAfterSales } from '../flows/after-sales/list-after-sales'
import { receiveReturn } from '../flows/after-sales/receive-return'
import { rejectAfterSale } from '../flows/after-sales/reject-after-sale'
import type { RegisterRoutes } from './route'

const tags = ['staff: after-sales']
const security = [{ staff: [] }]
const afterSaleAnswer = { 200: afterSaleResponse, ...errorResponses }

export const adminAfterSaleRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps, 'admin')

  app.get(
    '/api/admin/after-sales',
    { onRequest, schema: { tags, security, querystring: adminAfterSaleListQuery, response: { 200: adminAfterSaleList, ...errorResponses } } },
    async (request) => must(await listAfterSales(deps, request.query))
  )

  app.post(
    '/api/admin/after-sales/:id/approve',
    { onRequest, schema: { tags, security, params: idParams, body: approveAfterSaleRequest, response: afterSaleAnswer } },
    async (request) => ({ afterSale: must(await approveAfterSale(deps, staffOf(request).id, request.params.id, request.body ?? {})) })
  )

  app.post(
    '/api/admin/after-sales/:id/reject',
    { onRequest, schema: { tags, security, params: idParams, body: rejectAfterSaleRequest, response: afterSaleAnswer } },
    async (request) => ({ afterSale: must(await rejectAfterSale(deps, staffOf(request).id, request.params.id, request.body.reason)) })
  )

  app.post(
    '/api/admin/after-sales/:id/received',
    { onRequest, schema: { tags, security, params: idParams, response: afterSaleAnswer } },
    async (request) => ({ afterSale: must(await receiveReturn(deps, staffOf(request).id, request.params.id)) })
  )
}
