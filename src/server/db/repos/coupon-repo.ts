/**
 * Coupons and a shopper's coupons. Claims and locks are conditional
 * UPDATEs: `claimed` rises only while below `total` (PostgreSQL re-checks
 * the row the first writer committed, SQLite has one writer), and a user
 * coupon is locked by an order only while it is free, so two checkouts
 * never spend one coupon.
 */
import { PostgresAdapter, sql, type Selectable } from 'kysely'
import type { Executor } from '../database'
import type { CouponTables } from '../schema'

export type CouponRow = Selectable<CouponTables['coupons']>
export type UserCouponRow = Selectable<CouponTables['userCoupons']>
export type UserCouponWithCoupon = UserCouponRow & { coupon: CouponRow }

const n = (v: unknown): number => Number(v ?? 0)
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v))

/** PostgreSQL's driver may read integers back as strings: normalise. */
function couponRow(r: CouponRow): CouponRow {
  return {
    ...r,
    amountOffFen: nOrNull(r.amountOffFen),
    percentOff: nOrNull(r.percentOff),
    maxOffFen: nOrNull(r.maxOffFen),
    minSpendFen: n(r.minSpendFen),
    validDays: nOrNull(r.validDays),
    total: nOrNull(r.total),
    perUser: n(r.perUser),
    claimed: n(r.claimed)
  }
}

export async function insertCoupon(db: Executor, row: CouponRow): Promise<void> {
  await db.insertInto('coupons').values(row).execute()
}

export async function updateCouponRow(db: Executor, id: string, set: Omit<CouponRow, 'id' | 'claimed' | 'createdAt' | 'createdBy'>): Promise<boolean> {
  const res = await db.updateTable('coupons').set(set).where('id', '=', id).executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function findCoupon(db: Executor, id: string): Promise<CouponRow | undefined> {
  const r = await db.selectFrom('coupons').selectAll().where('id', '=', id).executeTakeFirst()
  return r ? couponRow(r) : undefined
}

export async function listCoupons(db: Executor): Promise<CouponRow[]> {
  const rows = await db.selectFrom('coupons').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(500).execute()
  return rows.map(couponRow)
}

/** Used (paid orders) per coupon. */
export async function usedCounts(db: Executor, couponIds: string[]): Promise<Map<string, number>> {
  if (couponIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('userCoupons')
    .select((eb) => ['couponId', eb.fn.countAll().as('n')])
    .where('couponId', 'in', couponIds)
    .where('usedAt', 'is not', null)
    .groupBy('couponId')
    .execute()
  return new Map(rows.map((r) => [r.couponId, n(r.n)]))
}

/** Serialises one shopper's claims of one coupon until the transaction ends (PostgreSQL; SQLite has one writer). */
export async function lockClaimer(db: Executor, couponId: string, userId: string): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`coupon:${couponId}:${userId}`}))`.execute(db)
}

export async function countClaimsOf(db: Executor, couponId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('userCoupons')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('couponId', '=', couponId)
    .where('userId', '=', userId)
    .where('source', '=', 'claim')
    .executeTakeFirstOrThrow()
  return n(r.n)
}

/** Takes one from the coupon's total while inside its window; false when none is left (or the window is shut). */
export async function takeOne(db: Executor, couponId: string, nowIso: string): Promise<boolean> {
  const res = await db
    .updateTable('coupons')
    .set({ claimed: sql<number>`claimed + 1` })
    .where('id', '=', couponId)
    .where('startsAt', '<=', nowIso)
    .where('endsAt', '>', nowIso)
    .where((eb) => eb.or([eb('total', 'is', null), eb('claimed', '<', eb.ref('total'))]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function insertUserCoupon(db: Executor, row: UserCouponRow): Promise<void> {
  await db.insertInto('userCoupons').values(row).execute()
}

function joined(db: Executor) {
  return db
    .selectFrom('userCoupons as u')
    .innerJoin('coupons as c', 'c.id', 'u.couponId')
    .selectAll('u')
    .select([
      'c.title as cTitle',
      'c.kind as cKind',
      'c.amountOffFen as cAmountOffFen',
      'c.percentOff as cPercentOff',
      'c.maxOffFen as cMaxOffFen',
      'c.minSpendFen as cMinSpendFen',
      'c.productIds as cProductIds',
      'c.startsAt as cStartsAt',
      'c.endsAt as cEndsAt',
      'c.validDays as cValidDays',
      'c.total as cTotal',
      'c.perUser as cPerUser',
      'c.claimed as cClaimed',
      'c.createdBy as cCreatedBy',
      'c.createdAt as cCreatedAt',
      'c.updatedAt as cUpdatedAt'
    ])
}

type Joined = UserCouponRow & {
  cTitle: string
  cKind: string
  cAmountOffFen: number | null
  cPercentOff: number | null
  cMaxOffFen: number | null
  cMinSpendFen: number
  cProductIds: string | null
  cStartsAt: string
  cEndsAt: string
  cValidDays: number | null
  cTotal: number | null
  cPerUser: number
  cClaimed: number
  cCreatedBy: string | null
  cCreatedAt: string
  cUpdatedAt: string
}

function split(r: Joined): UserCouponWithCoupon {
  const { cTitle, cKind, cAmountOffFen, cPercentOff, cMaxOffFen, cMinSpendFen, cProductIds, cStartsAt, cEndsAt, cValidDays, cTotal, cPerUser, cClaimed, cCreatedBy, cCreatedAt, cUpdatedAt, ...u } = r
  return {
    ...u,
    coupon: couponRow({
      id: u.couponId,
      title: cTitle,
      kind: cKind,
      amountOffFen: cAmountOffFen,
      percentOff: cPercentOff,
      maxOffFen: cMaxOffFen,
      minSpendFen: cMinSpendFen,
      productIds: cProductIds,
      startsAt: cStartsAt,
      endsAt: cEndsAt,
      validDays: cValidDays,
      total: cTotal,
      perUser: cPerUser,
      claimed: cClaimed,
      createdBy: cCreatedBy,
      createdAt: cCreatedAt,
      updatedAt: cUpdatedAt
    })
  }
}

/** A shopper's coupons (voided rewards left out), newest claim first. */
export async function listUserCoupons(db: Executor, userId: string): Promise<UserCouponWithCoupon[]> {
  const rows = await joined(db)
    .where('u.userId', '=', userId)
    .where('u.voidedAt', 'is', null)
    .orderBy('u.claimedAt', 'desc')
    .orderBy('u.id', 'desc')
    .limit(500)
    .execute()
  return rows.map((r) => split(r as Joined))
}

export async function findUserCoupon(db: Executor, id: string): Promise<UserCouponWithCoupon | undefined> {
  const r = await joined(db).where('u.id', '=', id).executeTakeFirst()
  return r ? split(r as Joined) : undefined
}

/** How many claims of these coupons this shopper holds (for the coupon block's 已领取). */
export async function claimsByUser(db: Executor, userId: string, couponIds: string[]): Promise<Map<string, number>> {
  if (couponIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('userCoupons')
    .select((eb) => ['couponId', eb.fn.countAll().as('n')])
    .where('userId', '=', userId)
    .where('source', '=', 'claim')
    .where('couponId', 'in', couponIds)
    .groupBy('couponId')
    .execute()
  return new Map(rows.map((r) => [r.couponId, n(r.n)]))
}

/** Locks a free, valid coupon of this shopper for an order; false when it is not (any more). */
export async function lockUserCoupon(db: Executor, id: string, userId: string, orderId: string, nowIso: string): Promise<boolean> {
  const res = await db
    .updateTable('userCoupons')
    .set({ orderId })
    .where('id', '=', id)
    .where('userId', '=', userId)
    .where('orderId', 'is', null)
    .where('usedAt', 'is', null)
    .where('voidedAt', 'is', null)
    .where('validFrom', '<=', nowIso)
    .where('expiresAt', '>', nowIso)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** The order was paid: its coupon is spent. */
export async function markCouponUsed(db: Executor, orderId: string, atIso: string): Promise<void> {
  await db.updateTable('userCoupons').set({ usedAt: atIso }).where('orderId', '=', orderId).where('usedAt', 'is', null).execute()
}

/** The order closed unpaid, or was refunded in full before shipping: its coupon is free again. */
export async function releaseCouponOf(db: Executor, orderId: string): Promise<number> {
  const res = await db.updateTable('userCoupons').set({ orderId: null, usedAt: null }).where('orderId', '=', orderId).executeTakeFirst()
  return Number(res.numUpdatedRows)
}

export async function countRewardsOf(db: Executor, couponId: string, userId: string): Promise<number> {
  const r = await db
    .selectFrom('userCoupons')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('couponId', '=', couponId)
    .where('userId', '=', userId)
    .where('source', '=', 'reward')
    .executeTakeFirstOrThrow()
  return n(r.n)
}
