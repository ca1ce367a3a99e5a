/**
 * The shopper's server cart: read, replace, or merge a guest cart into it.
 * The merge is how a guest cart joins the account at login: right after
 * POST /auth/login the app sends its local cart with `merge: true` and the
 * server folds it in with core's mergeCarts (same SKU adds up, capped at
 * 99 and at stock). Every answer is priced here by core's priceCart, so a
 * gone SKU, a sold-out line or a changed price shows as that line's problem.
 */
import type { CartDto, CartRequest } from '@core/contract/cart'
import { mergeCarts, normalizeLines, priceCart, type CartLine } from '@core/cart'
import { findCartItems, saveCart } from '../../db/repos/cart-repo'
import type { Deps } from '../../deps'
import { loadSkuFacts } from './sku-facts'

function parseLines(json: string | undefined): CartLine[] {
  return json === undefined ? [] : (JSON.parse(json) as CartLine[])
}

async function priced(deps: Deps, lines: CartLine[]): Promise<CartDto> {
  const facts = await loadSkuFacts(deps.db, lines.map((l) => l.skuId))
  const p = priceCart(lines, facts)
  return { items: p.lines, totalFen: p.totalFen, payableCount: p.payableCount, payableLines: p.payableLines, hasProblems: p.hasProblems }
}

export async function getCart(deps: Deps, userId: string): Promise<CartDto> {
  return priced(deps, parseLines(await findCartItems(deps.db, userId)))
}

export async function putCart(deps: Deps, userId: string, input: CartRequest): Promise<CartDto> {
  const now = deps.clock.now().toISOString()
  const lines = await deps.db.transaction().execute(async (trx) => {
    let next = normalizeLines(input.items)
    if (input.merge) {
      const stored = parseLines(await findCartItems(trx, userId))
      const facts = await loadSkuFacts(trx, [...stored, ...next].map((l) => l.skuId))
      next = mergeCarts(stored, next, facts)
    }
    await saveCart(trx, { userId, items: JSON.stringify(next), updatedAt: now })
    return next
  })
  return priced(deps, lines)
}
