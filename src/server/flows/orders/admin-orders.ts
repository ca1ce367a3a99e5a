/**
 * Staff views of orders: the filtered list (status, created from/to,
 * newest first or oldest first for the 待发货 queue, paged) and one order
 * with its payment bookkeeping, refunds, full attribution, open payment
 * flags, parcels and what the backend owes WeChat about it (wechatTasks,
 * with the problem in Chinese when WeChat refused).
 */
import type { AdminOrderDto, AdminOrderSummary, FlagDto, OrderStatus, RefundDto, WechatTaskDto } from '@core/contract/admin-orders'
import { err, ok, type Result } from '@core/result'
import { decodeCursor, page } from '../../cursor'
import { listFlags, type FlagRow } from '../../db/repos/flag-repo'
import { findOrder, listOrderRows, type OrderRow } from '../../db/repos/order-repo'
import { refundsOfOrder, type RefundRow } from '../../db/repos/refund-repo'
import { tasksOfOrder, type WechatTaskRow } from '../../db/repos/wechat-task-repo'
import type { Deps } from '../../deps'
import { loadOrderDto, loadOrderDtos } from './order-view'

export function toWechatTaskDto(t: WechatTaskRow): WechatTaskDto {
  return {
    id: t.id,
    kind: t.kind as WechatTaskDto['kind'],
    status: t.status as WechatTaskDto['status'],
    attempts: Number(t.attempts),
    nextAttemptAt: t.nextAttemptAt,
    lastErrcode: t.lastErrcode === null ? null : Number(t.lastErrcode),
    ...(t.problemMessage ? { problem: { message: t.problemMessage, action: t.problemAction ?? '' } } : {}),
    updatedAt: t.updatedAt
  }
}

function staffExtras(row: OrderRow): { userId: string; shippingReminderAt?: string } {
  return { userId: row.userId, ...(row.shippingReminderAt ? { shippingReminderAt: row.shippingReminderAt } : {}) }
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
  q: { status?: OrderStatus; from?: string; to?: string; cursor?: string; limit: number; sort?: 'newest' | 'oldest' }
): Promise<Result<{ items: AdminOrderSummary[]; nextCursor: string | null }>> {
  const after = decodeCursor(q.cursor)
  if (!after.ok) return after
  const rows = await listOrderRows(deps.db, {
    status: q.status,
    from: q.from,
    to: q.to,
    limit: q.limit + 1,
    after: after.value,
    oldestFirst: q.sort === 'oldest'
  })
  const { items, nextCursor } = page(rows, q.limit, (r) => ({ at: r.createdAt, id: r.id }))
  const dtos = await loadOrderDtos(deps.db, items, deps.config.orderAutoCompleteDays)
  return ok({ items: dtos.map((dto, i) => ({ ...dto, ...staffExtras(items[i]!) })), nextCursor })
}

export async function getOrderForStaff(deps: Deps, id: string): Promise<Result<AdminOrderDto>> {
  const row = await findOrder(deps.db, id)
  if (!row) return err('ORDER_NOT_FOUND', `No order ${id}`)
  const [refunds, flags, tasks, dto] = await Promise.all([
    refundsOfOrder(deps.db, id),
    listFlags(deps.db, { orderId: id, limit: 50 }),
    tasksOfOrder(deps.db, id),
    loadOrderDto(deps.db, row, deps.config.orderAutoCompleteDays)
  ])
  return ok({
    ...dto,
    ...staffExtras(row),
    payment: {
      outTradeNo: row.outTradeNo,
      transactionId: row.transactionId,
      prepayId: row.prepayId,
      payRequestedAt: row.payRequestedAt,
      paidAt: row.paidAt
    },
    refunds: refunds.map(toRefundDto),
    flags: flags.map(toFlagDto),
    wechatTasks: tasks.map(toWechatTaskDto)
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
