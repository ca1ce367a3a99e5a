/**
 * The one access_token of an appid, shared by every instance, and the lease
 * that lets a single instance refresh it at a time (a conditional update:
 * atomic on both dialects).
 */
import type { Selectable } from 'kysely'
import type { Executor } from '../database'
import type { FulfilmentTables } from '../schema'

export type WechatTokenRow = Selectable<FulfilmentTables['wechatTokens']>

export async function readToken(db: Executor, appid: string): Promise<WechatTokenRow | undefined> {
  return db.selectFrom('wechatTokens').selectAll().where('appid', '=', appid).executeTakeFirst()
}

export async function ensureTokenRow(db: Executor, appid: string, nowIso: string): Promise<void> {
  await db
    .insertInto('wechatTokens')
    .values({ appid, accessToken: null, expiresAt: null, refreshHolder: null, refreshUntil: null, updatedAt: nowIso })
    .onConflict((oc) => oc.column('appid').doNothing())
    .execute()
}

/** True when `holder` now holds the refresh lease until `untilIso`. */
export async function takeRefreshLease(db: Executor, appid: string, holder: string, nowIso: string, untilIso: string): Promise<boolean> {
  const res = await db
    .updateTable('wechatTokens')
    .set({ refreshHolder: holder, refreshUntil: untilIso })
    .where('appid', '=', appid)
    .where((eb) => eb.or([eb('refreshUntil', 'is', null), eb('refreshUntil', '<=', nowIso), eb('refreshHolder', '=', holder)]))
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

/** Stores a new token and releases the lease; false when the lease was lost meanwhile (the token is still usable). */
export async function storeToken(
  db: Executor,
  appid: string,
  holder: string,
  v: { accessToken: string; expiresAt: string; updatedAt: string }
): Promise<boolean> {
  const res = await db
    .updateTable('wechatTokens')
    .set({ ...v, refreshHolder: null, refreshUntil: null })
    .where('appid', '=', appid)
    .where('refreshHolder', '=', holder)
    .executeTakeFirst()
  return Number(res.numUpdatedRows) === 1
}

export async function releaseRefreshLease(db: Executor, appid: string, holder: string): Promise<void> {
  await db
    .updateTable('wechatTokens')
    .set({ refreshHolder: null, refreshUntil: null })
    .where('appid', '=', appid)
    .where('refreshHolder', '=', holder)
    .execute()
}
