/**
 * Shopper side of fulfilment:
 *   POST /api/v1/orders/:id/confirm-receipt   → {order} completed (after WeChat's get_order says received)
 *   GET  /api/v1/orders/lookup?transaction_id=&merchant_trade_no=  → {order} (the page a service message opens)
 *   GET  /api/v1/carriers                     → {items:[{code,name}]} (the return-parcel form)
 */
import { errorResponses, idParams } from '@core/contract/common'
import { orderResponse } from '@core/contract/orders'
import { carriersResponse, orderLookupQuery } from '@core/contract/receipt'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { loadOrderDto } from '../flows/orders/order-view'
import { confirmReceipt } from '../flows/receipt/confirm-receipt'
import { lookupMyOrder } from '../flows/receipt/lookup-order'
import { listCarriers } from '../flows/shipping/carriers'
import type { RegisterRoutes } from './route'

const security = [{ shopper: [] }]

export const shopperReceiptRoutes: RegisterRoutes = (app, deps) => {
  const preHandler = requireShopper(deps)

  app.post(
    '/api/v1/orders/:id/confirm-receipt',
    { preHandler, schema: { tags: ['shopper: orders'], security, params: idParams, response: { 200: orderResponse, ...errorResponses } } },
    async (request) => {
      const row = must(await confirmReceipt(deps, shopperOf(request).userId, request.params.id))
      return { order: await loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays) }
    }
  )

  app.get(
    '/api/v1/orders/lookup',
    { preHandler, schema: { tags: ['shopper: orders'], security, querystring: orderLookupQuery, response: { 200: orderResponse, ...errorResponses } } },
    async (request) => {
      const { transaction_id: transactionId, merchant_trade_no: merchantTradeNo } = request.query
      const row = must(await lookupMyOrder(deps, shopperOf(request).userId, { transactionId, merchantTradeNo }))
      return { order: await loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays) }
    }
  )

  app.get(
    '/api/v1/carriers',
    { preHandler, schema: { tags: ['shopper: after-sales'], security, response: { 200: carriersResponse, ...errorResponses } } },
    async () => ({ items: must(await listCarriers(deps)) })
  )
}
