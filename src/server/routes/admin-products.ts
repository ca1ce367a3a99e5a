/** Staff catalog: GET/POST /api/admin/products, GET/PUT /api/admin/products/:id (editors and admins). */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { requireStaff, staffOf } from '../http/guards'
import { parseInput } from '../http/validate'
import { productInputSchema } from '../inputs/product-input'
import { createProduct } from '../flows/catalog/create-product'
import { getProduct } from '../flows/catalog/get-product'
import { listProducts } from '../flows/catalog/list-products'
import { updateProduct } from '../flows/catalog/update-product'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })
const listQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})

export const adminProductRoutes: RegisterRoutes = (app, deps) => {
  const staff = { onRequest: requireStaff(deps) }

  app.get('/api/admin/products', staff, async (request) =>
    must(await listProducts(deps, parseInput(listQuery, request.query, 'query')))
  )

  app.post('/api/admin/products', staff, async (request, reply) => {
    const input = parseInput(productInputSchema, request.body, 'product')
    return reply.status(201).send({ product: await createProduct(deps, staffOf(request).id, input) })
  })

  app.get('/api/admin/products/:id', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { product: must(await getProduct(deps, id)) }
  })

  app.put('/api/admin/products/:id', staff, async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    const input = parseInput(productInputSchema, request.body, 'product')
    return { product: must(await updateProduct(deps, staffOf(request).id, id, input)) }
  })
}
