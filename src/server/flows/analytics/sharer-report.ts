/**
 * GET /api/admin/analytics/sharers (CONTRACT.md "Report definitions"), one
 * row per sharer (the bound user, else the anon id) with anything in the
 * window:
 *   shares      their share events
 *   opens       distinct other shoppers who opened one of their shares
 *               (shares made at any time, opens in the window)
 *   newUsers    those of them whose first event ever was that open (the
 *               app_launch of the same session aside, see analytics-repo)
 *   paidOrders / paidFen  paid orders created in the window attributed to
 *               one of their shares, and their totals
 *   maxDepth    the greatest depth among their shares made in the window
 *               and every share descending from those (at any time); 0
 *               when they made none in the window
 * Rows: most paid first, then most opens, most shares, then by id.
 */
import type { Executor } from '../../db/database'
import { orderTotalsBy } from '../../db/repos/analytics-order-repo'
import { allShares, opensInWindow, type Window } from '../../db/repos/analytics-repo'
import { PAID_STATUSES } from './paid-statuses'
import { indexShares, subtreeMaxDepths } from './share-index'

export interface SharerRow {
  userId: string
  shares: number
  opens: number
  newUsers: number
  paidOrders: number
  paidFen: number
  maxDepth: number
}

export async function sharerReport(db: Executor, w: Window): Promise<{ rows: SharerRow[] }> {
  const shareEvents = await allShares(db)
  const shares = indexShares(shareEvents)
  const rows = new Map<string, SharerRow & { openers: Set<string>; newcomers: Set<string> }>()
  const row = (userId: string) => {
    let r = rows.get(userId)
    if (!r) {
      r = { userId, shares: 0, opens: 0, newUsers: 0, paidOrders: 0, paidFen: 0, maxDepth: 0, openers: new Set(), newcomers: new Set() }
      rows.set(userId, r)
    }
    return r
  }

  const inWindow = shareEvents.filter((s) => s.ts >= w.fromMs && s.ts < w.toMs)
  const deepest = inWindow.length > 0 ? subtreeMaxDepths(shares) : new Map<string, number>()
  for (const s of inWindow) {
    const r = row(s.sharer)
    r.shares++
    // A reused share id's later event is not a share of its own: its depth is the first event's.
    if (shares.get(s.shareId) === s) r.maxDepth = Math.max(r.maxDepth, deepest.get(s.shareId) ?? 0)
  }

  for (const open of await opensInWindow(db, w, { withFirst: true })) {
    const share = shares.get(open.shareId)
    if (!share || share.sharer === open.opener) continue
    const r = row(share.sharer)
    r.openers.add(open.opener)
    if (open.first) r.newcomers.add(open.opener)
  }

  for (const o of await orderTotalsBy(db, w, 'attr_share_id', PAID_STATUSES)) {
    const share = shares.get(o.key)
    if (!share || o.paidOrders === 0) continue
    const r = row(share.sharer)
    r.paidOrders += o.paidOrders
    r.paidFen += o.paidFen
  }

  const out: SharerRow[] = [...rows.values()].map(({ openers, newcomers, ...r }) => ({ ...r, opens: openers.size, newUsers: newcomers.size }))
  return {
    rows: out.sort(
      (a, b) => b.paidFen - a.paidFen || b.opens - a.opens || b.shares - a.shares || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
    )
  }
}
