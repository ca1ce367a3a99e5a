/**
 * GET /api/admin/analytics/sharers (docs/api.md "Report definitions"), one
 * row per sharer (the bound user, else the anon id) with anything in the
 * window:
 *   shares      their share events
 *   opens       distinct other shoppers who opened one of their shares
 *               (shares made at any time, opens in the window)
 *   loggedInOpens  those of them who are logged-in shoppers (not bare
 *               anonymous ids, which anyone can make up): what anything
 *               that pays a sharer must count
 *   newUsers    those of them whose first event ever was that open (the
 *               app_launch of the same session aside, see analytics-repo)
 *   paidOrders / paidFen  paid orders created in the window attributed to
 *               one of their shares, and their totals (gross); refundedFen:
 *               what was refunded on them
 *   maxDepth    the greatest depth among their shares made in the window
 *               and every share descending from those (at any time); 0
 *               when they made none in the window
 *   name / avatarUrl  the sharer's profile, when they set one
 * Rows: most paid first, then most opens, most shares, then by id.
 * Every read is of the window: shares and depths come from share_facts
 * (migration 0015, kept at ingest), whose subtree depths already reach
 * every descendant, made at any time.
 */
import type { SharerReportRow } from '@core/contract/analytics'
import type { Executor } from '../../db/database'
import { paidOrdersBySharer, rewardsBy } from '../../db/repos/analytics-order-repo'
import { opensBySharer, sharesBySharer, type Window } from '../../db/repos/analytics-repo'
import { PAID_STATUSES } from './paid-statuses'

export async function sharerReport(db: Executor, w: Window): Promise<{ rows: SharerReportRow[] }> {
  const rows = new Map<string, SharerReportRow>()
  const row = (userId: string) => {
    let r = rows.get(userId)
    if (!r) {
      r = { userId, shares: 0, opens: 0, loggedInOpens: 0, newUsers: 0, paidOrders: 0, paidFen: 0, refundedFen: 0, discountFen: 0, rewardsGranted: 0, maxDepth: 0 }
      rows.set(userId, r)
    }
    return r
  }

  for (const s of await sharesBySharer(db, w)) {
    const r = row(s.sharer)
    r.shares = s.shares
    r.maxDepth = s.maxDepth
  }

  for (const o of await opensBySharer(db, w)) {
    const r = row(o.sharer)
    r.opens = o.opens
    r.loggedInOpens = o.loggedInOpens
    r.newUsers = o.newUsers
  }

  for (const o of await paidOrdersBySharer(db, w, PAID_STATUSES)) {
    const r = row(o.sharer)
    r.paidOrders = o.paidOrders
    r.paidFen = o.paidFen
    r.refundedFen = o.refundedFen
    r.discountFen = o.discountFen
  }
  for (const g of await rewardsBy(db, w, 'sharer_user_id')) row(g.key).rewardsGranted = g.rewards

  const ids = [...rows.keys()]
  if (ids.length > 0) {
    const profiles = await db.selectFrom('users').select(['id', 'name', 'avatarUrl']).where('id', 'in', ids).execute()
    for (const p of profiles) {
      const r = rows.get(p.id)
      if (!r) continue
      if (p.name) r.name = p.name
      if (p.avatarUrl) r.avatarUrl = p.avatarUrl
    }
  }

  return {
    rows: [...rows.values()].sort(
      (a, b) => b.paidFen - a.paidFen || b.opens - a.opens || b.shares - a.shares || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0)
    )
  }
}
