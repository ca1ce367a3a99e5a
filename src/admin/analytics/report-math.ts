/** Labels and ratios for the reports; the numbers themselves come from the server. */
import type { FunnelStepName, SharerReportRow } from '@core/contract/analytics'

export const STEP_LABELS: Record<FunnelStepName, string> = {
  content_view: '浏览内容',
  add_to_cart: '加入购物车',
  checkout_start: '去结算',
  order_created: '下单',
  order_paid: '支付'
}

/** "12.5%", or "—" when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '—'
  return `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%`
}

/** Leaderboard order: paid amount, then paid orders, then opens. */
export function rankSharers(rows: readonly SharerReportRow[]): SharerReportRow[] {
  return [...rows].sort((a, b) => b.paidFen - a.paidFen || b.paidOrders - a.paidOrders || b.opens - a.opens)
}
