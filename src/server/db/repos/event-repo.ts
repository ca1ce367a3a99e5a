/** The append-only events table: inserts that keep the first copy of an id, and the reads attribution needs. */
import type SQLite from 'better-sqlite3'
import { SqliteAdapter, sql, type CompiledQuery, type Insertable } from 'kysely'
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

const EVENT_COLUMNS = [
  'id', 'type', 'ts', 'receivedAt', 'anonId', 'userId', 'shopper', 'sessionId', 'page', 'scene', 'shareId',
  'parentShareId', 'channel', 'contentSlug', 'productId', 'skuId', 'qty', 'orderId', 'totalFen', 'props', 'campaignCode'
] as const

// Compiled INSERTs by dialect and row count, reused with new parameters:
// ingest runs in a new transaction (a new executor) every batch, so
// compiled-once.ts's per-executor cache would never hit.
const insertCache = new Map<string, CompiledQuery>()

function compiledInsert(db: Executor, rows: readonly EventRow[], params: readonly unknown[]): CompiledQuery {
  const key = `${db.getExecutor().adapter.constructor.name}:${rows.length}`
  let compiled = insertCache.get(key)
  if (!compiled) {
    const full = rows.map((r) => Object.fromEntries(EVENT_COLUMNS.map((c) => [c, r[c] ?? null])) as EventRow)
    compiled = db.insertInto('events').values(full).onConflict((oc) => oc.column('id').doNothing()).compile()
    if (compiled.parameters.length !== params.length || compiled.parameters.some((p, i) => p !== params[i])) {
      throw new Error('events insert compiles to other parameters than the row values; it cannot be reused')
    }
    insertCache.set(key, compiled)
  }
  return compiled
}

const valuesOf = (r: EventRow) => EVENT_COLUMNS.map((c) => r[c] ?? null)

/**
 * The hot path of POST /events: stores the rows, skipping ids already
 * there or repeated, and answers how many were new. On SQLite one cached
 * single-row statement runs once a row (measured cheaper than binding one
 * 1,000-parameter statement); on PostgreSQL one multi-row statement saves
 * round trips.
 */
export async function insertEventsCounting(db: Executor, rows: readonly EventRow[], sqlite?: SQLite.Database): Promise<number> {
  if (rows.length === 0) return 0
  if (sqlite) return insertEventsSqlite(sqlite, rows)
  if (db.getExecutor().adapter instanceof SqliteAdapter) {
    let inserted = 0
    for (const row of rows) {
      const params = valuesOf(row)
      const res = await db.executeQuery({ ...compiledInsert(db, [row], params), parameters: params })
      inserted += Number(res.numAffectedRows ?? 0)
    }
    return inserted
  }
  const params = rows.flatMap(valuesOf)
  const res = await db.executeQuery({ ...compiledInsert(db, rows, params), parameters: params })
  return Number(res.numAffectedRows ?? 0)
}

const snake = (c: string) => c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)
const rawInserts = new WeakMap<SQLite.Database, SQLite.Statement>()

/**
 * SQLite's hot path: one prepared statement on the better-sqlite3 handle,
 * run once a row without a trip through Kysely (a promise and a query
 * transform per row cost more than the insert). Only for a caller inside a
 * Kysely transaction on that same handle: its single connection is held by
 * that transaction, so these rows commit (or roll back) with it.
 */
function insertEventsSqlite(sqlite: SQLite.Database, rows: readonly EventRow[]): number {
  let statement = rawInserts.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare(
      `INSERT INTO events (${EVENT_COLUMNS.map(snake).join(', ')}) VALUES (${EVENT_COLUMNS.map(() => '?').join(', ')}) ON CONFLICT (id) DO NOTHING`
    )
    rawInserts.set(sqlite, statement)
  }
  let inserted = 0
  for (const row of rows) inserted += statement.run(valuesOf(row)).changes
  return inserted
}

/** The shopper's share_open events with ts in [fromMs, toMs], oldest first. */
export async function findShareOpens(
  db: Executor,
  q: { shopper: string; fromMs: number; toMs: number }
): Promise<Array<{ shareId: string; ts: number; scene: number | null; channel: string | null }>> {
  const rows = await db
    .selectFrom('events')
    .select(['shareId', 'ts', 'scene', 'channel'])
    // literal types: the partial indexes of migration 0006 match only literals on SQLite
    .where('type', '=', sql.lit('share_open'))
    .where('ts', '>=', q.fromMs)
    .where('shopper', '=', q.shopper)
    .where('ts', '<=', q.toMs)
    .orderBy('ts')
    .orderBy('id')
    .execute()
  return rows.flatMap((r) => (r.shareId ? [{ shareId: r.shareId, ts: Number(r.ts), scene: r.scene, channel: r.channel }] : []))
}

/**
 * The shopper's campaign_open events with ts in [fromMs, toMs] naming a
 * campaign that exists, oldest first, with the campaign's own channel and
 * target (the client's channel is never trusted for it).
 */
export async function findCampaignOpens(
  db: Executor,
  q: { shopper: string; fromMs: number; toMs: number }
): Promise<Array<{ campaignCode: string; ts: number; scene: number | null; channel: string; contentSlug: string | null; productId: string | null }>> {
  const rows = await db
    .selectFrom('events')
    .innerJoin('campaigns', 'campaigns.code', 'events.campaignCode')
    .select(['campaigns.code as code', 'events.ts as ts', 'events.scene as scene', 'campaigns.channel as channel', 'campaigns.contentSlug as contentSlug', 'campaigns.productId as productId'])
    .where('events.type', '=', sql.lit('campaign_open'))
    .where('events.shopper', '=', q.shopper)
    .where('events.ts', '>=', q.fromMs)
    .where('events.ts', '<=', q.toMs)
    .orderBy('events.ts')
    .orderBy('events.id')
    .execute()
  return rows.map((r) => ({ campaignCode: r.code, ts: Number(r.ts), scene: r.scene, channel: r.channel, contentSlug: r.contentSlug, productId: r.productId }))
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
    .where('type', '=', sql.lit('share'))
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
