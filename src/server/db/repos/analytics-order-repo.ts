/**
 * The reports' reads over orders: what was bought through a page or a
 * share, and paid orders by time. An order counts in the window its
 * created_at falls in; "paid" is the statuses the caller passes (core's
 * isPaidStatus: paid, shipped, completed).
 */
import { sql } from 'kysely'
import type { Executor } from '../database'
import { firstShareOf, type Window } from './analytics-repo'

const n = (v: unknown): number => Number(v ?? 0)

export interface OrderTotals {
  key: string
  orders: number
  paidOrders: number
  paidFen: number
  /** Refunds that succeeded on those paid orders (orders.refunded_fen, kept by the refund settlement). */
  refundedFen: number
  /** Coupon discounts given on those paid orders (paidFen is what was charged, after them). */
  discountFen: number
}

/** Orders created in the window grouped by an attribution column (the page, or the share). */
export async function orderTotalsBy(
  db: Executor,
  w: Window,
  by: 'attr_content_slug' | 'attr_share_id',
  paidStatuses: readonly string[]
): Promise<OrderTotals[]> {
  const paid = sql`status IN (${sql.join(paidStatuses.map((s) => sql`${s}`))})`
  const { rows } = await sql<{ grp: string; orders: unknown; paidOrders: unknown; paidFen: unknown; refundedFen: unknown; discountFen: unknown }>`
    SELECT ${sql.ref(by)} AS grp, COUNT(*) AS orders,
      SUM(CASE WHEN ${paid} THEN 1 ELSE 0 END) AS paid_orders,
      SUM(CASE WHEN ${paid} THEN payable_fen ELSE 0 END) AS paid_fen,
      SUM(CASE WHEN ${paid} THEN refunded_fen ELSE 0 END) AS refunded_fen,
      SUM(CASE WHEN ${paid} THEN discount_fen ELSE 0 END) AS discount_fen
    FROM orders
    WHERE created_at >= ${w.fromIso} AND created_at < ${w.toIso} AND ${sql.ref(by)} IS NOT NULL
    GROUP BY ${sql.ref(by)}`.execute(db)
  return rows.map((r) => ({
    key: r.grp,
    orders: n(r.orders),
    paidOrders: n(r.paidOrders),
    paidFen: n(r.paidFen),
    refundedFen: n(r.refundedFen),
    discountFen: n(r.discountFen)
  }))
}

/** Paid orders created in the window attributed to a share, per sharer (the share's shopper as of now). */
export async function paidOrdersBySharer(
  db: Executor,
  w: Window,
  paidStatuses: readonly string[]
): Promise<Array<{ sharer: string; paidOrders: number; paidFen: number; refundedFen: number; discountFen: number }>> {
  const { rows } = await sql<{ sharer: string; paid_orders: unknown; paid_fen: unknown; refunded_fen: unknown; discount_fen: unknown }>`
    SELECT s.sharer AS sharer, COUNT(*) AS paid_orders, SUM(o.payable_fen) AS paid_fen, SUM(o.refunded_fen) AS refunded_fen, SUM(o.discount_fen) AS discount_fen
    FROM orders o ${firstShareOf('o.attr_share_id')}
    WHERE o.created_at >= ${w.fromIso} AND o.created_at < ${w.toIso}
      AND o.status IN (${sql.join(paidStatuses.map((st) => sql`${st}`))})
    GROUP BY s.sharer`.execute(db.withoutPlugins())
  return rows.map((r) => ({ sharer: r.sharer, paidOrders: n(r.paid_orders), paidFen: n(r.paid_fen), refundedFen: n(r.refunded_fen), discountFen: n(r.discount_fen) }))
}

/** Paid orders whose payment time falls in the window: when, and how much. */
export async function paidOrderTimes(
  db: Executor,
  w: Window,
  paidStatuses: readonly string[]
): Promise<Array<{ paidAt: string; totalFen: number }>> {
  const rows = await db
    .selectFrom('orders')
    .select(['paidAt', 'totalFen'])
    .where('paidAt', '>=', w.fromIso)
    .where('paidAt', '<', w.toIso)
    .where('status', 'in', [...paidStatuses])
    .execute()
  return rows.flatMap((r) => (r.paidAt ? [{ paidAt: r.paidAt, totalFen: n(r.totalFen) }] : []))
}

/**
 * Sharer rewards granted (and not voided since) on orders created in the
 * window, grouped by the ledger's page or sharer.
 */
export async function rewardsBy(db: Executor, w: Window, by: 'content_slug' | 'sharer_user_id'): Promise<Array<{ key: string; rewards: number }>> {
  const { rows } = await sql<{ grp: string; rewards: unknown }>`
    SELECT l.${sql.raw(by)} AS grp, COUNT(*) AS rewards
    FROM reward_ledger l JOIN orders o ON o.id = l.order_id
    WHERE l.kind = 'grant' AND o.created_at >= ${w.fromIso} AND o.created_at < ${w.toIso} AND l.${sql.raw(by)} IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM reward_ledger v WHERE v.order_id = l.order_id AND v.kind = 'void')
    GROUP BY l.${sql.raw(by)}`.execute(db.withoutPlugins())
  return rows.map((r) => ({ key: r.grp, rewards: n(r.rewards) }))
}
