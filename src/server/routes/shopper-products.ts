/** GET /api/v1/products/:id: `{product}` with live price and stock; no login needed to browse. */
import { errorResponses, idParams } from '@core/contract/common'
import { productResponse } from '@core/contract/catalog'
import { must } from '../http/app-error'
import { getProduct } from '../flows/catalog/get-product'
import type { RegisterRoutes } from './route'

export const shopperProductRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/api/v1/products/:id',
    { schema: { tags: ['shopper: catalog'], params: idParams, response: { 200: productResponse, ...errorResponses } } },
    async (request) => ({ product: must(await getProduct(deps, request.params.id)) })
  )
}
