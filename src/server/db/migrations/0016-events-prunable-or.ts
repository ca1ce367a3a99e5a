/**
 * Cheaper event inserts on SQLite, same retention path: the partial index
 * events_prunable_ts (migration 0011) is rebuilt with its condition as a
 * chain of `type = '…' OR …` instead of `type IN (…)`.
 * NOTE: SQLite evaluates a partial index's `IN (list)` on every row written
 * by building a temporary b-tree of the list (EXPLAIN shows OpenEphemeral and
 * seven IdxInserts in every INSERT INTO events, with no Once guard), which
 * cost about as much as all the other indexes of a page_view together; the
 * OR chain is seven string comparisons. The retention query repeats the
 * condition the same way (ops/retention.ts `prunable`), as SQLite needs to
 * use a partial index. PostgreSQL keeps its index: it tests the list
 * cheaply, and proves the OR chain of the query implies it.
 * No index is dropped for good: every one left on events has a reader.
 */
import { SqliteAdapter, sql, type Kysely } from 'kysely'

/** ops/retention.ts PRUNED_TYPES, in that order (a migration never imports code that may change). */
const PRUNED_TYPES = ['app_launch', 'page_view', 'content_view', 'product_view', 'add_to_cart', 'checkout_start', 'coupon_claim']

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await db.schema.dropIndex('events_prunable_ts').execute()
  const condition = sql.join(
    PRUNED_TYPES.map((t) => sql`type = ${sql.lit(t)}`),
    sql` OR `
  )
  await sql`CREATE INDEX events_prunable_ts ON events (ts) WHERE ${condition}`.execute(db)
}
