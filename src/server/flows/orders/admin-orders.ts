/**
 * Staff views of orders: the filtered list (status, created from/to,
 * newest first, paged) and one order with its payment bookkeeping, refunds,
 * full attribution and open payment flags.
 */
import type { FlagDto, OrderDto, OrderStatus, RefundDto } from '@core/api-types'
import { err, ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listFlags, type FlagRow } from '../../db/repos/flag-repo'
import { findOrder, listOrderRows } from '../../db/repos/order-repo'
import { refundsOfOrder, type RefundRow } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { toOrderDto } from './order-view'

export type AdminOrderSummary = OrderDto & { userId: string }

export type AdminOrderDto = Omit<AdminOrderSummary, 'refunds'> & {
  payment: { outTradeNo: string; transactionId: string | null; prepayId: string | null; payRequestedAt: string | null; paidAt: string | null }
  refunds: RefundDto[]
  flags: FlagDto[]
}

export function toRefundDto(r: RefundRow): RefundDto {
  return {
    id: r.id,
    outRefundNo: r.outRefundNo,
    amountFen: r.amountFen,
    reason: r.reason,
    status: r.status,
    wechatRefundId: r.wechatRefundId,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    settledAt: r.settledAt
  }
}

export function toFlagDto(f: FlagRow): FlagDto {
  return {
    id: f.id,
    kind: f.kind,
    message: f.message,
    orderId: f.orderId,
    outTradeNo: f.outTradeNo,
    outRefundNo: f.outRefundNo,
    details: JSON.parse(f.details) as Record<string, unknown>,
    createdAt: f.createdAt,
    resolvedAt: f.resolvedAt
  }
}

export async function listOrdersForStaff(
  deps: Deps,
  q: { status?: OrderStatus; from?: string; to?: string; cursor?: string; limit: number }
): Promise<Result<{ items: AdminOrderSummary[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listOrderRows(deps.db, {
    status: q.status,
    from: q.from,
    to: q.to,
    limit: q.limit + 1,
    after: after.value
  })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }))
  return ok({ items: items.map((r) => ({ ...toOrderDto(r), userId: r.userId })), nextCursor })
}

export async function getOrderForStaff(deps: Deps, id: string): Promise<Result<AdminOrderDto>> {
  const row = await findOrder(deps.db, id)
  if (!row) return err('ORDER_NOT_FOUND', `No order ${id}`)
  const [refunds, flags] = await Promise.all([refundsOfOrder(deps.db, id), listFlags(deps.db, { orderId: id, limit: 50 })])
  return ok({
    ...toOrderDto(row),
    userId: row.userId,
    payment: {
      outTradeNo: row.outTradeNo,
      transactionId: row.transactionId,
      prepayId: row.prepayId,
      payRequestedAt: row.payRequestedAt,
      paidAt: row.paidAt
    },
    refunds: refunds.map(toRefundDto),
    flags: flags.map(toFlagDto)
  })
}

export async function listFlagsForStaff(
  deps: Deps,
  q: { cursor?: string; limit: number }
): Promise<Result<{ items: FlagDto[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listFlags(deps.db, { limit: q.limit + 1, after: after.value })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }))
  return ok({ items: items.map(toFlagDto), nextCursor })
}
