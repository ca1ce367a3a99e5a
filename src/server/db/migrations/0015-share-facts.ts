/**
 * share_facts: one row per share id (the first `share` event of the id),
 * with its sharer, parent, page, time, depth and the greatest depth in its
 * subtree, so the sharer and content reports read the shares of their
 * window and look shares up by id without scanning every share ever made
 * (docs/operations.md "Retention"). Ingest writes it in the same
 * transaction as the share events and login re-keys its sharer
 * (db/repos/share-fact-repo.ts). Backfilled here from the events already
 * stored. Forward only.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely'
import type { Tables } from '../schema'
import { rebuildShareFacts } from '../repos/share-fact-repo'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('share_facts')
    .addColumn('share_id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('sharer', 'text', (c) => c.notNull())
    .addColumn('parent_share_id', 'text')
    .addColumn('content_slug', 'text')
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('depth', 'integer', (c) => c.notNull())
    .addColumn('subtree_depth', 'integer', (c) => c.notNull())
    .execute()
  // No ts index: reports reach facts from the window's share events by share id (the primary key).
  // Children of a share (depths pushed down when a parent arrives after them) and login's re-keying.
  await db.schema.createIndex('share_facts_parent').on('share_facts').column('parent_share_id').execute()
  await db.schema.createIndex('share_facts_sharer').on('share_facts').column('sharer').execute()
  await rebuildShareFacts(db as unknown as Kysely<Tables>)
  // Fresh statistics for the planner on SQLite (PostgreSQL's autovacuum analyzes by itself).
  if (db.getExecutor().adapter instanceof SqliteAdapter) await sql`ANALYZE share_facts`.execute(db)
}

