/**
 * Event retention (docs/operations.md "Retention"): raw shopper events older
 * than EVENT_RETENTION_DAYS are folded into event_daily_rollups, one row per
 * day (calendar day in UTC+08:00, the brand's), event type, page and
 * shopper, with the count and the first and last `ts`, in the same
 * transaction that deletes them. Reports read rollups beside the events
 * still kept, so old windows keep their answers. Forward only.
 */
import { sql, type Kysely } from 'kysely'

/**
 * The event types the retention job prunes (src/server/ops/retention.ts
 * PRUNED_TYPES, in this order: its query repeats this condition so both
 * databases use this partial index, which only holds rows still to prune).
 */
const PRUNED_TYPES = ['app_launch', 'page_view', 'content_view', 'product_view', 'add_to_cart', 'checkout_start', 'coupon_claim']

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_daily_rollups')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    // '' when the events carried no page (a primary key column cannot be null).
    .addColumn('content_slug', 'text', (c) => c.notNull())
    .addColumn('shopper', 'text', (c) => c.notNull())
    .addColumn('events', 'integer', (c) => c.notNull())
    .addColumn('first_ts', 'bigint', (c) => c.notNull())
    .addColumn('last_ts', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('event_daily_rollups_pk', ['day', 'type', 'content_slug', 'shopper'])
    .execute()
  await db.schema.createIndex('event_rollups_type_ts').on('event_daily_rollups').columns(['type', 'first_ts']).execute()
  await db.schema
    .createIndex('events_prunable_ts')
    .on('events')
    .column('ts')
    .where(sql.ref('type'), 'in', PRUNED_TYPES.map((t) => sql.lit(t)))
    .execute()
  await db.schema.createIndex('event_rollups_shopper_ts').on('event_daily_rollups').columns(['shopper', 'first_ts']).execute()
}
