/** The append-only events table: inserts that keep the first copy of an id, and the reads attribution needs. */
import type SQLite from 'better-sqlite3'
import { CompiledQuery, SqliteAdapter, sql, type Insertable } from 'kysely'
import type { Executor } from '../database'
import type { EventTables } from '../schema'

export type EventRow = Insertable<EventTables['events']>

/** Columns of an INSERT INTO events, in the order valuesOf gives a row's values. */
const EVENT_COLUMNS = [
  'id', 'type', 'ts', 'received_at', 'anon_id', 'user_id', 'shopper', 'session_id', 'page', 'scene', 'share_id',
  'parent_share_id', 'channel', 'content_slug', 'product_id', 'sku_id', 'qty', 'order_id', 'total_fen', 'props', 'campaign_code'
] as const

/** A row's values in EVENT_COLUMNS order, read field by field (no lookup by column name per value). */
function valuesOf(r: EventRow): unknown[] {
  return [
    r.id, r.type, r.ts, r.receivedAt, r.anonId ?? null, r.userId ?? null, r.shopper, r.sessionId ?? null, r.page ?? null,
    r.scene ?? null, r.shareId ?? null, r.parentShareId ?? null, r.channel ?? null, r.contentSlug ?? null, r.productId ?? null,
    r.skuId ?? null, r.qty ?? null, r.orderId ?? null, r.totalFen ?? null, r.props ?? null, r.campaignCode ?? null
  ]
}

/**
 * Most bound parameters in one statement: PostgreSQL's protocol allows
 * 65,535; SQLite 32,766 since 3.32 (better-sqlite3 12 bundles a newer one),
 * 999 before. One bound below the smaller, so either dialect takes a chunk.
 */
export const MAX_INSERT_PARAMS = 32_766
/** Rows in one multi-row INSERT INTO events (1,560 of 21 columns). */
export const EVENT_ROWS_PER_INSERT = Math.floor(MAX_INSERT_PARAMS / EVENT_COLUMNS.length)

const insertTexts = new Map<string, string>()

/** INSERT … VALUES (…) × rows ON CONFLICT (id) DO NOTHING, with $n placeholders on PostgreSQL and ? on SQLite; built once per size. */
function insertText(postgres: boolean, rows: number): string {
  const key = `${postgres ? 'pg' : 'sqlite'}:${rows}`
  let text = insertTexts.get(key)
  if (!text) {
    const width = EVENT_COLUMNS.length
    const tuple = (r: number) => `(${EVENT_COLUMNS.map((_, c) => (postgres ? `$${r * width + c + 1}` : '?')).join(', ')})`
    text = `INSERT INTO events (${EVENT_COLUMNS.join(', ')}) VALUES ${Array.from({ length: rows }, (_, r) => tuple(r)).join(', ')} ON CONFLICT (id) DO NOTHING`
    insertTexts.set(key, text)
  }
  return text
}

/**
 * Stores the rows, skipping ids already there or repeated, and answers how
 * many were new: the hot path of POST /events and every server event. With
 * the better-sqlite3 handle (SQLite inside a transaction on it), one cached
 * single-row statement runs once a row (cheaper than binding a 1,000-value
 * statement); otherwise one multi-row statement per EVENT_ROWS_PER_INSERT
 * rows, which on PostgreSQL saves round trips. No query is built per call:
 * the statement texts are cached by row count.
 */
export async function insertEventsCounting(db: Executor, rows: readonly EventRow[], sqlite?: SQLite.Database): Promise<number> {
  if (rows.length === 0) return 0
  if (sqlite) return insertEventsSqlite(sqlite, rows)
  const postgres = !(db.getExecutor().adapter instanceof SqliteAdapter)
  let inserted = 0
  for (let from = 0; from < rows.length; from += EVENT_ROWS_PER_INSERT) {
    const chunk = rows.slice(from, from + EVENT_ROWS_PER_INSERT)
    const res = await db.executeQuery(CompiledQuery.raw(insertText(postgres, chunk.length), chunk.flatMap(valuesOf)))
    inserted += Number(res.numAffectedRows ?? 0)
  }
  return inserted
}

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
    statement = sqlite.prepare(insertText(false, 1))
    rawInserts.set(sqlite, statement)
  }
  let inserted = 0
  for (const row of rows) inserted += statement.run(valuesOf(row)).changes
  return inserted
}

const rawBindings = new WeakMap<SQLite.Database, SQLite.Statement<[string], { user_id: string }>>()

/**
 * The user each of these anon ids is bound to (anon_bindings), for the rows
 * ingest is about to write, on the better-sqlite3 handle like
 * insertEventsSqlite: one cached statement per id (a batch holds one device,
 * rarely a few) instead of a query built per batch.
 */
export function usersOfAnonIdsSqlite(sqlite: SQLite.Database, anonIds: readonly string[]): Map<string, string> {
  let statement = rawBindings.get(sqlite)
  if (!statement) {
    statement = sqlite.prepare<[string], { user_id: string }>('SELECT user_id FROM anon_bindings WHERE anon_id = ?')
    rawBindings.set(sqlite, statement)
  }
  const out = new Map<string, string>()
  for (const anonId of anonIds) {
    const row = statement.get(anonId)
    if (row) out.set(anonId, row.user_id)
  }
  return out
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
