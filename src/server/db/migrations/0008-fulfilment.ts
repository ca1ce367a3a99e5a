/**
 * Fulfilment: shipments (parcels) with their items, the outbox of calls
 * the backend owes WeChat (wechat_tasks), the one shared access_token with
 * its refresh lease, the cached carrier list, and the order's shipping and
 * completion times.
 * Forward only: never edit once shipped; add a new file.
 *
 * wechat_tasks is written in the same transaction as what it reports (a
 * shipment), so a crash between the two cannot lose the upload; a worker
 * claims due rows with a conditional update (locked_until), so two
 * instances never send one task at once.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('orders')
    .addColumn('shipped_at', 'text')
    .execute()
  // One ALTER per column: SQLite adds one column per statement.
  for (const column of [
    'completed_at',
    // WeChat's trade_manage_remind_shipping push: staff see it on the order.
    'shipping_reminder_at',
    // When WeChat said the shopper confirmed receipt (order_state 3/4).
    'received_at',
    // The auto-complete job's last get_order check, so it asks at most once a while per order.
    'complete_checked_at',
    'logistics_type'
  ]) {
    await db.schema.alterTable('orders').addColumn(column, 'text').execute()
  }
  await db.schema.createIndex('orders_status_paid').on('orders').columns(['status', 'paid_at', 'id']).execute()
  await db.schema.createIndex('orders_status_shipped').on('orders').columns(['status', 'shipped_at']).execute()
  await db.schema.createIndex('orders_transaction').on('orders').column('transaction_id').execute()

  await db.schema
    .createTable('shipments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('logistics_type', 'text', (c) => c.notNull())
    .addColumn('carrier_code', 'text')
    .addColumn('carrier_name', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('shipped_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute()
  await db.schema.createIndex('shipments_order').on('shipments').columns(['order_id', 'shipped_at', 'id']).execute()

  await db.schema
    .createTable('shipment_items')
    .addColumn('shipment_id', 'text', (c) => c.notNull().references('shipments.id'))
    .addColumn('order_id', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addPrimaryKeyConstraint('shipment_items_pk', ['shipment_id', 'sku_id'])
    .execute()
  await db.schema.createIndex('shipment_items_order').on('shipment_items').columns(['order_id', 'sku_id']).execute()

  await db.schema
    .createTable('wechat_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending → done | failed; a failed task can be retried by staff (back to pending).
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_errcode', 'integer')
    .addColumn('last_error', 'text')
    .addColumn('problem_message', 'text')
    .addColumn('problem_action', 'text')
    // Tasks that must happen once (set_msg_jump_path, one upload per shipment) carry a key.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute()
  await db.schema.createIndex('wechat_tasks_due').on('wechat_tasks').columns(['status', 'next_attempt_at']).execute()
  await db.schema.createIndex('wechat_tasks_order').on('wechat_tasks').columns(['order_id', 'created_at']).execute()

  // One row per appid: the access_token every instance shares, and the lease of the instance refreshing it.
  await db.schema
    .createTable('wechat_tokens')
    .addColumn('appid', 'text', (c) => c.primaryKey())
    .addColumn('access_token', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('refresh_holder', 'text')
    .addColumn('refresh_until', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('wechat_carriers')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('fetched_at', 'text', (c) => c.notNull())
    .execute()
}
