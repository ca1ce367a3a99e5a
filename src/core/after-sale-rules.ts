// Who may ask for what after a sale, and when. Pure: the order's facts and
// the current time come in as arguments; the server, the app (to offer only
// the allowed kinds) and the admin use these same rules.
//
// - refund (仅退款): a paid order not yet shipped, or a shipped/completed one;
// - return (退货退款): only once goods went out (shipped or completed);
// - a completed order only until AFTER_SALE_DAYS after completion;
// - one open request per order; the amount at most what is still refundable;
// - the shop may let a paid, unshipped order be refunded on the request alone.
import dayjs from 'dayjs'
import type { AfterSaleKind } from './contract/after-sales'
import type { OrderStatus } from './order'
import { refundableFen } from './refundable'
import { err, ok, type Result } from './result'
import { type Instant, requireEpochMs } from './time'

export type AfterSaleOrderFacts = {
  status: OrderStatus
  paidFen: number
  refundedFen: number
  /** A refund under way (the order is refunding), if any. */
  inFlightFen?: number
  completedAt?: string | null
}

export type AfterSaleRuleCode =
  | 'AFTER_SALE_OPEN'
  | 'AFTER_SALE_NOT_ALLOWED'
  | 'AFTER_SALE_KIND_NOT_ALLOWED'
  | 'AFTER_SALE_EXPIRED'
  | 'REFUND_IN_PROGRESS'
  | 'REFUND_EXCEEDS_PAID'
  | 'INVALID_AMOUNT'

/** The last moment a completed order may get a request: completedAt + days (UTC ISO). */
export function afterSaleDeadline(completedAt: string, afterSaleDays: number): string {
  if (!Number.isInteger(afterSaleDays) || afterSaleDays < 0) throw new RangeError(`afterSaleDays must be a whole number ≥ 0, got ${afterSaleDays}`)
  return dayjs(requireEpochMs(completedAt, 'completedAt')).add(afterSaleDays, 'day').toISOString()
}

function kindsByStatus(status: OrderStatus): AfterSaleKind[] {
  if (status === 'paid') return ['refund']
  if (status === 'shipped' || status === 'completed') return ['refund', 'return']
  return []
}

/**
 * The kinds this order allows now (empty when none), ignoring any open
 * request and the amount: what the app offers under 申请售后.
 */
export function afterSaleKindsAllowed(order: AfterSaleOrderFacts, now: Instant, afterSaleDays: number): AfterSaleKind[] {
  return checkOrderOpenToAfterSale(order, now, afterSaleDays).ok ? kindsByStatus(order.status) : []
}

function checkOrderOpenToAfterSale(order: AfterSaleOrderFacts, now: Instant, afterSaleDays: number): Result<void, AfterSaleRuleCode> {
  if (order.status === 'refunding') return err('REFUND_IN_PROGRESS', 'a refund of this order is under way; wait for its result', { status: order.status })
  if (kindsByStatus(order.status).length === 0) {
    return err('AFTER_SALE_NOT_ALLOWED', `an order that is ${order.status} cannot get after-sales`, { status: order.status })
  }
  if (order.status === 'completed') {
    if (!order.completedAt) throw new RangeError('a completed order needs completedAt')
    const deadline = afterSaleDeadline(order.completedAt, afterSaleDays)
    if (requireEpochMs(now, 'now') >= requireEpochMs(deadline, 'deadline')) {
      return err('AFTER_SALE_EXPIRED', `after-sales for this order closed at ${deadline} (${afterSaleDays} days after completion)`, { deadline })
    }
  }
  if (refundableFen(order) === 0) return err('AFTER_SALE_NOT_ALLOWED', 'nothing of this order is left to refund', { refundableFen: 0 })
  return ok(undefined)
}

/**
 * May this order get a new request of this kind and amount now? The answer
 * carries what is refundable, so the caller need not work it out again.
 */
export function checkNewAfterSale(
  order: AfterSaleOrderFacts,
  request: { kind: AfterSaleKind; amountFen: number },
  ctx: { hasOpenRequest: boolean; now: Instant; afterSaleDays: number }
): Result<{ refundableFen: number }, AfterSaleRuleCode> {
  if (ctx.hasOpenRequest) return err('AFTER_SALE_OPEN', 'this order already has an open after-sales request; wait for it or withdraw it')
  const open = checkOrderOpenToAfterSale(order, ctx.now, ctx.afterSaleDays)
  if (!open.ok) return open
  if (!kindsByStatus(order.status).includes(request.kind)) {
    return err('AFTER_SALE_KIND_NOT_ALLOWED', `a ${request.kind} request needs a shipped or completed order; this one is ${order.status}`, {
      kind: request.kind,
      allowed: kindsByStatus(order.status)
    })
  }
  const refundable = refundableFen(order)
  if (!Number.isSafeInteger(request.amountFen) || request.amountFen <= 0) {
    return err('INVALID_AMOUNT', 'the amount must be a positive whole number of fen', { amountFen: request.amountFen })
  }
  if (request.amountFen > refundable) {
    return err('REFUND_EXCEEDS_PAID', `at most ${refundable} fen can still be refunded`, { refundableFen: refundable, amountFen: request.amountFen })
  }
  return ok({ refundableFen: refundable })
}

/**
 * The shop's automatic approval covers only refunds of paid orders of which
 * nothing has gone out yet (a split delivery keeps an order paid while its
 * first parcels travel).
 */
export function shouldAutoApprove(
  setting: { afterSaleAutoApprove: boolean },
  order: { status: OrderStatus; parcelsSent: number },
  kind: AfterSaleKind
): boolean {
  return setting.afterSaleAutoApprove && kind === 'refund' && order.status === 'paid' && order.parcelsSent === 0
}

type Line = { skuId: string; qty: number }

/**
 * The stock to put back for a request: the lines it names (or the whole
 * order when it names none), never more of a SKU than was ordered less
 * what earlier requests already put back.
 */
export function restockLines(orderItems: readonly Line[], named: readonly Line[] | undefined, alreadyRestocked: readonly Line[]): Line[] {
  const ordered = new Map<string, number>()
  for (const i of orderItems) ordered.set(i.skuId, (ordered.get(i.skuId) ?? 0) + i.qty)
  for (const r of alreadyRestocked) ordered.set(r.skuId, (ordered.get(r.skuId) ?? 0) - r.qty)
  const out: Line[] = []
  for (const line of named ?? orderItems) {
    const left = ordered.get(line.skuId) ?? 0
    const qty = Math.min(line.qty, left)
    if (qty <= 0) continue
    ordered.set(line.skuId, left - qty)
    const same = out.find((o) => o.skuId === line.skuId)
    if (same) same.qty += qty
    else out.push({ skuId: line.skuId, qty })
  }
  return out
}
