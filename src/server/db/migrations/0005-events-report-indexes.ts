/**
 * Indexes that let the sharer and content reports read shares and opens
 * without touching the events table: partial (only `share` / `share_open`
 * rows, a few percent of events, so ingest pays little) and covering.
 * NOTE: SQLite uses a partial index only when the query repeats its WHERE
 * with the same literal (a bound parameter does not match), so the report
 * queries write `type = 'share'` as text.
 * The shopper history index now covers type and session (the "first event
 * ever" check of the sharer report reads nothing else).
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('events_shares')
    .on('events')
    .columns(['ts', 'id', 'share_id', 'shopper', 'parent_share_id', 'content_slug'])
    .where(sql.ref('type'), '=', sql.lit('share'))
    .execute()
  await db.schema
    .createIndex('events_share_opens')
    .on('events')
    .columns(['ts', 'share_id', 'shopper', 'session_id'])
    .where(sql.ref('type'), '=', sql.lit('share_open'))
    .execute()
  await db.schema.dropIndex('events_shopper_ts').execute()
  await db.schema.createIndex('events_shopper_history').on('events').columns(['shopper', 'ts', 'type', 'session_id']).execute()
}
