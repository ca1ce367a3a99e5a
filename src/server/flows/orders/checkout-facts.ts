/**
 * What pricing an order needs from the catalog, read in one statement
 * (stock-repo findCheckoutSkus) instead of three: the SKU facts core's
 * priceCart takes (live price, stock, title, the colour's picture, as
 * cart/sku-facts.ts builds them for carts) and whether each product is on
 * sale yet (launch/on-sale.ts's rule: not before a live page's countdown
 * naming it; 409 NOT_ON_SALE with the same message and details).
 */
import type { CartSkuInfo } from '@core/cart'
import type { Sku } from '@core/catalog'
import { err, ok, type Result } from '@core/result'
import { imageFor } from '@core/sku-image'
import type { Executor } from '../../db/database'
import { findCheckoutSkus } from '../../db/repos/stock-repo'

export interface CheckoutFacts {
  facts: Map<string, CartSkuInfo>
  /** ok, or NOT_ON_SALE for the first product (by id) whose launch is still to come. */
  onSale: Result<void>
}

export async function loadCheckoutFacts(db: Executor, skuIds: readonly string[], now: Date): Promise<CheckoutFacts> {
  const rows = await findCheckoutSkus(db, skuIds)
  const wanted = new Set(skuIds)
  const siblings = new Map<string, Sku[]>()
  const attrsOf = new Map<string, Record<string, string>>()
  for (const r of rows) {
    const attrs = JSON.parse(r.attrs) as Record<string, string>
    attrsOf.set(r.id, attrs)
    const list = siblings.get(r.productId) ?? []
    list.push({ id: r.id, attrs, priceFen: r.priceFen, stock: r.stock })
    siblings.set(r.productId, list)
  }
  const facts = new Map<string, CartSkuInfo>()
  const products = new Set<string>()
  for (const r of rows) {
    if (!wanted.has(r.id)) continue
    products.add(r.productId)
    const attrs = attrsOf.get(r.id)!
    const image = imageFor({ images: JSON.parse(r.images) as string[], skus: siblings.get(r.productId) ?? [] }, attrs)
    facts.set(r.id, { productId: r.productId, title: r.title, attrs, priceFen: r.priceFen, stock: r.stock, ...(image === undefined ? {} : { image }) })
  }
  const nowIso = now.toISOString()
  const upcoming = rows.find((r) => products.has(r.productId) && r.launchAt !== null && r.launchAt > nowIso)
  const onSale: Result<void> = upcoming
    ? err('NOT_ON_SALE', `商品 ${upcoming.productId} 将于 ${upcoming.launchAt} 开售，开售前不能下单`, { productId: upcoming.productId, launchAt: upcoming.launchAt })
    : ok(undefined)
  return { facts, onSale }
}
