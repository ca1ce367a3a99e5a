/**
 * Shopper after-sales: POST /api/v1/orders/:id/after-sales → 201
 * {afterSale}; POST /api/v1/after-sales/:id/return-shipment {carrierCode,
 * trackingNo}; POST /api/v1/after-sales/:id/cancel. Bodies are checked by
 * core's schemas (the same the app's form uses).
 */
import { z } from 'zod'
import { validateAfterSaleRequest, validateReturnShipment } from '@core/after-sale-input'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { requestAfterSale } from '../flows/after-sales/request-after-sale'
import { cancelAfterSale, sendReturnShipment } from '../flows/after-sales/shopper-after-sales'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })

export const shopperAfterSaleRoutes: RegisterRoutes = (app, deps) => {
  const shopper = { onRequest: requireShopper(deps) }

  app.post('/api/v1/orders/:id/after-sales', shopper, async (request, reply) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const input = must(validateAfterSaleRequest(request.body))
    const afterSale = must(await requestAfterSale(deps, shopperOf(request).userId, id, input))
    return reply.status(201).send({ afterSale })
  })

  app.post('/api/v1/after-sales/:id/return-shipment', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const input = must(validateReturnShipment(request.body))
    return { afterSale: must(await sendReturnShipment(deps, shopperOf(request).userId, id, input)) }
  })

  app.post('/api/v1/after-sales/:id/cancel', shopper, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { afterSale: must(await cancelAfterSale(deps, shopperOf(request).userId, id)) }
  })
}
