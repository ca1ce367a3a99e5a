/**
 * Whether products are on sale (docs/api.md "Launches and 开售提醒"): a
 * product named by a live page's countdown block is not on sale before that
 * block's `until`. Orders are refused with 409 NOT_ON_SALE; product answers
 * carry `launchAt` while the launch is still to come.
 */
import type { Product } from '@core/catalog'
import { err, ok, type Result } from '@core/result'
import type { Executor } from '../../db/database'
import { upcomingLaunches } from '../../db/repos/launch-repo'

export async function checkOnSale(db: Executor, productIds: readonly string[], now: Date): Promise<Result<void>> {
  const upcoming = await upcomingLaunches(db, productIds, now.toISOString())
  const [first] = upcoming
  if (!first) return ok(undefined)
  const [productId, launchAt] = first
  return err('NOT_ON_SALE', `商品 ${productId} 将于 ${launchAt} 开售，开售前不能下单`, { productId, launchAt })
}

/** The products with `launchAt` added where their launch is still to come. */
export async function withLaunches<P extends Pick<Product, 'id'>>(db: Executor, products: Map<string, P>, now: Date): Promise<Map<string, P & { launchAt?: string }>> {
  const upcoming = await upcomingLaunches(db, [...products.keys()], now.toISOString())
  if (upcoming.size === 0) return products
  return new Map([...products].map(([id, p]) => [id, upcoming.has(id) ? { ...p, launchAt: upcoming.get(id) } : p]))
}
