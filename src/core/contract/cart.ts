/**
 * The shopper's server cart: `GET /api/v1/cart`, `PUT /api/v1/cart`
 * (`merge: true` folds a guest cart in at login). Every answer is priced on
 * the server by core's priceCart.
 */
import { z } from 'zod'
import { cartItemsSchema } from '../cart-input'
import { coded } from './common'
import { skuAttrs } from './catalog'
import type { CartItem } from './shipping'

export type { CartItem } from './shipping'

export const cartRequest = z.object({
  items: coded(cartItemsSchema, 'INVALID_ITEMS'),
  /** Add to the stored cart instead of replacing it (a guest cart joining at login). */
  merge: z.boolean().optional()
})
export type CartRequest = { items: CartItem[]; merge?: boolean }

export const cartProblem = z.enum(['SKU_GONE', 'INVALID_QTY', 'SOLD_OUT', 'INSUFFICIENT_STOCK', 'PRICE_CHANGED'])

/** A cart line as the server prices it (core's PricedCartLine). */
export const cartLineDto = z.object({
  skuId: z.string(),
  qty: z.number().int(),
  productId: z.string().nullable(),
  title: z.string(),
  attrs: skuAttrs,
  image: z.string().optional(),
  /** Current unit price; for SKU_GONE the last seen price (0 when unknown). */
  priceFen: z.number().int(),
  lineFen: z.number().int(),
  /** Units the shopper may have on this line now (0 when gone or sold out). */
  maxQty: z.number().int(),
  problem: cartProblem.optional(),
  /** With PRICE_CHANGED: the price the shopper saw. */
  seenPriceFen: z.number().int().optional()
})
export type CartLineDto = z.infer<typeof cartLineDto>

export const cartDto = z
  .object({
    items: z.array(cartLineDto),
    /** Sum of the lines without a problem. */
    totalFen: z.number().int(),
    /** Units on lines without a problem: the 结算(N) count. */
    payableCount: z.number().int(),
    /** Lines without a problem. */
    payableLines: z.number().int(),
    hasProblems: z.boolean()
  })
  .meta({ id: 'Cart' })
export type CartDto = z.infer<typeof cartDto>
