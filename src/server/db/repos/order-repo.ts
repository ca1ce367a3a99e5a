/**
 * Orders. Every status change is a conditional UPDATE on the status it
 * leaves (never read-then-write), so racing notifications, the close job,
 * a cancel and reconciliation each win at most once; the caller reads the
 * boolean to know whether it was the one.
 */
import { PostgresAdapter, sql, type QueryResult, type Selectable } from 'kysely'
import { compiledQueries } from '../compiled-queries'
import type { Executor } from '../database'
import type { CommerceTables } from '../schema'

export type OrderRow = Selectable<CommerceTables['orders']>

const PENDING = 'pending_payment'

/** The checkout's queries (create, pay, notify), compiled once per dialect (compiled-queries.ts). */
const runCompiled = compiledQueries('order')

const affected = (r: QueryResult<unknown>) => Number(r.numAffectedRows ?? 0)

/** Every column of orders, in one fixed order, so the compiled INSERT binds each value to its column. */
const ORDER_COLUMNS = [
  'id', 'userId', 'outTradeNo', 'status', 'totalFen', 'discountFen', 'payableFen', 'couponId', 'couponTitle', 'refundedFen',
  'refundingFen', 'statusBeforeRefund', 'items', 'address', 'attrShareId', 'attrSharerUserId', 'attrContentSlug', 'attrDepth',
  'attrScene', 'attrChannel', 'attrCampaignCode', 'createdAt', 'expiresAt', 'paidAt', 'closedAt', 'idempotencyKey', 'requestHash',
  'updatedAt', 'transactionId', 'prepayId', 'payRequestedAt', 'payCheckedAt', 'shippedAt', 'completedAt', 'shippingReminderAt',
  'receivedAt', 'completeCheckedAt', 'logisticsType'
] as const satisfies ReadonlyArray<keyof OrderRow>
// A column added to orders and not listed above is a type error here, not a silently missing value.
const everyColumnListed: [Exclude<keyof OrderRow, (typeof ORDER_COLUMNS)[number]>] extends [never] ? true : never = true
void everyColumnListed

export async function insertOrder(db: Executor, row: OrderRow): Promise<void> {
  const params = ORDER_COLUMNS.map((c) => row[c])
  await runCompiled(db, 'insertOrder', params, () => db.insertInto('orders').values(Object.fromEntries(ORDER_COLUMNS.map((c) => [c, row[c]])) as OrderRow))
}

export function findOrder(db: Executor, id: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findOrderByOutTradeNo(db: Executor, outTradeNo: string): Promise<OrderRow | undefined> {
  const r = await runCompiled(db, 'findOrderByOutTradeNo', [outTradeNo], () => db.selectFrom('orders').selectAll().where('outTradeNo', '=', outTradeNo))
  return r.rows[0]
}

/** The order with its buyer's openid (null when the shopper is gone), in one read: what paying it needs. */
export async function findOrderForPay(db: Executor, id: string): Promise<(OrderRow & { buyerOpenid: string | null }) | undefined> {
  const r = await runCompiled(db, 'findOrderForPay', [id], () =>
    db
      .selectFrom('orders')
      .leftJoin('users', 'users.id', 'orders.userId')
      .selectAll('orders')
      .select('users.openid as buyerOpenid')
      .where('orders.id', '=', id)
  )
  return r.rows[0]
}

export interface CheckoutLookup {
  /** The order this Idempotency-Key already made, if any. */
  earlier: OrderRow | undefined
  /** The shopper's orders waiting for payment and not yet expired at `nowIso`. */
  unpaid: number
}

/**
 * What placing an order checks first, in one read of the shopper's orders
 * (by user_id, as the unpaid count read them before): the order an
 * Idempotency-Key already made, and how many of theirs wait for payment.
 */
export async function findCheckoutLookup(db: Executor, userId: string, key: string, nowIso: string): Promise<CheckoutLookup> {
  const r = await runCompiled(db, 'findCheckoutLookup', [userId, key, PENDING, nowIso], () =>
    db
      .selectFrom('orders')
      .selectAll()
      .where('userId', '=', userId)
      .where((eb) => eb.or([eb('idempotencyKey', '=', key), eb.and([eb('status', '=', PENDING), eb('expiresAt', '>', nowIso)])]))
  )
  return {
    earlier: r.rows.find((o) => o.idempotencyKey === key),
    unpaid: r.rows.filter((o) => o.status === PENDING && o.expiresAt > nowIso).length
  }
}

export function findOrderByIdempotencyKey(db: Executor, userId: string, key: string): Promise<OrderRow | undefined> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('userId', '=', userId)
    .where('idempotencyKey', '=', key)
    .executeTakeFirst()
}

export interface OrderFilter {
  userId?: string
  status?: string
  /** createdAt >= from, createdAt < to (ISO). */
  from?: string
  to?: string
  limit: number
  /** (createdAt, id) of the previous page's last row. */
  after?: { at: string; id: string }
  /** Oldest first (the 待发货 queue) instead of newest first. */
  oldestFirst?: boolean
}

/** Newest first, or oldest first with `oldestFirst`. */
export function listOrderRows(db: Executor, f: OrderFilter): Promise<OrderRow[]> {
  let q = db.selectFrom('orders').selectAll()
  if (f.userId) q = q.where('userId', '=', f.userId)
  if (f.status) q = q.where('status', '=', f.status)
  if (f.from) q = q.where('createdAt', '>=', f.from)
  if (f.to) q = q.where('createdAt', '<', f.to)
  const after = f.after
  const past = f.oldestFirst ? '>' : '<'
  if (after) {
    q = q.where((eb) =>
      eb.or([eb('createdAt', past, after.at), eb.and([eb('createdAt', '=', after.at), eb('id', past, after.id)])])
    )
  }
  const dir = f.oldestFirst ? 'asc' : 'desc'
  return q.orderBy('createdAt', dir).orderBy('id', dir).limit(f.limit).execute()
}

export async function markPaid(
  db: Executor,
  id: string,
  v: { paidAt: string; transactionId: string | null; updatedAt: string }
): Promise<boolean> {
  const res = await runCompiled(db, 'markPaid', ['paid', v.paidAt, v.transactionId, v.updatedAt, id, PENDING], () =>
    db
      .updateTable('orders')
      .set({ status: 'paid', paidAt: v.paidAt, transactionId: v.transactionId, updatedAt: v.updatedAt })
      .where('id', '=', id)
      .where('status', '=', PENDING)
  )
  return affected(res) === 1
}

export async function markClosed(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({ status: 'closed', closedAt: at, updatedAt: at })
    .where('id', '=', id)
    .where('status', '=', PENDING)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Before asking WeChat for a prepay_id: from now on closing this order must close it at WeChat too. */
export async function markPayRequested(db: Executor, id: string, at: string): Promise<boolean> {
  const res = await runCompiled(db, 'markPayRequested', [at, at, id, PENDING], () =>
    db
      .updateTable('orders')
      .set((eb) => ({ payRequestedAt: eb.fn.coalesce('payRequestedAt', eb.val(at)), updatedAt: at }))
      .where('id', '=', id)
      .where('status', '=', PENDING)
  )
  return affected(res) === 1
}

export async function savePrepayId(db: Executor, id: string, prepayId: string): Promise<void> {
  await db.updateTable('orders').set({ prepayId }).where('id', '=', id).execute()
}

/** Saves the prepay id and answers the order's status as of that write (one statement instead of a write and a read). */
export async function savePrepayIdReadingStatus(db: Executor, id: string, prepayId: string): Promise<string | undefined> {
  const r = await runCompiled(db, 'savePrepayIdReadingStatus', [prepayId, id], () =>
    db.updateTable('orders').set({ prepayId }).where('id', '=', id).returning('status')
  )
  return r.rows[0]?.status
}

export async function markPayChecked(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('orders').set({ payCheckedAt: at }).where('id', '=', id).execute()
}

/**
 * Takes the right to ask WeChat Pay about a pending order now: true (and the
 * check time stored) only when the last check is older than `dueBeforeIso`;
 * one conditional UPDATE, so of many racing readers one wins.
 */
export async function claimPayCheck(db: Executor, id: string, atIso: string, dueBeforeIso: string): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({ payCheckedAt: atIso })
    .where('id', '=', id)
    .where('status', '=', PENDING)
    .where((eb) => eb.or([eb('payCheckedAt', 'is', null), eb('payCheckedAt', '<=', dueBeforeIso)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) > 0
}

/**
 * Serialises order creation per shopper until the transaction ends
 * (PostgreSQL; SQLite has one writer at a time anyway), so "at most N
 * unpaid orders" cannot be raced past by parallel checkouts.
 */
export async function lockShopperOrders(db: Executor, userId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`SELECT pg_advisory_xact_lock(hashtext(${'orders:' + userId}))`.execute(db)
}

/** The shopper's orders still waiting for payment (not yet expired). */
export async function countUnpaidOrders(db: Executor, userId: string, nowIso: string): Promise<number> {
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('userId', '=', userId)
    .where('status', '=', PENDING)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** Unpaid orders past their expiry, oldest first. */
export function listOverdueOrders(db: Executor, nowIso: string, limit: number): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', PENDING)
    .where('expiresAt', '<=', nowIso)
    .orderBy('expiresAt')
    .limit(limit)
    .execute()
}

/** Unpaid orders that went to WeChat at least `createdBefore` ago and were not asked about since `checkedBefore`. */
export function listOrdersToReconcile(
  db: Executor,
  q: { createdBefore: string; checkedBefore: string; limit: number }
): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', PENDING)
    .where('payRequestedAt', 'is not', null)
    .where('createdAt', '<=', q.createdBefore)
    .where((eb) => eb.or([eb('payCheckedAt', 'is', null), eb('payCheckedAt', '<=', q.checkedBefore)]))
    .orderBy('createdAt')
    .limit(q.limit)
    .execute()
}

export interface RefundState {
  status: string
  refundedFen: number
  refundingFen: number | null
  statusBeforeRefund: string | null
}

/** Moves the refund fields from `from` to `to`; false when another writer changed them first. */
export async function updateRefundState(
  db: Executor,
  id: string,
  from: { status: string; refundedFen: number },
  to: RefundState,
  at: string
): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set({ ...to, updatedAt: at })
    .where('id', '=', id)
    .where('status', '=', from.status)
    .where('refundedFen', '=', from.refundedFen)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function findBuyerOpenid(db: Executor, userId: string): Promise<string | undefined> {
  const r = await runCompiled(db, 'findBuyerOpenid', [userId], () => db.selectFrom('users').select('openid').where('id', '=', userId))
  return r.rows[0]?.openid
}

export interface ShipUpdate {
  status: string
  shippedAt: string | null
  logisticsType: string
  updatedAt: string
}

/** A shipment was recorded: only while the order is still paid (waiting for the rest). */
export async function markShipping(db: Executor, id: string, v: ShipUpdate): Promise<boolean> {
  const res = await db.updateTable('orders').set(v).where('id', '=', id).where('status', '=', 'paid').executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** shipped → completed, once. */
export async function markCompleted(db: Executor, id: string, v: { completedAt: string; receivedAt: string | null }): Promise<boolean> {
  const res = await db
    .updateTable('orders')
    .set((eb) => ({ status: 'completed', completedAt: v.completedAt, receivedAt: eb.fn.coalesce('receivedAt', eb.val(v.receivedAt)), updatedAt: v.completedAt }))
    .where('id', '=', id)
    .where('status', '=', 'shipped')
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function setOrderFields(
  db: Executor,
  id: string,
  v: Partial<Pick<OrderRow, 'shippingReminderAt' | 'receivedAt' | 'completeCheckedAt'>>
): Promise<void> {
  await db.updateTable('orders').set(v).where('id', '=', id).execute()
}

export function findOrderByTransactionId(db: Executor, transactionId: string): Promise<OrderRow | undefined> {
  return db.selectFrom('orders').selectAll().where('transactionId', '=', transactionId).executeTakeFirst()
}

/** Shipped orders whose auto-complete time has come (shipped before `shippedBefore`) and not checked since `checkedBefore`. */
export function listOrdersToAutoComplete(db: Executor, q: { shippedBefore: string; checkedBefore: string; limit: number }): Promise<OrderRow[]> {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('status', '=', 'shipped')
    .where('shippedAt', '<=', q.shippedBefore)
    .where((eb) => eb.or([eb('completeCheckedAt', 'is', null), eb('completeCheckedAt', '<=', q.checkedBefore)]))
    .orderBy('shippedAt')
    .limit(q.limit)
    .execute()
}
