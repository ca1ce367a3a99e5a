// The after-sales request's state machine as a pure function: the server
// loads the request, asks afterSaleTransition() for the next status, and
// writes it with a conditional update on the old one (so a staff click and
// the shopper's cancel racing each other cannot both apply).
//
//   refund kind (仅退款):   requested --approve--> approved --start_refund--> refunding --refund_succeeded--> refunded
//   return kind (退货退款): requested --approve--> awaiting_return --receive--> returned --start_refund--> refunding --> refunded
//   requested | awaiting_return --reject{reason}--> rejected
//   requested | approved | awaiting_return --cancel--> cancelled            (the shopper withdraws it)
//   awaiting_return --ship_return--> awaiting_return                          (the shopper's parcel back; may be corrected)
//   refunding --refund_failed--> approved (refund kind) | returned (return kind): staff may refund again
//
// Once the goods are back (returned) or money is moving (refunding) the
// shopper can no longer withdraw; rejected, cancelled and refunded are final.
import type { AfterSaleKind, AfterSaleStatus } from './contract/after-sales'
import { err, ok, type Result } from './result'

export type { AfterSaleKind, AfterSaleStatus }

export const AFTER_SALE_KINDS = ['refund', 'return'] as const satisfies readonly AfterSaleKind[]
export const AFTER_SALE_STATUSES = [
  'requested',
  'approved',
  'awaiting_return',
  'returned',
  'refunding',
  'refunded',
  'rejected',
  'cancelled'
] as const satisfies readonly AfterSaleStatus[]
export const AFTER_SALE_ACTIONS = ['approve', 'reject', 'cancel', 'ship_return', 'receive', 'start_refund', 'refund_succeeded', 'refund_failed'] as const
export type AfterSaleAction = (typeof AFTER_SALE_ACTIONS)[number]

/** While a request is in one of these, the order may not get another (AFTER_SALE_OPEN). */
export const OPEN_AFTER_SALE_STATUSES: readonly AfterSaleStatus[] = ['requested', 'approved', 'awaiting_return', 'returned', 'refunding']

export const AFTER_SALE_KIND_LABELS: Record<AfterSaleKind, string> = { refund: '仅退款', return: '退货退款' }
export const AFTER_SALE_STATUS_LABELS: Record<AfterSaleStatus, string> = {
  requested: '待审核',
  approved: '已同意',
  awaiting_return: '待寄回',
  returned: '已收到退货',
  refunding: '退款中',
  refunded: '已退款',
  rejected: '已拒绝',
  cancelled: '已撤销'
}

export type AfterSaleTransitionCode = 'INVALID_AFTER_SALE_TRANSITION' | 'AFTER_SALE_CLOSED'

export function isAfterSaleStatus(value: unknown): value is AfterSaleStatus {
  return typeof value === 'string' && (AFTER_SALE_STATUSES as readonly string[]).includes(value)
}

export function isAfterSaleKind(value: unknown): value is AfterSaleKind {
  return typeof value === 'string' && (AFTER_SALE_KINDS as readonly string[]).includes(value)
}

export function isOpenAfterSale(status: AfterSaleStatus): boolean {
  return OPEN_AFTER_SALE_STATUSES.includes(status)
}

export function isFinalAfterSale(status: AfterSaleStatus): boolean {
  return status === 'refunded' || status === 'rejected' || status === 'cancelled'
}

/** Where the refund starts from for this kind, and where a failed refund goes back to. */
export function refundStartStatus(kind: AfterSaleKind): AfterSaleStatus {
  return kind === 'refund' ? 'approved' : 'returned'
}

function next(kind: AfterSaleKind, status: AfterSaleStatus, action: AfterSaleAction): AfterSaleStatus | null {
  switch (action) {
    case 'approve':
      return status === 'requested' ? (kind === 'refund' ? 'approved' : 'awaiting_return') : null
    case 'reject':
      return status === 'requested' || status === 'awaiting_return' ? 'rejected' : null
    case 'cancel':
      return status === 'requested' || status === 'approved' || status === 'awaiting_return' ? 'cancelled' : null
    case 'ship_return':
      return status === 'awaiting_return' ? 'awaiting_return' : null
    case 'receive':
      return status === 'awaiting_return' ? 'returned' : null
    case 'start_refund':
      return status === refundStartStatus(kind) ? 'refunding' : null
    case 'refund_succeeded':
      return status === 'refunding' ? 'refunded' : null
    case 'refund_failed':
      return status === 'refunding' ? refundStartStatus(kind) : null
  }
}

export function afterSaleTransition(
  request: { kind: AfterSaleKind; status: AfterSaleStatus },
  action: AfterSaleAction
): Result<AfterSaleStatus, AfterSaleTransitionCode> {
  const to = next(request.kind, request.status, action)
  if (to !== null) return ok(to)
  const details = { from: request.status, kind: request.kind, action }
  if (isFinalAfterSale(request.status)) {
    return err('AFTER_SALE_CLOSED', `this after-sales request is already ${request.status}`, details)
  }
  return err('INVALID_AFTER_SALE_TRANSITION', `cannot ${action} a ${request.kind} request that is ${request.status}`, details)
}

/** The actions a request allows now: for the admin's and the app's buttons. */
export function allowedAfterSaleActions(request: { kind: AfterSaleKind; status: AfterSaleStatus }): AfterSaleAction[] {
  return AFTER_SALE_ACTIONS.filter((action) => next(request.kind, request.status, action) !== null)
}

/** The staff endpoints a request answers now (POST /api/admin/after-sales/:id/…). */
export type StaffAfterSaleAction = 'approve' | 'reject' | 'received'

/**
 * The admin's buttons: approve or reject a new request; mark a return
 * received (or reject it) while waiting for the parcel. After a failed
 * refund the request is back at approved (refund kind) or returned (return
 * kind), and approve / received again sends a new refund.
 */
export function staffAfterSaleActions(request: { kind: AfterSaleKind; status: AfterSaleStatus }): StaffAfterSaleAction[] {
  const can = (action: AfterSaleAction) => next(request.kind, request.status, action) !== null
  const out: StaffAfterSaleAction[] = []
  if (can('approve') || (request.status === 'approved' && can('start_refund'))) out.push('approve')
  if (can('receive') || (request.status === 'returned' && can('start_refund'))) out.push('received')
  if (can('reject')) out.push('reject')
  return out
}
