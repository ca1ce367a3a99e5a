/**
 * Staff orders, admins only (editors handle content and products): GET
 * /api/admin/orders (?status=&from=&to=&sort=newest|oldest&cursor=&limit=), GET
 * /api/admin/orders/:id, POST /api/admin/orders/:id/refund {amountFen, reason},
 * and GET /api/admin/flags (payment problems WeChat Pay reported).
 */
import { adminOrderList, adminOrderListQuery, adminOrderResponse, flagList, flagListQuery, refundRequest } from '@core/contract/admin-orders'
import { errorResponses, idParams } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { getOrderForStaff, listFlagsForStaff, listOrdersForStaff } from '../flows/orders/admin-orders'
import { requestRefund } from '../flows/refunds/request-refund'
import type { RegisterRoutes } from './route'

const tags = ['staff: orders']
const security = [{ staff: [] }]

export const adminOrderRoutes: RegisterRoutes = (app, deps) => {
  // onRequest: a caller who is not an admin is refused before its query or body is read.
  const onRequest = requireStaff(deps, 'admin')

  app.get(
    '/api/admin/orders',
    { onRequest, schema: { tags, security, querystring: adminOrderListQuery, response: { 200: adminOrderList, ...errorResponses } } },
    async (request) => must(await listOrdersForStaff(deps, request.query))
  )

  app.get(
    '/api/admin/orders/:id',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: adminOrderResponse, ...errorResponses } } },
    async (request) => ({ order: must(await getOrderForStaff(deps, request.params.id)) })
  )

  app.post(
    '/api/admin/orders/:id/refund',
    { onRequest, schema: { tags, security, params: idParams, body: refundRequest, response: { 200: adminOrderResponse, ...errorResponses } } },
    async (request) => ({ order: must(await requestRefund(deps, staffOf(request).id, request.params.id, request.body)) })
  )

  app.get(
    '/api/admin/flags',
    { onRequest, schema: { tags, security, querystring: flagListQuery, response: { 200: flagList, ...errorResponses } } },
    async (request) => must(await listFlagsForStaff(deps, request.query))
  )
}
