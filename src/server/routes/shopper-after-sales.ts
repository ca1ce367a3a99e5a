/**
 * Shopper after-sales: POST /api/v1/orders/:id/after-sales → 201
 * {afterSale}; POST /api/v1/after-sales/:id/return-shipment {carrierCode,
 * trackingNo}; POST /api/v1/after-sales/:id/cancel. Bodies are checked by
 * core's schemas (the same the app's form uses).
 */
import { normalizeAfterSaleRequest } from '@core/after-sale-input'
import { afterSaleRequest, afterSaleResponse, returnShipmentRequest } from '@core/contract/after-sales'
import { errorResponses, idParams } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireShopper, shopperOf } from '../http/guards'
import { requestAfterSale } from '../flows/after-sales/request-after-sale'
import { cancelAfterSale, sendReturnShipment } from '../flows/after-sales/shopper-after-sales'
import type { RegisterRoutes } from './route'

const tags = ['shopper: after-sales']
const security = [{ shopper: [] }]

export const shopperAfterSaleRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireShopper(deps)

  app.post(
    '/api/v1/orders/:id/after-sales',
    { onRequest, schema: { tags, security, params: idParams, body: afterSaleRequest, response: { 201: afterSaleResponse, ...errorResponses } } },
    async (request, reply) => {
      const input = normalizeAfterSaleRequest(request.body)
      const afterSale = must(await requestAfterSale(deps, shopperOf(request).userId, request.params.id, input))
      return reply.status(201).send({ afterSale })
    }
  )

  app.post(
    '/api/v1/after-sales/:id/return-shipment',
    { onRequest, schema: { tags, security, params: idParams, body: returnShipmentRequest, response: { 200: afterSaleResponse, ...errorResponses } } },
    async (request) => ({ afterSale: must(await sendReturnShipment(deps, shopperOf(request).userId, request.params.id, request.body)) })
  )

  app.post(
    '/api/v1/after-sales/:id/cancel',
    { onRequest, schema: { tags, security, params: idParams, response: { 200: afterSaleResponse, ...errorResponses } } },
    async (request) => ({ afterSale: must(await cancelAfterSale(deps, shopperOf(request).userId, request.params.id)) })
  )
}
