/**
 * Two indexes the reports read without touching the table:
 *  - the shopper history with type and session: the sharer report's "first
 *    event ever" check reads, for each opener, the events before the open
 *    and skips the app_launch of the same session (it was most of that
 *    report's time over a million events); wider, not an extra b-tree;
 *  - shares by id with time, id, sharer and page (partial, ~1% of rows):
 *    joining opens and orders to "the first share event of that id".
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('events_shopper_ts').execute()
  await db.schema.createIndex('events_shopper_history').on('events').columns(['shopper', 'ts', 'type', 'session_id']).execute()
  await db.schema.dropIndex('events_share_ids').execute()
  await db.schema
    .createIndex('events_share_lookup')
    .on('events')
    .columns(['share_id', 'ts', 'id', 'shopper', 'content_slug'])
    .where(sql.ref('type'), '=', sql.lit('share'))
    .execute()
}
