// The shopper's cart: lines of (SKU, quantity). Editing returns a Result so
// the app can say why ("库存仅剩 2 件"); pricing always uses current SKU data
// and marks each line that cannot be paid as it stands.
import type { SkuAttrs } from './catalog'
import { type Lookup, lookupGet } from './lookup'
import { err, ok, type Result } from './result'
import { type CartLine, MAX_LINE_QTY } from './cart-line'

export { type CartLine, MAX_LINE_QTY }

export type CartEditCode = 'INVALID_QTY' | 'QTY_ABOVE_LIMIT' | 'INSUFFICIENT_STOCK' | 'SOLD_OUT' | 'LINE_NOT_FOUND'

/** The most one line may hold: 99, or the stock when lower (never negative). */
export function maxLineQty(stock?: number): number {
  return stock === undefined ? MAX_LINE_QTY : Math.max(0, Math.min(MAX_LINE_QTY, stock))
}

function checkQty(qty: number, stock: number | undefined, inCart: number): Result<number, CartEditCode> {
  if (!Number.isInteger(qty) || qty < 1) return err('INVALID_QTY', '数量至少为 1 件', { qty })
  if (stock !== undefined && stock <= 0) return err('SOLD_OUT', '该规格已售罄', { maxQty: 0, inCart })
  if (stock !== undefined && qty > stock && stock < MAX_LINE_QTY) {
    return err('INSUFFICIENT_STOCK', `库存仅剩 ${stock} 件`, { maxQty: stock, inCart })
  }
  if (qty > MAX_LINE_QTY) return err('QTY_ABOVE_LIMIT', `每件商品最多购买 ${MAX_LINE_QTY} 件`, { maxQty: MAX_LINE_QTY, inCart })
  return ok(qty)
}

/**
 * Adds qty of a SKU (to its line when there is one, else a new line at the end).
 * stock, when known, caps the line; priceFen records the price just shown.
 */
export function addLine(
  lines: readonly CartLine[],
  skuId: string,
  qty = 1,
  options: { stock?: number; priceFen?: number } = {}
): Result<CartLine[], CartEditCode> {
  if (!Number.isInteger(qty) || qty < 1) return err('INVALID_QTY', '数量至少为 1 件', { qty })
  const existing = lines.find((line) => line.skuId === skuId)
  const inCart = existing?.qty ?? 0
  const checked = checkQty(inCart + qty, options.stock, inCart)
  if (!checked.ok) return checked
  const seen = options.priceFen ?? existing?.seenPriceFen
  const next: CartLine = { skuId, qty: checked.value, ...(seen === undefined ? {} : { seenPriceFen: seen }) }
  return ok(existing ? lines.map((line) => (line === existing ? next : line)) : [...lines, next])
}

/** Sets a line's quantity (1–99, within stock when known); removing is removeLine. */
export function setQty(
  lines: readonly CartLine[],
  skuId: string,
  qty: number,
  stock?: number
): Result<CartLine[], CartEditCode> {
  const existing = lines.find((line) => line.skuId === skuId)
  if (!existing) return err('LINE_NOT_FOUND', '购物车中没有该商品', { skuId })
  const checked = checkQty(qty, stock, existing.qty)
  if (!checked.ok) return checked
  return ok(lines.map((line) => (line === existing ? { ...line, qty: checked.value } : line)))
}

export function removeLine(lines: readonly CartLine[], skuId: string): CartLine[] {
  return lines.filter((line) => line.skuId !== skuId)
}

/** Folds duplicate SKUs into one line (first position, summed, capped at 99) and drops qty < 1. */
export function normalizeLines(lines: readonly CartLine[]): CartLine[] {
  return mergeCarts(lines, [])
}

/**
 * On login, the guest cart joins the user's: same SKU adds up, other lines
 * keep their order (user's first). Quantities are capped at 99 and, when the
 * lookup knows the SKU, at its stock (but at least 1, so a sold-out line stays
 * visible for priceCart to flag rather than vanishing). Unknown SKUs are kept
 * for the same reason: priceCart marks them SKU_GONE.
 */
export function mergeCarts(
  userCart: readonly CartLine[],
  guestCart: readonly CartLine[],
  skuLookup?: Lookup<{ stock: number }>
): CartLine[] {
  const merged = new Map<string, CartLine>()
  for (const line of [...userCart, ...guestCart]) {
    if (!Number.isInteger(line.qty) || line.qty < 1) continue
    const prior = merged.get(line.skuId)
    const seen = prior?.seenPriceFen ?? line.seenPriceFen
    merged.set(line.skuId, {
      skuId: line.skuId,
      qty: (prior?.qty ?? 0) + line.qty,
      ...(seen === undefined ? {} : { seenPriceFen: seen })
    })
  }
  return [...merged.values()].map((line) => {
    const stock = skuLookup ? lookupGet(skuLookup, line.skuId)?.stock : undefined
    return { ...line, qty: Math.max(1, Math.min(line.qty, maxLineQty(stock))) }
  })
}

export { priceCart, acknowledgePrices, cartTotals, isPayableLine, itemsTotalFen } from './cart-pricing'
export type { CartSkuInfo, CartProblem, PricedCartLine, PricedCart, CartTotals, TotalsLine } from './cart-pricing'
export type { SkuAttrs }
