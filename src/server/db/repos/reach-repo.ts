/**
 * Reach (migration 0013): campaigns, cached mini-program code PNGs, the
 * shopper's public profile, and the product search of GET /api/v1/products.
 */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely'
import type { Executor } from '../database'
import type { ReachTables } from '../schema'

export type CampaignRow = Selectable<ReachTables['campaigns']>

export async function insertCampaign(db: Executor, row: Insertable<ReachTables['campaigns']>): Promise<void> {
  await db.insertInto('campaigns').values(row).execute()
}

export async function updateCampaign(db: Executor, id: string, patch: Updateable<ReachTables['campaigns']>): Promise<void> {
  await db.updateTable('campaigns').set(patch).where('id', '=', id).execute()
}

export function findCampaign(db: Executor, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst()
}

export function findCampaignByCode(db: Executor, code: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaigns').selectAll().where('code', '=', code).executeTakeFirst()
}

/** Newest first. */
export function listCampaigns(db: Executor, limit = 500): Promise<CampaignRow[]> {
  return db.selectFrom('campaigns').selectAll().orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

/** Campaigns whose URL Link runs out before `beforeIso` and that were not touched (renewed or tried) since `untouchedSinceIso`, soonest first. */
export function campaignsExpiringBefore(db: Executor, beforeIso: string, untouchedSinceIso: string, limit: number): Promise<CampaignRow[]> {
  return db
    .selectFrom('campaigns')
    .selectAll()
    .where('urlLinkExpiresAt', '<', beforeIso)
    .where('updatedAt', '<', untouchedSinceIso)
    .orderBy('urlLinkExpiresAt')
    .limit(limit)
    .execute()
}

export async function findCode(db: Executor, key: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('reachCodes').select('pngBase64').where('key', '=', key).executeTakeFirst()
  return row ? Buffer.from(row.pngBase64, 'base64') : undefined
}

export async function saveCode(db: Executor, key: string, png: Buffer, atIso: string): Promise<void> {
  await db
    .insertInto('reachCodes')
    .values({ key, pngBase64: png.toString('base64'), createdAt: atIso })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
}

export function findUserProfile(db: Executor, userId: string): Promise<{ openid: string; name: string | null; avatarUrl: string | null } | undefined> {
  return db.selectFrom('users').select(['openid', 'name', 'avatarUrl']).where('id', '=', userId).executeTakeFirst()
}

export async function updateUserProfile(db: Executor, userId: string, patch: { name?: string; avatarUrl?: string }): Promise<void> {
  if (patch.name === undefined && patch.avatarUrl === undefined) return
  await db.updateTable('users').set(patch).where('id', '=', userId).execute()
}

/**
 * Products on sale (with at least one active SKU) whose title contains `q`
 * (case-insensitive; LIKE wildcards in q are taken literally), newest
 * updated first, keyset-paged on (updatedAt, id).
 */
export function searchProductIds(
  db: Executor,
  opts: { q?: string; limit: number; after?: { at: string; id: string } }
): Promise<Array<{ id: string; updatedAt: string }>> {
  let q = db
    .selectFrom('products')
    .select(['products.id as id', 'products.updatedAt as updatedAt'])
    .where(({ exists, selectFrom }) => exists(selectFrom('skus').select('skus.id').whereRef('skus.productId', '=', 'products.id').where('skus.active', '=', sql.lit(1))))
  if (opts.q) {
    const pattern = `%${opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    q = q.where(sql<boolean>`lower(products.title) LIKE ${pattern} ESCAPE '\\'`)
  }
  const after = opts.after
  if (after) {
    q = q.where((eb) => eb.or([eb('products.updatedAt', '<', after.at), eb.and([eb('products.updatedAt', '=', after.at), eb('products.id', '<', after.id)])]))
  }
  return q.orderBy('products.updatedAt', 'desc').orderBy('products.id', 'desc').limit(opts.limit).execute()
}
