/**
 * Hardening against abuse:
 *  - share_owners: who owns a shareId, decided by the server's clock (the
 *    first batch that announced it), so a later `share` event from someone
 *    else is refused (SHARE_ID_TAKEN) whatever its client `ts`. Filled from
 *    the events already stored with the rule the reports used until now (the
 *    first `share` event by ts, then id), so existing data keeps its owner.
 *  - rate_counters: fixed-window counters that every instance adds its
 *    in-memory counts to (POST /events limits), keyed by what is limited.
 * Forward only: add a new file for later changes.
 */
import { sql, type Kysely } from 'kysely'

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('share_owners')
    .addColumn('share_id', 'text', (c) => c.primaryKey())
    .addColumn('anon_id', 'text')
    .addColumn('shopper', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute()
  await sql`
    INSERT INTO share_owners (share_id, anon_id, shopper, claimed_at)
    SELECT e.share_id, e.anon_id, e.shopper, e.received_at FROM events e
    WHERE e.type = 'share' AND e.share_id IS NOT NULL AND NOT EXISTS (
      SELECT 1 FROM events e2
      WHERE e2.type = 'share' AND e2.share_id = e.share_id AND (e2.ts < e.ts OR (e2.ts = e.ts AND e2.id < e.id)))`.execute(db)

  await db.schema
    .createTable('rate_counters')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_counters_pk', ['key', 'window_start'])
    .execute()
  await db.schema.createIndex('rate_counters_window').on('rate_counters').column('window_start').execute()
}
