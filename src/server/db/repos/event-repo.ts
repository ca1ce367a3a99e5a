/** The append-only events table: inserts that keep the first copy of an id, and the reads attribution needs. */
import type { Insertable } from 'kysely'
import type { Executor } from '../database'
import type { EventTables } from '../schema'

export type EventRow = Insertable<EventTables['events']>

/** Inserts rows in one statement; an id already stored (or repeated in `rows`) is skipped. Returns how many were new. */
export async function insertEvents(db: Executor, rows: readonly EventRow[]): Promise<number> {
  if (rows.length === 0) return 0
  const res = await db
    .insertInto('events')
    .values([...rows])
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst()
  return Number(res.numInsertedOrUpdatedRows ?? 0)
}

/** Like insertEvents, answering the ids actually stored (not those already there or repeated). */
export async function insertEventsReturningIds(db: Executor, rows: readonly EventRow[]): Promise<string[]> {
  if (rows.length === 0) return []
  const res = await db
    .insertInto('events')
    .values([...rows])
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute()
  return res.map((r) => r.id)
}

/** The shopper's share_open events with ts in [fromMs, toMs], oldest first. */
export async function findShareOpens(
  db: Executor,
  q: { shopper: string; fromMs: number; toMs: number }
): Promise<Array<{ shareId: string; ts: number; scene: number | null }>> {
  const rows = await db
    .selectFrom('events')
    .select(['shareId', 'ts', 'scene'])
    .where('type', '=', 'share_open')
    .where('ts', '>=', q.fromMs)
    .where('shopper', '=', q.shopper)
    .where('ts', '<=', q.toMs)
    .orderBy('ts')
    .orderBy('id')
    .execute()
  return rows.flatMap((r) => (r.shareId ? [{ shareId: r.shareId, ts: Number(r.ts), scene: r.scene }] : []))
}

export interface ShareRow {
  shareId: string
  anonId: string | null
  shopper: string
  parentShareId: string | null
  contentSlug: string | null
  productId: string | null
}

/** The `share` events naming these share ids (the first stored per id wins when a client reused one). */
export async function findShares(db: Executor, shareIds: readonly string[]): Promise<ShareRow[]> {
  if (shareIds.length === 0) return []
  const rows = await db
    .selectFrom('events')
    .select(['shareId', 'anonId', 'shopper', 'parentShareId', 'contentSlug', 'productId'])
    .where('type', '=', 'share')
    .where('shareId', 'in', [...shareIds])
    .orderBy('ts')
    .orderBy('id')
    .execute()
  return rows.flatMap((r) => (r.shareId ? [{ ...r, shareId: r.shareId }] : []))
}

/** A device just bound to a user: its events (stored under the bare anon id) now belong to the user. */
export async function rekeyAnonEvents(db: Executor, anonId: string, userId: string): Promise<number> {
  const res = await db
    .updateTable('events')
    .set({ shopper: userId })
    .where('shopper', '=', anonId)
    .where('anonId', '=', anonId)
    .executeTakeFirst()
  return Number(res.numUpdatedRows)
}
