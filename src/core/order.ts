// The order state machine (docs/architecture.md "Order statuses") as a pure function: the server loads
// the order, asks transition() for the next state, and writes it with a
// conditional update on the old status (so two racing notifications cannot
// both apply). Statuses and their flow:
//
//   pending_payment --pay--> paid --ship--> shipped --complete--> completed
//   paid --ship{allDelivered:false}--> paid   (split delivery: some parcels are still to come)
//   pending_payment --close--> closed
//   paid | shipped | completed --request_refund{amountFen}--> refunding
//   refunding --refund_succeeded--> refunded            (refunds reach totalFen)
//   refunding --refund_succeeded--> the status before   (a partial refund)
//   refunding --refund_failed-->    the status before   (nothing refunded)
//
// One refund runs at a time; a partially refunded order can be refunded again
// until refundedFen reaches totalFen. refunding remembers the status it came
// from (statusBeforeRefund) so a partial refund of a shipped order stays shipped.
import { err, ok, type Result } from './result'

export const ORDER_STATUSES = ['pending_payment', 'paid', 'shipped', 'completed', 'closed', 'refunding', 'refunded'] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

export const ORDER_ACTIONS = ['pay', 'close', 'ship', 'complete', 'request_refund', 'refund_succeeded', 'refund_failed'] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]

/** Statuses reports count as paid, and from which a refund may start. */
export type PaidStatus = 'paid' | 'shipped' | 'completed'

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: '待付款',
  paid: '待发货',
  shipped: '已发货',
  completed: '已完成',
  closed: '已关闭',
  refunding: '退款中',
  refunded: '已退款'
}

export type OrderState = {
  status: OrderStatus
  totalFen: number
  refundedFen: number
  /** While refunding: the amount of the refund under way. */
  refundingFen?: number
  /** While refunding: where a partial or failed refund returns to (paid when absent). */
  statusBeforeRefund?: PaidStatus
}

/**
 * pay: amountFen, when given, is what WeChat Pay reports and must equal totalFen.
 * ship: allDelivered false = a parcel of a split delivery with more to come
 * (the order stays paid); absent or true = everything is on its way.
 * request_refund: amountFen is required. refund_succeeded: amountFen, when
 * given, must equal the refund under way (and stands in for it if the state
 * did not keep refundingFen).
 */
export type TransitionPayload = { amountFen?: number; allDelivered?: boolean }

export type TransitionCode =
  | 'INVALID_TRANSITION'
  | 'ALREADY_PAID'
  | 'ALREADY_CLOSED'
  | 'REFUND_IN_PROGRESS'
  | 'REFUND_EXCEEDS_PAID'
  | 'INVALID_AMOUNT'
  | 'AMOUNT_MISMATCH'

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === 'string' && (ORDER_STATUSES as readonly string[]).includes(value)
}

export function isPaidStatus(status: OrderStatus): status is PaidStatus {
  return status === 'paid' || status === 'shipped' || status === 'completed'
}

/** Closed and refunded orders never move again. */
export function isFinalStatus(status: OrderStatus): boolean {
  return status === 'closed' || status === 'refunded'
}

function refused(state: OrderState, action: OrderAction): Result<never, TransitionCode> {
  const details = { from: state.status, action }
  if (action === 'pay' && state.status !== 'closed') {
    return err('ALREADY_PAID', 'the order is already paid', details)
  }
  if (action === 'close' && state.status === 'closed') return err('ALREADY_CLOSED', 'the order is already closed', details)
  if (action === 'request_refund' && state.status === 'refunding') {
    return err('REFUND_IN_PROGRESS', 'a refund of this order is under way; wait for its result', details)
  }
  return err('INVALID_TRANSITION', `cannot ${action} an order that is ${state.status}`, details)
}

function isPositiveFen(n: unknown): n is number {
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0
}

function settled(state: OrderState, status: OrderStatus, refundedFen = state.refundedFen): OrderState {
  return { status, totalFen: state.totalFen, refundedFen }
}

export function transition(
  state: OrderState,
  action: OrderAction,
  payload: TransitionPayload = {}
): Result<OrderState, TransitionCode> {
  const { status, totalFen, refundedFen } = state
  if (!Number.isSafeInteger(totalFen) || !Number.isSafeInteger(refundedFen) || refundedFen < 0 || refundedFen > totalFen) {
    throw new RangeError(`corrupt order amounts: totalFen ${totalFen}, refundedFen ${refundedFen}`)
  }
  const back: PaidStatus = state.statusBeforeRefund ?? 'paid'
  switch (action) {
    case 'pay':
      if (status !== 'pending_payment') return refused(state, action)
      if (payload.amountFen !== undefined && payload.amountFen !== totalFen) {
        return err('AMOUNT_MISMATCH', `paid ${payload.amountFen} fen but the order is ${totalFen} fen`, { expectedFen: totalFen, actualFen: payload.amountFen })
      }
      return ok(settled(state, 'paid'))
    case 'close':
      return status === 'pending_payment' ? ok(settled(state, 'closed')) : refused(state, action)
    case 'ship':
      if (status !== 'paid') return refused(state, action)
      return ok(settled(state, payload.allDelivered === false ? 'paid' : 'shipped'))
    case 'complete':
      return status === 'shipped' ? ok(settled(state, 'completed')) : refused(state, action)
    case 'request_refund': {
      if (!isPaidStatus(status)) return refused(state, action)
      const amountFen = payload.amountFen
      if (!isPositiveFen(amountFen)) return err('INVALID_AMOUNT', 'a refund needs a positive whole number of fen', { amountFen })
      if (refundedFen + amountFen > totalFen) {
        return err('REFUND_EXCEEDS_PAID', `at most ${totalFen - refundedFen} fen can still be refunded`, { refundableFen: totalFen - refundedFen, amountFen })
      }
      return ok({ status: 'refunding', totalFen, refundedFen, refundingFen: amountFen, statusBeforeRefund: status })
    }
    case 'refund_succeeded': {
      if (status !== 'refunding') return refused(state, action)
      const amountFen = state.refundingFen ?? payload.amountFen
      if (!isPositiveFen(amountFen)) return err('INVALID_AMOUNT', 'the refund amount is unknown; pass amountFen', { amountFen })
      if (payload.amountFen !== undefined && payload.amountFen !== amountFen) {
        return err('AMOUNT_MISMATCH', `refunded ${payload.amountFen} fen but ${amountFen} fen was requested`, { expectedFen: amountFen, actualFen: payload.amountFen })
      }
      const total = refundedFen + amountFen
      if (total > totalFen) return err('REFUND_EXCEEDS_PAID', 'the refunds would exceed what was paid', { refundableFen: totalFen - refundedFen, amountFen })
      return ok(settled(state, total === totalFen ? 'refunded' : back, total))
    }
    case 'refund_failed':
      return status === 'refunding' ? ok(settled(state, back)) : refused(state, action)
  }
}

/** The actions that could apply to a status (payload rules aside): for buttons in the admin. */
export function allowedActions(status: OrderStatus): OrderAction[] {
  const probe: OrderState = { status, totalFen: 2, refundedFen: 0, refundingFen: 1 }
  return ORDER_ACTIONS.filter((action) => transition(probe, action, action === 'pay' ? {} : { amountFen: 1 }).ok)
}

/** Why an order cannot be shipped now, or null when it can (only paid orders ship). */
export function shipRefusal(status: OrderStatus): 'ORDER_NOT_PAID' | 'ORDER_NOT_SHIPPABLE' | null {
  if (status === 'paid') return null
  return status === 'pending_payment' ? 'ORDER_NOT_PAID' : 'ORDER_NOT_SHIPPABLE'
}

export { makeOutTradeNo, validateOutTradeNo, OUT_TRADE_NO_PATTERN } from './out-trade-no'
export { orderExpiresAt, isOrderExpired, shipByOf, autoCompleteAtOf, SHIP_WITHIN_HOURS } from './order-time'
