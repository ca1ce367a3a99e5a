/**
 * Launch times derived from live pages' countdown blocks (product_launches,
 * one row per page and product) and shoppers' 开售提醒 (launch_reminders,
 * one per shopper and product). Migration 0014.
 */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { LaunchTables } from '../schema'

export type LaunchReminderRow = Selectable<LaunchTables['launchReminders']>

/** Replaces the launches a page announces (none when it went offline). */
export async function replacePageLaunches(
  db: Executor,
  pageId: string,
  contentSlug: string | null,
  launches: ReadonlyArray<{ productId: string; launchAt: string }>,
  at: string
): Promise<void> {
  await db.deleteFrom('productLaunches').where('pageId', '=', pageId).execute()
  if (launches.length === 0 || contentSlug === null) return
  await db
    .insertInto('productLaunches')
    .values(launches.map((l) => ({ pageId, productId: l.productId, launchAt: l.launchAt, contentSlug, updatedAt: at })))
    .execute()
}

/** Each product's launch time: the latest among live pages' countdowns naming it. */
export async function launchTimesOf(db: Executor, productIds: readonly string[]): Promise<Map<string, string>> {
  if (productIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('productLaunches')
    .select(['productId', (eb) => eb.fn.max('launchAt').as('launchAt')])
    .where('productId', 'in', [...new Set(productIds)])
    .groupBy('productId')
    .execute()
  return new Map(rows.map((r) => [r.productId, String(r.launchAt)]))
}

/** Products among these whose launch is still to come at `nowIso`, with that time. */
export async function upcomingLaunches(db: Executor, productIds: readonly string[], nowIso: string): Promise<Map<string, string>> {
  const all = await launchTimesOf(db, productIds)
  return new Map([...all].filter(([, at]) => at > nowIso))
}

export async function insertReminder(db: Executor, row: LaunchReminderRow): Promise<boolean> {
  const res = await db
    .insertInto('launchReminders')
    .values(row)
    .onConflict((oc) => oc.columns(['userId', 'productId']).doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1
}

export function findReminder(db: Executor, userId: string, productId: string): Promise<LaunchReminderRow | undefined> {
  return db.selectFrom('launchReminders').selectAll().where('userId', '=', userId).where('productId', '=', productId).executeTakeFirst()
}

export function remindersOfUser(db: Executor, userId: string): Promise<LaunchReminderRow[]> {
  return db.selectFrom('launchReminders').selectAll().where('userId', '=', userId).orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(200).execute()
}

/**
 * Unsent reminders whose product's launch has come: every launch row of the
 * product is at or before now (a product named by a later countdown too waits for it).
 */
export async function dueReminders(db: Executor, nowIso: string, limit = 200): Promise<Array<LaunchReminderRow & { launchAt: string }>> {
  const rows = await db
    .selectFrom('launchReminders')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('productLaunches')
          .select(['productId', (e) => e.fn.max('launchAt').as('launchAt')])
          .groupBy('productId')
          .as('l'),
      (j) => j.onRef('l.productId', '=', 'launchReminders.productId')
    )
    .selectAll('launchReminders')
    .select('l.launchAt as launchAt')
    .where('launchReminders.sentAt', 'is', null)
    .where('l.launchAt', '<=', nowIso)
    .orderBy('launchReminders.createdAt')
    .orderBy('launchReminders.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({ ...r, launchAt: String(r.launchAt) }))
}

/** Marks a reminder handled, once: false when another runner got there first. */
export async function markReminderSent(db: Executor, id: string, sentAt: string): Promise<boolean> {
  const res = await db.updateTable('launchReminders').set({ sentAt }).where('id', '=', id).where('sentAt', 'is', null).executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function setReminderOutcome(db: Executor, id: string, outcome: string): Promise<void> {
  await db.updateTable('launchReminders').set({ outcome }).where('id', '=', id).execute()
}

export function remindersCreatedIn(db: Executor, fromIso: string, toIso: string, contentSlug?: string): Promise<LaunchReminderRow[]> {
  let q = db.selectFrom('launchReminders').selectAll().where('createdAt', '>=', fromIso).where('createdAt', '<', toIso)
  if (contentSlug !== undefined) q = q.where('contentSlug', '=', contentSlug)
  return q.execute()
}

/** Paid orders (statuses given) of these shoppers created at or after `fromIso`: what the reminder report matches against. */
export function paidOrdersOf(db: Executor, userIds: readonly string[], fromIso: string, statuses: readonly string[]) {
  if (userIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('orders')
    .select(['id', 'userId', 'items', 'createdAt'])
    .where('userId', 'in', [...userIds])
    .where('createdAt', '>=', fromIso)
    .where('status', 'in', [...statuses])
    .execute()
}

/** SKU id → product id, active or not (orders keep SKUs that were retired since). */
export async function productOfSkus(db: Executor, skuIds: readonly string[]): Promise<Map<string, string>> {
  if (skuIds.length === 0) return new Map()
  const rows = await db.selectFrom('skus').select(['id', 'productId']).where('id', 'in', [...new Set(skuIds)]).execute()
  return new Map(rows.map((r) => [r.id, r.productId]))
}
