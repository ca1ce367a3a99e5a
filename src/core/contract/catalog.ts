/** Products as shoppers (and staff) read them: `GET /api/v1/products/:id`, and the products of a page. */
import { z } from 'zod'

export const skuAttrs = z.record(z.string(), z.string()).describe('attribute name → value, e.g. {"颜色":"黛青"}')
export type SkuAttrs = z.infer<typeof skuAttrs>

export const sku = z.object({ id: z.string(), attrs: skuAttrs, priceFen: z.number().int(), stock: z.number().int() })
export type Sku = z.infer<typeof sku>

export const product = z
  .object({
    id: z.string(),
    title: z.string(),
    images: z.array(z.string()),
    description: z.string(),
    skus: z.array(sku),
    /** Present while a live page's countdown announces this product's launch and it has not come: not on sale before it (即将开售). */
    launchAt: z.string().optional()
  })
  .meta({ id: 'Product' })
export type Product = z.infer<typeof product>

export const productResponse = z.object({ product })
export type ProductResponse = z.infer<typeof productResponse>
