/**
 * Reach beyond the chat (issue 15):
 *  - campaigns: a link and code a brand posts on Weibo, in SMS, e-mail or
 *    print, for a page or a product, with the channel staff chose. The URL
 *    Link (30 days at most) and the encrypted scheme are kept with their
 *    expiry and renewed before it; short_link is null when WeChat refused one.
 *  - reach_codes: mini-program code PNGs (getwxacodeunlimit) by scene and
 *    page, base64 text so both dialects store them alike; made once, served
 *    from here after.
 *  - share_owners gain what a server-issued share points at (page or
 *    product), its channel and parent, and `issued` (1: POST /api/v1/shares).
 *  - events gain campaign_code (campaign_open), with a partial index for
 *    attribution's read of one shopper's campaign opens.
 *  - orders gain attr_channel and attr_campaign_code: the channel of the
 *    last touch and the campaign when it was one.
 *  - users gain name and avatar_url (WeChat's nickname and avatar fill-in).
 * Forward only: add a new file for later changes.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('content_slug', 'text')
    .addColumn('product_id', 'text')
    .addColumn('url_link', 'text', (c) => c.notNull())
    .addColumn('url_link_expires_at', 'text', (c) => c.notNull())
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('scheme_expires_at', 'text', (c) => c.notNull())
    .addColumn('short_link', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('campaigns_created').on('campaigns').columns(['created_at', 'id']).execute()
  await db.schema.createIndex('campaigns_link_expiry').on('campaigns').column('url_link_expires_at').execute()

  await db.schema
    .createTable('reach_codes')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('png_base64', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema.alterTable('share_owners').addColumn('content_slug', 'text').execute()
  await db.schema.alterTable('share_owners').addColumn('product_id', 'text').execute()
  await db.schema.alterTable('share_owners').addColumn('channel', 'text').execute()
  await db.schema.alterTable('share_owners').addColumn('parent_share_id', 'text').execute()
  await db.schema.alterTable('share_owners').addColumn('issued', 'integer', (c) => c.notNull().defaultTo(0)).execute()

  await db.schema.alterTable('events').addColumn('campaign_code', 'text').execute()
  await sql`CREATE INDEX events_campaign_opens ON events (shopper, ts) WHERE type = 'campaign_open'`.execute(db)
  await sql`CREATE INDEX events_campaign_code ON events (campaign_code, ts) WHERE campaign_code IS NOT NULL`.execute(db)

  await db.schema.alterTable('orders').addColumn('attr_channel', 'text').execute()
  await db.schema.alterTable('orders').addColumn('attr_campaign_code', 'text').execute()

  await db.schema.alterTable('users').addColumn('name', 'text').execute()
  await db.schema.alterTable('users').addColumn('avatar_url', 'text').execute()
}
