/** Reward rules and the reward ledger (one grant and at most one void per order). */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { CouponTables } from '../schema'

export type RewardRuleRow = Selectable<CouponTables['rewardRules']>
export type RewardLedgerRow = Selectable<CouponTables['rewardLedger']>

const n = (v: unknown): number => Number(v ?? 0)

export async function insertRewardRule(db: Executor, row: RewardRuleRow): Promise<void> {
  await db.insertInto('rewardRules').values(row).execute()
}

export async function listRewardRules(db: Executor): Promise<Array<RewardRuleRow & { couponTitle: string }>> {
  const rows = await db
    .selectFrom('rewardRules as r')
    .innerJoin('coupons as c', 'c.id', 'r.couponId')
    .selectAll('r')
    .select('c.title as couponTitle')
    .orderBy('r.createdAt', 'desc')
    .orderBy('r.id', 'desc')
    .execute()
  return rows.map((r) => ({ ...r, minPaidFen: n(r.minPaidFen), active: n(r.active) }))
}

/** The active rule for a page: the page's own first, else one for every page (the newest of each). */
export async function ruleForPage(db: Executor, contentSlug: string | null): Promise<RewardRuleRow | undefined> {
  const rows = await db
    .selectFrom('rewardRules')
    .selectAll()
    .where('active', '=', 1)
    .where((eb) => (contentSlug ? eb.or([eb('contentSlug', '=', contentSlug), eb('contentSlug', 'is', null)]) : eb('contentSlug', 'is', null)))
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .execute()
  const own = rows.find((r) => r.contentSlug !== null) ?? rows[0]
  return own ? { ...own, minPaidFen: n(own.minPaidFen), active: n(own.active) } : undefined
}

export async function insertLedger(db: Executor, row: RewardLedgerRow): Promise<void> {
  await db.insertInto('rewardLedger').values(row).execute()
}

export function ledgerOfOrder(db: Executor, orderId: string): Promise<RewardLedgerRow[]> {
  return db.selectFrom('rewardLedger').selectAll().where('orderId', '=', orderId).execute()
}

export function listLedger(db: Executor, limit: number): Promise<RewardLedgerRow[]> {
  return db.selectFrom('rewardLedger').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export function ledgerOfSharer(db: Executor, sharerUserId: string): Promise<RewardLedgerRow[]> {
  return db.selectFrom('rewardLedger').selectAll().where('sharerUserId', '=', sharerUserId).orderBy('at', 'desc').execute()
}

/** Takes back a reward coupon the sharer has not used nor put on an order; false when it is in use or gone. */
export async function voidUnusedUserCoupon(db: Executor, userCouponId: string, at: string): Promise<boolean> {
  const res = await db
    .updateTable('userCoupons')
    .set({ voidedAt: at })
    .where('id', '=', userCouponId)
    .where('orderId', 'is', null)
    .where('usedAt', 'is', null)
    .where('voidedAt', 'is', null)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Did this shopper (a logged-in user: events keyed by their id) open this share? */
export async function userOpenedShare(db: Executor, userId: string, shareId: string): Promise<boolean> {
  const row = await db
    .selectFrom('events')
    .select('id')
    .where('type', '=', 'share_open')
    .where('shareId', '=', shareId)
    .where('shopper', '=', userId)
    .limit(1)
    .executeTakeFirst()
  return row !== undefined
}

export async function isUser(db: Executor, id: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
}
