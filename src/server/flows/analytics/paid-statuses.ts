/**
 * The order statuses reports count as paid: every order that was paid,
 * whatever happened after (core's paid statuses: paid, shipped, completed,
 * plus refunding and refunded). paidFen stays the gross amount paid and
 * refundedFen, beside it, what succeeded in coming back, so a refund moves
 * money from neither column out of the report.
 */
import { isPaidStatus, ORDER_STATUSES } from '@core/order'

export const PAID_STATUSES: readonly string[] = ORDER_STATUSES.filter((s) => isPaidStatus(s) || s === 'refunding' || s === 'refunded')
