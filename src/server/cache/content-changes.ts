/**
 * The one function every write that can change a shopper's page answer calls:
 * publishing, unpublishing or restoring a page, editing a product, and every
 * stock move (orders reserve, closes and restocks return). Call it with the
 * transaction the write runs in.
 *
 * On PostgreSQL it is `pg_notify` inside that transaction, so every instance's
 * page cache (LISTEN, page-cache.ts) hears it when, and only if, the write
 * commits. On SQLite there is one process: the change goes to this process's
 * caches at once. Kysely runs SQLite on one connection, so no page read can
 * run between this call and the commit; a rolled-back write only costs a
 * needless rebuild.
 *
 * A PostgreSQL notice arrives a moment after the commit, also at the writer's
 * own instance; so that staff read a page or product change at once there,
 * that instance's caches read through to the database between the call and
 * the notice (at most PENDING_MS if the transaction rolls back).
 */
import { randomUUID } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { PostgresAdapter, sql } from 'kysely'
import type { Executor } from '../db/database'

export type ContentChange =
  /** A page went live, offline, or its live version changed: every cached page is dropped. */
  | { kind: 'pages' }
  /** A product's title, images or SKUs changed: every cached page is dropped. */
  | { kind: 'product'; productId: string }
  /** Stock of one SKU moved: pages showing it are refreshed within a second (page-cache.ts). */
  | { kind: 'stock'; skuId: string }

/** The PostgreSQL NOTIFY channel page caches listen on. */
export const CONTENT_CHANNEL = 'storefront_content'

/** SQLite: this process's caches subscribe here. */
export const localContentChanges = new EventEmitter()
localContentChanges.setMaxListeners(0)

export function isPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/** What goes over the wire: the change, and for page and product changes a token the writer's process waits for. */
export type ContentNotice = ContentChange & { token?: string }

export async function contentChanged(db: Executor, change: ContentChange): Promise<void> {
  if (isPostgres(db)) {
    // Page and product changes: until this write's own notice comes back (it commits) this
    // process's caches read through to the database, so the writer reads its own write at once.
    const token = change.kind === 'stock' ? undefined : randomUUID()
    if (token) localContentChanges.emit('pending', token)
    await sql`SELECT pg_notify(${CONTENT_CHANNEL}, ${JSON.stringify({ ...change, token })})`.execute(db)
  } else {
    localContentChanges.emit('change', change)
  }
}

export function parseContentChange(payload: string | undefined): ContentNotice | null {
  try {
    const c = JSON.parse(payload ?? '') as ContentNotice
    if (c.kind === 'pages') return c
    if (c.kind === 'product' && typeof c.productId === 'string') return c
    if (c.kind === 'stock' && typeof c.skuId === 'string') return c
  } catch {
    // fall through: an unreadable payload drops everything
  }
  return null
}
