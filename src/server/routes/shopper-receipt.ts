/**
 * Shopper side of fulfilment:
 *   POST /api/v1/orders/:id/confirm-receipt   → {order} completed (after WeChat's get_order says received)
 *   GET  /api/v1/orders/lookup?transaction_id=&merchant_trade_no=  → {order} (the page a service message opens)
 *   GET  /api/v1/carriers                     → {items:[{code,name}]} (the return-parcel form)
 */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { loadOrderDto } from '../flows/orders/order-view'
import { confirmReceipt } from '../flows/receipt/confirm-receipt'
import { lookupMyOrder } from '../flows/receipt/lookup-order'
import { listCarriers } from '../flows/shipping/carriers'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const lookupQuery = z
  .object({
    transaction_id: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional(),
    merchant_trade_no: z.string().regex(/^[0-9A-Za-z_*-]{1,64}$/).optional()
  })
  .refine((q) => q.transaction_id || q.merchant_trade_no, { message: 'give transaction_id or merchant_trade_no', path: ['transaction_id'] })

export const shopperReceiptRoutes: RegisterRoutes = (app, deps) => {
  const shopper = { preHandler: requireShopper(deps) }

  app.post('/api/v1/orders/:id/confirm-receipt', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const row = must(await confirmReceipt(deps, shopperOf(request).userId, id))
    return { order: await loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays) }
  })

  app.get('/api/v1/orders/lookup', shopper, async (request) => {
    const q = parseInput(lookupQuery, request.query, 'query')
    const row = must(await lookupMyOrder(deps, shopperOf(request).userId, { transactionId: q.transaction_id, merchantTradeNo: q.merchant_trade_no }))
    return { order: await loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays) }
  })

  app.get('/api/v1/carriers', shopper, async () => ({ items: must(await listCarriers(deps)) }))
}
