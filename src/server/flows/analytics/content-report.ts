/**
 * GET /api/admin/analytics/content (docs/api.md "Report definitions"), one
 * row per page with anything in the window:
 *   views       content_view events;  viewers: distinct shoppers of them
 *   shares      share events of the page
 *   shareOpens  share_open events on the page's shares (made at any time)
 *               by shoppers other than the sharer
 *   addToCarts  add_to_cart events carrying the slug
 *   orders      orders created in the window attributed to the page;
 *               paidOrders / paidFen: those of them that were paid, and their
 *               totals (gross); refundedFen: what was refunded on them
 *   title       the page's title (published slug first, then the draft's), when there is a page
 * Rows: most viewed first, then by slug.
 */
import type { ContentReportRow } from '@core/contract/analytics'
import type { Executor } from '../../db/database'
import { orderTotalsBy, rewardsBy } from '../../db/repos/analytics-order-repo'
import { contentEventCounts, shareOpensByPage, type Window } from '../../db/repos/analytics-repo'
import { PAID_STATUSES } from './paid-statuses'

export async function contentReport(db: Executor, w: Window): Promise<{ rows: ContentReportRow[] }> {
  const rows = new Map<string, ContentReportRow>()
  const row = (slug: string): ContentReportRow => {
    let r = rows.get(slug)
    if (!r) {
      r = { slug, views: 0, viewers: 0, shares: 0, shareOpens: 0, addToCarts: 0, orders: 0, paidOrders: 0, paidFen: 0, refundedFen: 0, discountFen: 0, rewardsGranted: 0 }
      rows.set(slug, r)
    }
    return r
  }

  for (const c of await contentEventCounts(db, w, 'content_view')) {
    const r = row(c.slug)
    r.views = c.events
    r.viewers = c.shoppers
  }
  for (const c of await contentEventCounts(db, w, 'share')) row(c.slug).shares = c.events
  for (const c of await contentEventCounts(db, w, 'add_to_cart')) row(c.slug).addToCarts = c.events

  for (const o of await shareOpensByPage(db, w)) row(o.slug).shareOpens = o.opens

  for (const o of await orderTotalsBy(db, w, 'attr_content_slug', PAID_STATUSES)) {
    const r = row(o.key)
    r.orders = o.orders
    r.paidOrders = o.paidOrders
    r.paidFen = o.paidFen
    r.refundedFen = o.refundedFen
    r.discountFen = o.discountFen
  }
  for (const g of await rewardsBy(db, w, 'content_slug')) row(g.key).rewardsGranted = g.rewards

  const slugs = [...rows.keys()]
  if (slugs.length > 0) {
    const pages = await db
      .selectFrom('pages')
      .select(['slug', 'publishedSlug', 'title'])
      .where((eb) => eb.or([eb('slug', 'in', slugs), eb('publishedSlug', 'in', slugs)]))
      .execute()
    for (const p of pages) {
      const r = rows.get(p.slug)
      if (r && r.title === undefined) r.title = p.title
    }
    // A published slug names the page shoppers saw: it wins over a draft that took the slug since.
    for (const p of pages) {
      const r = p.publishedSlug ? rows.get(p.publishedSlug) : undefined
      if (r) r.title = p.title
    }
  }

  return { rows: [...rows.values()].sort((a, b) => b.views - a.views || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)) }
}
