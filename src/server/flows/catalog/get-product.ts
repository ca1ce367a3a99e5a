/** One product with its live SKUs (staff and shopper see the same shape). */
import { err, ok, type Result } from '@core/result'
import type { Product } from '@core/catalog'
import type { Deps } from '../../deps'
import { withLaunches } from '../launch/on-sale'
import { loadProducts } from './load-products'

/** With `launchAt` while a live page's countdown says it is not on sale yet. */
export async function getProduct(deps: Deps, id: string): Promise<Result<Product & { launchAt?: string }>> {
  const product = (await withLaunches(deps.db, await loadProducts(deps.db, [id]), deps.clock.now())).get(id)
  return product ? ok(product) : err('PRODUCT_NOT_FOUND', `No product ${id}`)
}
