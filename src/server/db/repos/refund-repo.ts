/** Refunds of an order. out_refund_no is WeChat's idempotency key: one row per refund we asked for. */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { CommerceTables } from '../schema'

export type RefundRow = Selectable<CommerceTables['refunds']>
/** processing (asked, no outcome yet), success, closed (failed), abnormal (stuck: staff act), failed (WeChat refused the request). */
export type RefundRowStatus = 'processing' | 'success' | 'closed' | 'abnormal' | 'failed'

export async function insertRefund(db: Executor, row: RefundRow): Promise<void> {
  await db.insertInto('refunds').values(row).execute()
}

export function findRefundByOutRefundNo(db: Executor, outRefundNo: string): Promise<RefundRow | undefined> {
  return db.selectFrom('refunds').selectAll().where('outRefundNo', '=', outRefundNo).executeTakeFirst()
}

export function refundsOfOrder(db: Executor, orderId: string): Promise<RefundRow[]> {
  return db.selectFrom('refunds').selectAll().where('orderId', '=', orderId).orderBy('createdAt').orderBy('id').execute()
}

/** Moves a refund out of one of `from`; false when another writer got there first. */
export async function settleRefundRow(
  db: Executor,
  id: string,
  from: RefundRowStatus[],
  to: { status: RefundRowStatus; wechatRefundId?: string | null; settledAt?: string | null; at: string }
): Promise<boolean> {
  const res = await db
    .updateTable('refunds')
    .set({
      status: to.status,
      updatedAt: to.at,
      ...(to.wechatRefundId ? { wechatRefundId: to.wechatRefundId } : {}),
      ...(to.settledAt ? { settledAt: to.settledAt } : {})
    })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function markRefundChecked(db: Executor, id: string, at: string, wechatRefundId?: string): Promise<void> {
  await db
    .updateTable('refunds')
    .set({ checkedAt: at, ...(wechatRefundId ? { wechatRefundId } : {}) })
    .where('id', '=', id)
    .execute()
}

/** Refunds still waiting for WeChat's outcome, not checked since `checkedBefore`. */
export function listOpenRefunds(
  db: Executor,
  q: { createdBefore: string; checkedBefore: string; limit: number }
): Promise<RefundRow[]> {
  return db
    .selectFrom('refunds')
    .selectAll()
    .where('status', '=', 'processing')
    .where('createdAt', '<=', q.createdBefore)
    .where((eb) => eb.or([eb('checkedAt', 'is', null), eb('checkedAt', '<=', q.checkedBefore)]))
    .orderBy('createdAt')
    .limit(q.limit)
    .execute()
}

/** Refunds of these orders, oldest first. */
export function refundsOfOrders(db: Executor, orderIds: readonly string[]): Promise<RefundRow[]> {
  if (orderIds.length === 0) return Promise.resolve([])
  return db.selectFrom('refunds').selectAll().where('orderId', 'in', [...orderIds]).orderBy('createdAt').orderBy('id').execute()
}
