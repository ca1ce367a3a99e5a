/**
 * Analytics events (docs/api.md "Events"): one append-only table, a row per
 * event, the client's id as primary key so a resent batch is stored once.
 * Client events carry anon_id (and user_id when sent with a token); server
 * events (order_created/paid/refunded) carry user_id, order_id, total_fen.
 * `ts` is the client's epoch ms (bigint: it outgrows a 32-bit integer);
 * received_at is the server's ISO time. Who a shopper is gets resolved at
 * read time through anon_bindings, because a login may bind an anon id
 * after its events arrived.
 * Forward only: add a new file for later changes.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('ts', 'bigint', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('anon_id', 'text')
    .addColumn('user_id', 'text')
    .addColumn('session_id', 'text')
    .addColumn('page', 'text')
    .addColumn('scene', 'integer')
    .addColumn('share_id', 'text')
    .addColumn('parent_share_id', 'text')
    .addColumn('channel', 'text')
    .addColumn('content_slug', 'text')
    .addColumn('product_id', 'text')
    .addColumn('sku_id', 'text')
    .addColumn('qty', 'integer')
    .addColumn('order_id', 'text')
    .addColumn('total_fen', 'integer')
    .addColumn('props', 'text')
    .execute()
  // Reports filter by type and window; attribution reads one shopper's opens;
  // share chains walk share_id / parent_share_id; the content report groups by slug.
  await db.schema.createIndex('events_type_ts').on('events').columns(['type', 'ts']).execute()
  await db.schema.createIndex('events_anon_ts').on('events').columns(['anon_id', 'ts']).execute()
  await db.schema.createIndex('events_user_ts').on('events').columns(['user_id', 'ts']).execute()
  await db.schema.createIndex('events_share').on('events').columns(['share_id', 'type']).execute()
  await db.schema.createIndex('events_parent_share').on('events').column('parent_share_id').execute()
  await db.schema.createIndex('events_slug_type_ts').on('events').columns(['content_slug', 'type', 'ts']).execute()
  await db.schema.createIndex('events_order').on('events').column('order_id').execute()
}
