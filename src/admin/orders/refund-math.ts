/** What can still be refunded (core's one rule: paid, less refunded, less refunds under way) and staff's ¥ input. */
import type { OrderStatus } from '@core/order'
import { formatFen, parseYuan } from '@core/money'
import { refundableFenOfOrder } from '@core/refundable'
import type { ResultCode } from '@core/error-codes'
import type { Result } from '@core/result'

export function refundableFen(order: {
  status: OrderStatus
  totalFen: number
  payableFen?: number
  refundedFen?: number
  refunds?: ReadonlyArray<{ amountFen: number; status: string }>
}): number {
  return refundableFenOfOrder({ ...order, refundedFen: order.refundedFen ?? 0 })
}

/** Staff's ¥ input for a partial refund → fen, at most what is refundable. */
export function parseRefundAmount(text: string, maxFen: number): Result<number, ResultCode> {
  const parsed = parseYuan(text, { maxFen })
  if (!parsed.ok) return parsed.error.code === 'AMOUNT_TOO_LARGE' ? { ok: false, error: { code: 'REFUND_EXCEEDS_PAID', message: `最多还能退 ${formatFen(maxFen)}` } } : parsed
  if (parsed.value === 0) return { ok: false, error: { code: 'INVALID_AMOUNT', message: '退款金额要大于 0' } }
  return parsed
}

