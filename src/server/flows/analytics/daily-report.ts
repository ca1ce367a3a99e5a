/**
 * GET /api/admin/analytics/daily (addition): paid orders and their totals
 * per day, by payment time, for the admin's trend chart. Days are calendar
 * days in the offset `from` was written in (+08:00 for the brand's staff),
 * every day of the window listed, empty ones with zeros. An order counts
 * once it was paid, refunded or not, like the other reports (gross).
 */
import type { DailyRow } from '@core/contract/analytics'
import type { Executor } from '../../db/database'
import { paidOrderTimes } from '../../db/repos/analytics-order-repo'
import { PAID_STATUSES } from './paid-statuses'
import type { ReportWindow } from './report-window'

const DAY_MS = 24 * 60 * 60 * 1000

export async function dailyReport(db: Executor, w: ReportWindow): Promise<{ rows: DailyRow[] }> {
  const shift = w.offsetMinutes * 60_000
  const dayOf = (ms: number) => new Date(ms + shift).toISOString().slice(0, 10)
  const rows = new Map<string, DailyRow>()
  // Every local day the window touches, so the chart has no gaps.
  const firstMidnight = Math.floor((w.fromMs + shift) / DAY_MS) * DAY_MS - shift
  for (let t = firstMidnight; t < w.toMs; t += DAY_MS) rows.set(dayOf(t), { day: dayOf(t), paidOrders: 0, paidFen: 0 })
  for (const o of await paidOrderTimes(db, w, PAID_STATUSES)) {
    const r = rows.get(dayOf(Date.parse(o.paidAt)))
    if (!r) continue
    r.paidOrders++
    r.paidFen += o.totalFen
  }
  return { rows: [...rows.values()] }
}
