/**
 * Commerce: server carts, orders (items, address and attribution kept as a
 * snapshot on the order), refunds and payment flags for staff.
 * Forward only: never edit once shipped; add a new file.
 *
 * Orders carry their WeChat Pay bookkeeping: pay_requested_at (a JSAPI order
 * may exist at WeChat, so closing must ask WeChat), pay_checked_at (the last
 * reconciliation query), transaction_id once paid. refunding_fen and
 * status_before_refund hold core's OrderState while a refund runs.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('carts')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('out_trade_no', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total_fen', 'integer', (c) => c.notNull().check(sql`total_fen > 0`))
    .addColumn('refunded_fen', 'integer', (c) => c.notNull().check(sql`refunded_fen >= 0 and refunded_fen <= total_fen`))
    .addColumn('refunding_fen', 'integer')
    .addColumn('status_before_refund', 'text')
    .addColumn('items', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('attr_share_id', 'text')
    .addColumn('attr_sharer_user_id', 'text')
    .addColumn('attr_content_slug', 'text')
    .addColumn('attr_depth', 'integer')
    .addColumn('attr_scene', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('transaction_id', 'text')
    .addColumn('prepay_id', 'text')
    .addColumn('pay_requested_at', 'text')
    .addColumn('pay_checked_at', 'text')
    .addUniqueConstraint('orders_user_idempotency', ['user_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('orders_user_created').on('orders').columns(['user_id', 'created_at', 'id']).execute()
  await db.schema.createIndex('orders_created').on('orders').columns(['created_at', 'id']).execute()
  // The close job and reconciliation both look for pending orders by time.
  await db.schema.createIndex('orders_status_expires').on('orders').columns(['status', 'expires_at']).execute()
  await db.schema.createIndex('orders_status_created').on('orders').columns(['status', 'created_at']).execute()

  await db.schema
    .createTable('refunds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('out_refund_no', 'text', (c) => c.notNull().unique())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('wechat_refund_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('settled_at', 'text')
    .addColumn('checked_at', 'text')
    .execute()
  await db.schema.createIndex('refunds_order').on('refunds').columns(['order_id', 'created_at']).execute()
  await db.schema.createIndex('refunds_status').on('refunds').columns(['status', 'updated_at']).execute()

  await db.schema
    .createTable('payment_flags')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('out_trade_no', 'text')
    .addColumn('out_refund_no', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    // One flag per problem however often WeChat re-sends the notification.
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute()
  await db.schema.createIndex('payment_flags_created').on('payment_flags').columns(['created_at', 'id']).execute()
}
