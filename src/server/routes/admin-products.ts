/** Staff catalog: GET/POST /api/admin/products, GET/PUT /api/admin/products/:id (editors and admins). */
import type { z } from 'zod'
import { adminProductList, adminProductListQuery, adminProductResponse, type ProductInput } from '@core/contract/admin-catalog'
import { errorResponses, idParams } from '@core/contract/common'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { productInputSchema } from '../inputs/product-input'
import { createProduct } from '../flows/catalog/create-product'
import { getProduct } from '../flows/catalog/get-product'
import { listProducts } from '../flows/catalog/list-products'
import { updateProduct } from '../flows/catalog/update-product'
import type { RegisterRoutes } from './route'

/** The contract's ProductInput is exactly what the schema accepts (the compiler says when they part). */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const inputMatchesContract: Same<z.input<typeof productInputSchema>, ProductInput> = true
void inputMatchesContract

const tags = ['staff: products']
const security = [{ staff: [] }]
const productAnswer = { 200: adminProductResponse, ...errorResponses }

export const adminProductRoutes: RegisterRoutes = (app, deps) => {
  const onRequest = requireStaff(deps)

  app.get(
    '/api/admin/products',
    { onRequest, schema: { tags, security, querystring: adminProductListQuery, response: { 200: adminProductList, ...errorResponses } } },
    async (request) => must(await listProducts(deps, request.query))
  )

  app.post(
    '/api/admin/products',
    { onRequest, schema: { tags, security, body: productInputSchema, response: { 201: adminProductResponse, ...errorResponses } } },
    async (request, reply) => reply.status(201).send({ product: await createProduct(deps, staffOf(request).id, request.body) })
  )

  app.get('/api/admin/products/:id', { onRequest, schema: { tags, security, params: idParams, response: productAnswer } }, async (request) => ({
    product: must(await getProduct(deps, request.params.id))
  }))

  app.put(
    '/api/admin/products/:id',
    { onRequest, schema: { tags, security, params: idParams, body: productInputSchema, response: productAnswer } },
    async (request) => ({ product: must(await updateProduct(deps, staffOf(request).id, request.params.id, request.body)) })
  )
}
