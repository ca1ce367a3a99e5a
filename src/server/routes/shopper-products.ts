/** GET /api/v1/products/:id: `{product}` with live price and stock; no login needed to browse. */
import { z } from 'zod'
import { isId } from '@core/ids'
import { must } from '../http/app-error'
import { parseInput } from '../http/validate'
import { getProduct } from '../flows/catalog/get-product'
import type { RegisterRoutes } from './route'

const idParams = z.object({ id: z.string().refine(isId, 'not an id') })

export const shopperProductRoutes: RegisterRoutes = (app, deps) => {
  app.get('/api/v1/products/:id', async (request) => {
    const { id } = parseInput(idParams, request.params, 'path')
    return { product: must(await getProduct(deps, id)) }
  })
}
