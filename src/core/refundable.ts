// What can still be refunded on an order: what the shopper paid, less what
// was refunded, less a refund under way. One definition for the server (it
// caps after-sales requests and staff refunds), the app (the amount field of
// 申请售后) and the admin (the refund dialog), so the three never disagree.
import { formatFen, parseYuan, type ParseYuanCode } from './money'
import type { OrderStatus } from './order'
import { err, ok, type Result } from './result'

export type RefundableInput = {
  status: OrderStatus
  /** What WeChat Pay charged: payableFen when the order carries one, else totalFen. */
  paidFen: number
  refundedFen: number
  /** A refund sent to WeChat Pay whose outcome is not known yet. */
  inFlightFen?: number
}

function assertFen(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a non-negative whole number of fen, got ${String(n)}`)
}

/** 0 for orders that were never paid (or were closed); never negative. */
export function refundableFen(o: RefundableInput): number {
  assertFen(o.paidFen, 'paidFen')
  assertFen(o.refundedFen, 'refundedFen')
  assertFen(o.inFlightFen ?? 0, 'inFlightFen')
  if (o.status === 'pending_payment' || o.status === 'closed' || o.status === 'refunded') return 0
  return Math.max(0, o.paidFen - o.refundedFen - (o.inFlightFen ?? 0))
}

/** The shape of an order on the wire (OrderDto) that refundableFen needs. */
export type RefundableOrder = {
  status: OrderStatus
  totalFen: number
  payableFen?: number
  /** Absent reads as 0 (nothing refunded yet). */
  refundedFen?: number
  refunds?: ReadonlyArray<{ amountFen: number; status: string }>
}

/**
 * refundableFen of an order as the app and admin receive it: the refunds
 * still `processing` (shopper view) or `processing`/`abnormal` (staff view)
 * are in flight.
 */
export function refundableFenOfOrder(order: RefundableOrder): number {
  return refundableFen(refundableInputOf(order))
}

/** The facts refundableFen (and the after-sales rules) read, from an order as the app and admin receive it. */
export function refundableInputOf(order: RefundableOrder): Required<RefundableInput> {
  const inFlightFen = (order.refunds ?? [])
    .filter((r) => r.status === 'processing' || r.status === 'abnormal')
    .reduce((sum, r) => sum + r.amountFen, 0)
  return { status: order.status, paidFen: order.payableFen ?? order.totalFen, refundedFen: order.refundedFen ?? 0, inFlightFen }
}

/**
 * A typed refund amount in yuan ("50", "¥49.9") → fen: more than 0 and at
 * most maxFen (what is refundable). Messages are Chinese, for shopper and staff alike.
 */
export function parseRefundAmount(
  text: string,
  maxFen: number
): Result<number, Exclude<ParseYuanCode, 'AMOUNT_TOO_LARGE'> | 'REFUND_EXCEEDS_PAID'> {
  const parsed = parseYuan(text, { maxFen })
  if (!parsed.ok) {
    if (parsed.error.code === 'AMOUNT_TOO_LARGE') return err('REFUND_EXCEEDS_PAID', `最多可退 ${formatFen(maxFen)}，请修改金额`, { refundableFen: maxFen })
    return err(parsed.error.code, parsed.error.message)
  }
  if (parsed.value === 0) return err('INVALID_AMOUNT', '退款金额要大于 0')
  return ok(parsed.value)
}
