// What the cart page shows: the server's priced lines in the device's order, with
// PRICE_CHANGED judged against the price the shopper saw when adding.
import type { CartDto, CartLineDto } from '@core/contract/cart'
import type { CartLine } from '@core/cart'
import { sumFen } from '@core/money'

export type CartRow = CartLineDto & { pending: boolean }
export type CartView = { rows: CartRow[]; totalFen: number; payableCount: number; hasProblems: boolean }

export function cartView(lines: readonly CartLine[], priced: CartDto | null): CartView {
  const byId = new Map((priced?.items ?? []).map((l) => [l.skuId, l]))
  const rows = lines.map((line): CartRow => {
    const p = byId.get(line.skuId)
    if (!p) {
      return { skuId: line.skuId, qty: line.qty, productId: null, title: '', attrs: {}, priceFen: line.seenPriceFen ?? 0, lineFen: 0, maxQty: 99, pending: true }
    }
    const row: CartRow = { ...p, qty: line.qty, pending: p.qty !== line.qty }
    if (!row.problem && line.seenPriceFen !== undefined && line.seenPriceFen !== p.priceFen) {
      return { ...row, problem: 'PRICE_CHANGED', seenPriceFen: line.seenPriceFen }
    }
    return row
  })
  const payable = rows.filter((r) => !r.problem && !r.pending)
  return {
    rows,
    totalFen: sumFen(payable.map((r) => r.lineFen)),
    payableCount: payable.reduce((n, r) => n + r.qty, 0),
    hasProblems: rows.some((r) => r.problem)
  }
}
