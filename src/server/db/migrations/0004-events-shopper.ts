/**
 * Events learn who the shopper is: `shopper` = the user an anon id is bound
 * to, else the anon id (client events), or the user id (server events).
 * Written at ingest and rewritten when a device is bound at login (see
 * flows/events/bind-device.ts), so reports group by one column instead of
 * joining anon_bindings over every row. The indexes are the reports' and
 * attribution's access paths; the earlier ones they replace are dropped so
 * ingest maintains fewer b-trees.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('events').addColumn('shopper', 'text').execute()
  await sql`UPDATE events SET shopper = COALESCE(
      (SELECT b.user_id FROM anon_bindings b WHERE b.anon_id = events.anon_id), events.anon_id, events.user_id)`.execute(db)
  for (const name of ['events_type_ts', 'events_anon_ts', 'events_user_ts', 'events_slug_type_ts', 'events_order']) {
    await db.schema.dropIndex(name).execute()
  }
  // funnel steps and one shopper's opens: type, then shopper, then time
  await db.schema.createIndex('events_type_shopper_ts').on('events').columns(['type', 'shopper', 'ts']).execute()
  // content report: counts and distinct shoppers per page without touching the table
  await db.schema
    .createIndex('events_type_slug_shopper_ts')
    .on('events')
    .columns(['type', 'content_slug', 'shopper', 'ts'])
    .execute()
  // a shopper's history (first event ever) and rewriting a device's events at login
  await db.schema.createIndex('events_shopper_ts').on('events').columns(['shopper', 'ts']).execute()
}
