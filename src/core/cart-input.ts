// The `items` of PUT /cart and POST /orders: the shape only. Stock and
// prices are the server's to check (priceCart, then its own reservation).
import * as z from 'zod/mini'
import { type CartLine, MAX_LINE_QTY } from './cart-line'
import { ID_PATTERN } from './ids'
import { err, ok, type Result } from './result'
import { toFieldIssues } from './zod-issues'

export const MAX_CART_LINES = 100

export const cartItemsSchema = z.array(
  z.object({
    skuId: z.string().check(z.regex(ID_PATTERN, 'skuId must be 1–64 letters, digits, "_" or "-"')),
    qty: z.int().check(z.minimum(1), z.maximum(MAX_LINE_QTY))
  })
).check(
  z.maxLength(MAX_CART_LINES, `at most ${MAX_CART_LINES} lines`),
  z.refine((items) => new Set(items.map((i) => i.skuId)).size === items.length, 'each skuId may appear once')
)

export function validateCartItems(input: unknown, path = 'items'): Result<CartLine[], 'INVALID_ITEMS'> {
  const parsed = cartItemsSchema.safeParse(input)
  if (parsed.success) return ok(parsed.data)
  return err('INVALID_ITEMS', 'the items are not a valid list of {skuId, qty}', toFieldIssues(parsed.error.issues, path))
}
