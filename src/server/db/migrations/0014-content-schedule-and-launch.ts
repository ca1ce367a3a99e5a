/**
 * Content schedules and launches (issue 18):
 *  - pages.unpublish_at: when the jobs runner takes a published (or
 *    scheduled) page offline by itself; null = no scheduled end.
 *  - product_launches: the launch times the server derived from the
 *    countdown blocks of live pages, one row per (page, product), rewritten
 *    whenever that page goes live or offline. A product is not on sale
 *    while any row of it has launch_at in the future (409 NOT_ON_SALE).
 *  - launch_reminders: a shopper's 开售提醒 for a product (one per shopper
 *    and product), with the page, sharer and channel it came through (the
 *    brand's leads) and, once the launch came, when and how it was sent.
 * Forward only: add a new file for later changes.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('pages').addColumn('unpublish_at', 'text').execute()
  await db.schema.createIndex('pages_unpublish_at').on('pages').column('unpublish_at').execute()

  await db.schema
    .createTable('product_launches')
    .addColumn('page_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('launch_at', 'text', (c) => c.notNull())
    .addColumn('content_slug', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_launches_pk', ['page_id', 'product_id'])
    .execute()
  await db.schema.createIndex('product_launches_product').on('product_launches').columns(['product_id', 'launch_at']).execute()

  await db.schema
    .createTable('launch_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('content_slug', 'text')
    .addColumn('share_id', 'text')
    .addColumn('sharer_user_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // When the launch came and the reminder was handled, and how: queued | no_template | no_credit.
    .addColumn('sent_at', 'text')
    .addColumn('outcome', 'text')
    .execute()
  await db.schema.createIndex('launch_reminders_once').on('launch_reminders').columns(['user_id', 'product_id']).unique().execute()
  await db.schema.createIndex('launch_reminders_pending').on('launch_reminders').columns(['sent_at', 'product_id']).execute()
  await db.schema.createIndex('launch_reminders_created').on('launch_reminders').columns(['created_at']).execute()
}
