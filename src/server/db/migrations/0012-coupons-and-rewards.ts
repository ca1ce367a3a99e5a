/**
 * Coupons and sharer rewards:
 *  - coupons: templates staff define (amount off with a minimum spend, or
 *    percent off with a cap; products as JSON text, null = every product);
 *    `claimed` counts claims and is raised by a conditional UPDATE, so
 *    concurrent claims never pass `total`.
 *  - user_coupons: a shopper's coupons. `seq` numbers one shopper's claims
 *    of one template (1..per_user) and is unique with them, so per_user
 *    holds whatever races. order_id holds the order that locked it (unpaid)
 *    or used it (used_at set once paid); a closed order frees it again.
 *  - reward_rules / reward_ledger: which coupon a sharer earns when an
 *    order attributed to their share completes; the ledger keeps every
 *    grant and void with its order (one grant and one void per order at most).
 *  - orders gain discount_fen, payable_fen (what WeChat Pay charges; filled
 *    with total_fen for older orders), the coupon used and its title.
 * Forward only: add a new file for later changes.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coupons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_off_fen', 'integer')
    .addColumn('percent_off', 'integer')
    .addColumn('max_off_fen', 'integer')
    .addColumn('min_spend_fen', 'integer', (c) => c.notNull())
    .addColumn('product_ids', 'text')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('valid_days', 'integer')
    .addColumn('total', 'integer')
    .addColumn('per_user', 'integer', (c) => c.notNull())
    .addColumn('claimed', 'integer', (c) => c.notNull().defaultTo(0).check(sql`claimed >= 0`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('coupons_total', sql`total IS NULL OR claimed <= total`)
    .execute()
  await db.schema.createIndex('coupons_created').on('coupons').columns(['created_at', 'id']).execute()

  await db.schema
    .createTable('user_coupons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coupon_id', 'text', (c) => c.notNull().references('coupons.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // 'claim' (counts toward per_user) or 'reward' (granted to a sharer).
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('used_at', 'text')
    .addColumn('voided_at', 'text')
    .execute()
  await db.schema.createIndex('user_coupons_claim_seq').on('user_coupons').columns(['coupon_id', 'user_id', 'source', 'seq']).unique().execute()
  await db.schema.createIndex('user_coupons_user').on('user_coupons').columns(['user_id', 'expires_at']).execute()
  await db.schema.createIndex('user_coupons_order').on('user_coupons').column('order_id').execute()

  await db.schema
    .createTable('reward_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null = every page.
    .addColumn('content_slug', 'text')
    .addColumn('coupon_id', 'text', (c) => c.notNull().references('coupons.id'))
    .addColumn('min_paid_fen', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('reward_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    // 'grant' or 'void'.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sharer_user_id', 'text', (c) => c.notNull())
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('coupon_id', 'text', (c) => c.notNull())
    .addColumn('user_coupon_id', 'text', (c) => c.notNull())
    .addColumn('share_id', 'text')
    .addColumn('content_slug', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('reward_ledger_once').on('reward_ledger').columns(['order_id', 'kind']).unique().execute()
  await db.schema.createIndex('reward_ledger_sharer').on('reward_ledger').columns(['sharer_user_id', 'at']).execute()

  await db.schema.alterTable('orders').addColumn('discount_fen', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('orders').addColumn('payable_fen', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('orders').addColumn('coupon_id', 'text').execute()
  await db.schema.alterTable('orders').addColumn('coupon_title', 'text').execute()
  await sql`UPDATE orders SET payable_fen = total_fen`.execute(db)
}
