// Prices a cart against the SKUs as they are now. A line with a problem is
// shown but not payable: it is left out of totalFen until the shopper fixes
// it (adjusts the quantity, removes it, or accepts the new price).
import type { SkuAttrs } from './catalog'
import { type CartLine, MAX_LINE_QTY } from './cart-line'
import { type Lookup, lookupGet } from './lookup'
import { multiplyFen, sumFen } from './money'
import { itemCount } from './order-summary'

export type CartSkuInfo = {
  productId: string
  title: string
  attrs: SkuAttrs
  priceFen: number
  stock: number
  image?: string
}

/** In order of precedence: a line reports only the first that applies. */
export type CartProblem = 'SKU_GONE' | 'INVALID_QTY' | 'SOLD_OUT' | 'INSUFFICIENT_STOCK' | 'PRICE_CHANGED'

export type PricedCartLine = {
  skuId: string
  qty: number
  productId: string | null
  title: string
  attrs: SkuAttrs
  image?: string
  /** Current unit price; for SKU_GONE the last seen price (0 when unknown). */
  priceFen: number
  lineFen: number
  /** Units the shopper may have on this line now (0 when gone or sold out). */
  maxQty: number
  problem?: CartProblem
  /** With PRICE_CHANGED: the price the shopper saw. */
  seenPriceFen?: number
}

export type CartTotals = {
  /** Sum of the payable lines. */
  totalFen: number
  /** Units (sum of qty) on the payable lines: the 结算(N) count. */
  payableCount: number
  /** Number of payable lines. */
  payableLines: number
  /** Some line has a problem. */
  hasProblems: boolean
}

export type PricedCart = CartTotals & { lines: PricedCartLine[] }

/** A line as the totals see it; pending = its quantity is not priced yet (the app waits for the server). */
export type TotalsLine = { qty: number; lineFen: number; problem?: CartProblem; pending?: boolean }

/** Payable: no problem and priced as it stands. */
export function isPayableLine(line: TotalsLine): boolean {
  return !line.problem && !line.pending
}

/** The totals of priced lines: what the cart page, its 结算(N) button and the server's cart answer all show. */
export function cartTotals(lines: readonly TotalsLine[]): CartTotals {
  const payable = lines.filter(isPayableLine)
  return {
    totalFen: sumFen(payable.map((line) => line.lineFen)),
    payableCount: itemCount(payable),
    payableLines: payable.length,
    hasProblems: lines.some((line) => line.problem !== undefined)
  }
}

/** Sum of price × qty, for lines whose prices are final (the checkout page's items). */
export function itemsTotalFen(items: ReadonlyArray<{ priceFen: number; qty: number }>): number {
  return sumFen(items.map((item) => multiplyFen(item.priceFen, item.qty)))
}

function problemOf(line: CartLine, sku: CartSkuInfo, seen: number | undefined): CartProblem | undefined {
  if (!Number.isInteger(line.qty) || line.qty < 1 || line.qty > MAX_LINE_QTY) return 'INVALID_QTY'
  if (sku.stock <= 0) return 'SOLD_OUT'
  if (line.qty > sku.stock) return 'INSUFFICIENT_STOCK'
  if (seen !== undefined && seen !== sku.priceFen) return 'PRICE_CHANGED'
  return undefined
}

/**
 * options.seenPrices supplies the seen price for lines that carry none (e.g.
 * a server that stores them apart from the lines).
 */
export function priceCart(
  lines: readonly CartLine[],
  skus: Lookup<CartSkuInfo>,
  options: { seenPrices?: Lookup<number> } = {}
): PricedCart {
  const priced = lines.map((line): PricedCartLine => {
    const sku = lookupGet(skus, line.skuId)
    const seen = line.seenPriceFen ?? (options.seenPrices ? lookupGet(options.seenPrices, line.skuId) : undefined)
    if (!sku) {
      return { skuId: line.skuId, qty: line.qty, productId: null, title: '', attrs: {}, priceFen: seen ?? 0, lineFen: 0, maxQty: 0, problem: 'SKU_GONE' }
    }
    const problem = problemOf(line, sku, seen)
    const qtyForLine = problem === 'INVALID_QTY' ? 0 : line.qty
    return {
      skuId: line.skuId,
      qty: line.qty,
      productId: sku.productId,
      title: sku.title,
      attrs: sku.attrs,
      ...(sku.image === undefined ? {} : { image: sku.image }),
      priceFen: sku.priceFen,
      lineFen: multiplyFen(sku.priceFen, qtyForLine),
      maxQty: Math.max(0, Math.min(MAX_LINE_QTY, sku.stock)),
      ...(problem ? { problem } : {}),
      ...(problem === 'PRICE_CHANGED' ? { seenPriceFen: seen } : {})
    }
  })
  return { lines: priced, ...cartTotals(priced) }
}

/** The shopper accepts current prices: every line's seenPriceFen becomes the priced one. */
export function acknowledgePrices(lines: readonly CartLine[], priced: PricedCart): CartLine[] {
  const current = new Map(priced.lines.filter((l) => l.productId !== null).map((l) => [l.skuId, l.priceFen]))
  return lines.map((line) => {
    const priceFen = current.get(line.skuId)
    return priceFen === undefined ? line : { ...line, seenPriceFen: priceFen }
  })
}
