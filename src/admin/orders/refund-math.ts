/** What can still be refunded, by core's order rules: paid statuses only, up to total minus refunded. */
import { isPaidStatus, type OrderStatus } from '@core/order'
import { formatFen, parseYuan } from '@core/money'
import type { Result } from '@core/result'

export function refundableFen(order: { status: OrderStatus; totalFen: number; refundedFen?: number }): number {
  if (!isPaidStatus(order.status)) return 0
  return Math.max(0, order.totalFen - (order.refundedFen ?? 0))
}

/** Staff's ¥ input for a partial refund → fen, at most what is refundable. */
export function parseRefundAmount(text: string, maxFen: number): Result<number> {
  const parsed = parseYuan(text, { maxFen })
  if (!parsed.ok) return parsed.error.code === 'AMOUNT_TOO_LARGE' ? { ok: false, error: { code: 'REFUND_EXCEEDS_PAID', message: `最多还能退 ${formatFen(maxFen)}` } } : parsed
  if (parsed.value === 0) return { ok: false, error: { code: 'INVALID_AMOUNT', message: '退款金额要大于 0' } }
  return parsed
}

