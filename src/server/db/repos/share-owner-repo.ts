/**
 * Who owns a shareId (migration 0010): the first to announce it, by the
 * server's clock, or the shopper the server issued it to (POST
 * /api/v1/shares, migration 0013: with what it points at).
 */
import type { Insertable, Selectable } from 'kysely'
import type { Executor } from '../database'
import type { HardeningTables } from '../schema'

export type ShareOwnerRow = Selectable<HardeningTables['shareOwners']>
export type ShareOwnerInsert = Insertable<HardeningTables['shareOwners']>

/** Claims each id not owned yet (the first row of an id in `rows` wins); an owned id is left alone. */
export async function claimShareIds(db: Executor, rows: readonly ShareOwnerInsert[]): Promise<void> {
  const seen = new Set<string>()
  const firsts = rows.filter((r) => !seen.has(r.shareId) && seen.add(r.shareId))
  if (firsts.length === 0) return
  await db
    .insertInto('shareOwners')
    .values(firsts)
    .onConflict((oc) => oc.column('shareId').doNothing())
    .execute()
}

/** Issues a new id to a shopper; false when the id was taken already (the caller draws another). */
export async function issueShareId(db: Executor, row: ShareOwnerInsert): Promise<boolean> {
  const res = await db
    .insertInto('shareOwners')
    .values({ ...row, issued: 1 })
    .onConflict((oc) => oc.column('shareId').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1
}

export async function findShareOwners(db: Executor, shareIds: readonly string[]): Promise<Map<string, ShareOwnerRow>> {
  const out = new Map<string, ShareOwnerRow>()
  if (shareIds.length === 0) return out
  const rows = await db.selectFrom('shareOwners').selectAll().where('shareId', 'in', [...new Set(shareIds)]).execute()
  for (const r of rows) out.set(r.shareId, r)
  return out
}
