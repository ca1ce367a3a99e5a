/**
 * GET /api/admin/analytics/launch-reminders: the brand's leads. Reminders
 * made in the window (optionally of one page), one row per page, product,
 * sharer and channel they came through:
 *   reminders  reminders asked;  sent: handled at the launch;  delivered: queued to WeChat
 *   buyers     reminded shoppers with a paid order (paid, shipped, completed,
 *              refunding, refunded) holding that product, made after they asked
 *   paidOrders / paidFen  those orders and what their lines of that product cost (gross)
 * plus per-page totals (`pages`). Rows: most reminders first.
 */
import type { ReminderReport, ReminderReportRow } from '@core/contract/launch'
import type { OrderItemDto } from '@core/contract/orders'
import type { Executor } from '../../db/database'
import { paidOrdersOf, productOfSkus, remindersCreatedIn } from '../../db/repos/launch-repo'
import type { Window } from '../../db/repos/analytics-repo'
import { PAID_STATUSES } from '../analytics/paid-statuses'

export async function reminderReport(db: Executor, w: Window, contentSlug?: string): Promise<ReminderReport> {
  const reminders = await remindersCreatedIn(db, w.fromIso, w.toIso, contentSlug)
  const earliest = reminders.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), w.toIso)
  const orders = await paidOrdersOf(db, [...new Set(reminders.map((r) => r.userId))], earliest, PAID_STATUSES)
  const lines = orders.map((o) => ({ ...o, lines: JSON.parse(o.items) as OrderItemDto[] }))
  const productOf = await productOfSkus(db, lines.flatMap((o) => o.lines.map((l) => l.skuId)))

  const rows = new Map<string, ReminderReportRow>()
  const pages = new Map<string | null, { contentSlug: string | null; reminders: number; buyers: number }>()
  for (const r of reminders) {
    const key = JSON.stringify([r.contentSlug, r.productId, r.sharerUserId, r.channel])
    let row = rows.get(key)
    if (!row) {
      row = { contentSlug: r.contentSlug, productId: r.productId, sharerUserId: r.sharerUserId, channel: r.channel, reminders: 0, sent: 0, delivered: 0, buyers: 0, paidOrders: 0, paidFen: 0 }
      rows.set(key, row)
    }
    const page = pages.get(r.contentSlug) ?? { contentSlug: r.contentSlug, reminders: 0, buyers: 0 }
    pages.set(r.contentSlug, page)
    row.reminders++
    page.reminders++
    if (r.sentAt !== null) row.sent++
    if (r.outcome === 'queued') row.delivered++
    const bought = lines.filter((o) => o.userId === r.userId && o.createdAt >= r.createdAt && o.lines.some((l) => productOf.get(l.skuId) === r.productId))
    if (bought.length > 0) {
      row.buyers++
      page.buyers++
      row.paidOrders += bought.length
      row.paidFen += bought.reduce((sum, o) => sum + o.lines.filter((l) => productOf.get(l.skuId) === r.productId).reduce((s, l) => s + l.priceFen * l.qty, 0), 0)
    }
  }
  const order = <T extends { reminders: number }>(list: T[]) => list.sort((a, b) => b.reminders - a.reminders)
  return { rows: order([...rows.values()]), pages: order([...pages.values()]) }
}
