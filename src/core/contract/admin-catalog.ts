/**
 * Products as staff manage them (`/api/admin/products…`): the list, and the
 * body of a create or an edit. Staff read the same product shape shoppers do.
 */
import { z } from 'zod'
import { product, type SkuAttrs } from './catalog'

export type { Product, Sku, SkuAttrs } from './catalog'

export const adminProductListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})
export const adminProductList = z.object({ items: z.array(product), nextCursor: z.string().nullable() })
export type AdminProductList = z.infer<typeof adminProductList>
export const adminProductResponse = z.object({ product })

/**
 * POST/PUT body: `{title, description?, images?, skus:[{id?, attrs, priceFen, stock}]}`;
 * a SKU with an id is that SKU edited, one without is new, and a SKU left out
 * is retired. The server checks it with its product input schema (limits,
 * unique attributes per SKU), which accepts exactly this type.
 */
export type ProductInput = {
  title: string
  description?: string
  images?: string[]
  skus: Array<{ id?: string; attrs: SkuAttrs; priceFen: number; stock: number }>
}
