// What the cart page shows: the server's priced lines in the device's order, with
// PRICE_CHANGED judged against the price the shopper saw when adding.
import type { CartDto, CartLineDto } from '@core/contract/cart'
import { type CartLine, type CartTotals, cartTotals } from '@core/cart'

export type CartRow = CartLineDto & { pending: boolean }
export type CartView = CartTotals & { rows: CartRow[] }

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
  return { rows, ...cartTotals(rows) }
}
