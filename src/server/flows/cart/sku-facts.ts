/** The SKU facts core's priceCart needs, for carts and orders alike: live price, stock, title, image. */
import type { CartSkuInfo } from '@core/cart'
import type { Executor } from '../../db/database'
import { findSkuFacts } from '../../db/repos/cart-repo'

export async function loadSkuFacts(db: Executor, skuIds: readonly string[]): Promise<Map<string, CartSkuInfo>> {
  const rows = await findSkuFacts(db, skuIds)
  return new Map(
    rows.map((r) => {
      const image = (JSON.parse(r.images) as string[])[0]
      const info: CartSkuInfo = {
        productId: r.productId,
        title: r.title,
        attrs: JSON.parse(r.attrs) as Record<string, string>,
        priceFen: r.priceFen,
        stock: r.stock,
        ...(image === undefined ? {} : { image })
      }
      return [r.skuId, info]
    })
  )
}
