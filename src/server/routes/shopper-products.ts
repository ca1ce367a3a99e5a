/**
 * GET /api/v1/products/:id: `{product}` with live price and stock; GET
 * /api/v1/products?q=&cursor=&limit=: products on sale searched by title.
 * No login needed to browse.
 */
import { errorResponses, idParams } from '@core/contract/common'
import { productResponse } from '@core/contract/catalog'
import { productSearchQuery, productSearchResponse } from '@core/contract/reach'
import { searchProducts } from '../flows/catalog/search-products'
import { must } from '../http/app-error'
import { getProduct } from '../flows/catalog/get-product'
import type { RegisterRoutes } from './route'

export const shopperProductRoutes: RegisterRoutes = (app, deps) => {
  app.get(
    '/api/v1/products',
    { schema: { tags: ['shopper: catalog'], querystring: productSearchQuery, response: { 200: productSearchResponse, ...errorResponses } } },
    async (request) => must(await searchProducts(deps, request.query))
  )

  app.get(
    '/api/v1/products/:id',
    { schema: { tags: ['shopper: catalog'], params: idParams, response: { 200: productResponse, ...errorResponses } } },
    async (request) => ({ product: must(await getProduct(deps, request.params.id)) })
  )
}
