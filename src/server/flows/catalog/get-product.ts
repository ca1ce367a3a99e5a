/** One product with its live SKUs (staff and shopper see the same shape). */
import { err, ok, type Result } from '@core/result'
import type { Product } from '@core/catalog'
import type { Deps } from '../../deps'
import { loadProducts } from './load-products'

export async function getProduct(deps: Deps, id: string): Promise<Result<Product>> {
  const product = (await loadProducts(deps.db, [id])).get(id)
  return product ? ok(product) : err('PRODUCT_NOT_FOUND', `No product ${id}`)
}
