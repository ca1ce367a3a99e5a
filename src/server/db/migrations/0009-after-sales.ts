/**
 * After-sales: the shopper's requests (refund or return) with their photos
 * (JSON list of media URLs), the parcel sent back, what was put back in
 * stock and the refund that pays them out; subscription-message credits
 * (one per acceptance in requestSubscribeMessage, per user and template
 * key); shop-wide settings staff may change; the shoppers' uploads, counted
 * for the daily limit.
 * Forward only: never edit once shipped; add a new file.
 *
 * One open request per order is a partial unique index, so two requests
 * racing each other cannot both be stored whatever the flow checked before.
 */
import { sql, type Kysely } from 'kysely'

/** Mirrors OPEN_AFTER_SALE_STATUSES of core/after-sale (a migration keeps its own copy: it must never change). */
const OPEN = ['requested', 'approved', 'awaiting_return', 'returned', 'refunding']

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('after_sales')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('note', 'text')
    .addColumn('images', 'text', (c) => c.notNull())
    // The lines the shopper named (JSON), null = the whole order.
    .addColumn('items', 'text')
    .addColumn('reject_reason', 'text')
    // Staff's choice at approval (0/1); null until decided.
    .addColumn('restock', 'integer')
    .addColumn('return_carrier_code', 'text')
    .addColumn('return_carrier_name', 'text')
    .addColumn('return_tracking_no', 'text')
    .addColumn('return_shipped_at', 'text')
    .addColumn('received_at', 'text')
    // What was put back (JSON lines), so a later request never restocks the same units twice.
    .addColumn('restocked_items', 'text')
    .addColumn('restocked_at', 'text')
    // The refund paying this request out (the latest, after a failed one).
    .addColumn('refund_id', 'text')
    .addColumn('auto_approved', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('after_sales_one_open')
    .on('after_sales')
    .column('order_id')
    .unique()
    .where(sql.ref('status'), 'in', sql`(${sql.join(OPEN.map((s) => sql.lit(s)))})`)
    .execute()
  await db.schema.createIndex('after_sales_order').on('after_sales').columns(['order_id', 'created_at', 'id']).execute()
  // The staff queue: by status, oldest first.
  await db.schema.createIndex('after_sales_status_created').on('after_sales').columns(['status', 'created_at', 'id']).execute()
  await db.schema.createIndex('after_sales_refund').on('after_sales').column('refund_id').execute()

  await db.schema
    .createTable('subscription_credits')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('credits', 'integer', (c) => c.notNull().check(sql`credits >= 0`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscription_credits_pk', ['user_id', 'template_key'])
    .execute()

  // One row per setting; the value is JSON text.
  await db.schema
    .createTable('shop_settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('shopper_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('shopper_uploads_user').on('shopper_uploads').columns(['user_id', 'created_at']).execute()
}
