/**
 * Cheaper content_view inserts, same or better report reads: the two
 * partial indexes of content views that led with a random key
 * (events_cv_shopper (shopper, ts), events_cv_slug (content_slug, shopper,
 * ts), migration 0006) become one that leads with ts, events_cv_ts (ts,
 * shopper, content_slug). A new row's ts is about the newest, so it lands on
 * the b-tree's last page instead of dirtying a page of each random-keyed
 * index per commit (content views are about a third of all events).
 * Its readers are the funnel's first step and the content report's view
 * counts (db/repos/analytics-repo.ts): both read a window of ts and group
 * by shopper or page, so a ts range scan over the covering index serves
 * them; the old indexes made SQLite scan the whole index, all of history.
 * No later step of the funnel seeks content views by shopper.
 * NOTE: SQLite uses a partial index only when the query names the type as a
 * literal, as those readers do (sql.lit).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_cv_ts')
    .on('events')
    .columns(['ts', 'shopper', 'content_slug'])
    .where(sql.ref('type'), '=', sql.lit('content_view'))
    .execute()
  await db.schema.dropIndex('events_cv_shopper').execute()
  await db.schema.dropIndex('events_cv_slug').execute()
}
