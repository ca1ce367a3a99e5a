/**
 * Cheaper ingest, same report paths: every index on events but the id and
 * the shopper's history is now partial, one set per event type, so a row
 * enters only the indexes of its own type (a page_view: none of them). The
 * full-table indexes of 0003–0005 that these replace are dropped; on the
 * ingest benchmark this halves the cost of storing a batch.
 * NOTE: SQLite uses a partial index only when the query names the type as
 * a literal (`type = 'share'`, not a bound parameter), so the repositories
 * write types with sql.lit.
 */
import { sql, type Kysely } from 'kysely'

const byType: Array<{ name: string; type: string; columns: string[] }> = [
  { name: 'events_cv_shopper', type: 'content_view', columns: ['shopper', 'ts'] },
  { name: 'events_cv_slug', type: 'content_view', columns: ['content_slug', 'shopper', 'ts'] },
  { name: 'events_atc_shopper', type: 'add_to_cart', columns: ['shopper', 'ts', 'content_slug'] },
  { name: 'events_checkout_shopper', type: 'checkout_start', columns: ['shopper', 'ts'] },
  { name: 'events_created_shopper', type: 'order_created', columns: ['shopper', 'ts'] },
  { name: 'events_paid_shopper', type: 'order_paid', columns: ['shopper', 'ts'] },
  { name: 'events_share_ids', type: 'share', columns: ['share_id'] },
  { name: 'events_opens_shopper', type: 'share_open', columns: ['shopper', 'ts', 'share_id', 'scene'] }
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const name of ['events_share', 'events_parent_share', 'events_type_shopper_ts', 'events_type_slug_shopper_ts', 'events_shopper_history']) {
    await db.schema.dropIndex(name).execute()
  }
  // A shopper's history: "first event ever" and re-keying a device's events at login.
  await db.schema.createIndex('events_shopper_ts').on('events').columns(['shopper', 'ts']).execute()
  for (const i of byType) {
    await db.schema.createIndex(i.name).on('events').columns(i.columns).where(sql.ref('type'), '=', sql.lit(i.type)).execute()
  }
}
