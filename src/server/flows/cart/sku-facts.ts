/** The SKU facts core's priceCart needs, for carts and orders alike: live price, stock, title, image. */
import type { CartSkuInfo } from '@core/cart'
import type { Sku } from '@core/catalog'
import { imageFor } from '@core/sku-image'
import type { Executor } from '../../db/database'
import { findSkuFacts } from '../../db/repos/cart-repo'
import { activeSkusOf } from '../../db/repos/product-repo'

export async function loadSkuFacts(db: Executor, skuIds: readonly string[]): Promise<Map<string, CartSkuInfo>> {
  const rows = await findSkuFacts(db, skuIds)
  // A line's picture is its colour's where the product has one picture per colour,
  // which needs the product's other SKUs (the order its colours appear in).
  const siblings = new Map<string, Sku[]>()
  for (const s of await activeSkusOf(db, [...new Set(rows.map((r) => r.productId))])) {
    const list = siblings.get(s.productId) ?? []
    list.push({ id: s.id, attrs: JSON.parse(s.attrs) as Record<string, string>, priceFen: s.priceFen, stock: s.stock })
    siblings.set(s.productId, list)
  }
  return new Map(
    rows.map((r) => {
      const attrs = JSON.parse(r.attrs) as Record<string, string>
      const image = imageFor({ images: JSON.parse(r.images) as string[], skus: siblings.get(r.productId) ?? [] }, attrs)
      const info: CartSkuInfo = {
        productId: r.productId,
        title: r.title,
        attrs,
        priceFen: r.priceFen,
        stock: r.stock,
        ...(image === undefined ? {} : { image })
      }
      return [r.skuId, info]
    })
  )
}
