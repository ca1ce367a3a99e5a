/**
 * The retention job (docs/operations.md "Retention"), run by the jobs loop
 * at most once an hour:
 *  - raw shopper events older than EVENT_RETENTION_DAYS (counted back from
 *    the start of today, UTC+08:00) are folded into event_daily_rollups and
 *    deleted, in batches of BATCH events, each batch in one transaction (a
 *    deleted event is always in a rollup: reports over old windows keep
 *    their answers). Only the high-volume types the app sends are pruned
 *    (PRUNED_TYPES); shares, share and campaign opens and the server's
 *    order events stay: they are few, and attribution chains and the
 *    sharer report read them whole (so does the app_launch of a session
 *    with a share open, see launchesOfOpens).
 *  - expired staff and shopper sessions and preview tokens, rate-limit
 *    windows and staff login failures older than a day are deleted.
 * Idempotency keys live on their orders (one column) and go with nothing.
 */
import { sql } from 'kysely'
import type { Deps } from '../deps'
import type { Executor } from '../db/database'

export const PRUNED_TYPES = ['app_launch', 'page_view', 'content_view', 'product_view', 'add_to_cart', 'checkout_start', 'coupon_claim'] as const

const DAY_MS = 24 * 60 * 60 * 1000
/** Rollup days are calendar days of the brand (China Standard Time, no daylight saving). */
export const ROLLUP_OFFSET_MS = 8 * 60 * 60 * 1000
/** Rate counters and login failures matter for minutes; a day is plenty. */
const LIMIT_ROWS_KEEP_MS = DAY_MS

export interface RetentionOptions {
  batch?: number
  /** At most this many batches per run, so one tick never holds the jobs loop long. */
  maxBatches?: number
}

export interface RetentionReport {
  cutoff: string
  eventsPruned: number
  rollupRows: number
  purged: { staffSessions: number; shopperSessions: number; previewTokens: number; rateCounters: number; loginAttempts: number }
}

/** The day (YYYY-MM-DD, UTC+08:00) an event time falls in. */
export function rollupDay(ts: number): string {
  return new Date(ts + ROLLUP_OFFSET_MS).toISOString().slice(0, 10)
}

/** Epoch ms of 00:00 UTC+08:00 of a rollup day. */
export function rollupDayStartMs(day: string): number {
  return Date.parse(`${day}T00:00:00.000Z`) - ROLLUP_OFFSET_MS
}

/** Events before this are pruned: the start of the brand's day `days` before today. */
export function retentionCutoffMs(now: Date, days: number): number {
  return rollupDayStartMs(rollupDay(now.getTime())) - days * DAY_MS
}

/**
 * The sharer report's newUsers asks whether an opener had any event before
 * the open, the launch of that same session aside: a rollup has no session,
 * so the launch of a session with a (kept) share open stays a raw event.
 */
const launchesOfOpens = sql`AND EXISTS (
  SELECT 1 FROM events o WHERE o.shopper = events.shopper AND o.type = 'share_open' AND o.session_id = events.session_id)`

interface RawEvent {
  id: string
  type: string
  content_slug: string | null
  shopper: string
  ts: unknown
}

/**
 * The condition of the partial index events_prunable_ts, written the same way so it is used: an OR chain
 * (migration 0016; an IN list cost SQLite a temporary b-tree on every insert). PostgreSQL's index keeps
 * the IN list of migration 0011, which this chain implies.
 */
const prunable = sql`(${sql.join(
  PRUNED_TYPES.map((t) => sql`type = ${sql.lit(t)}`),
  sql` OR `
)})`

async function pruneBatch(db: Executor, cutoffMs: number, batch: number): Promise<{ events: number; rollups: number }> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<RawEvent>`
      SELECT id, type, content_slug, shopper, ts FROM events
      WHERE ${prunable} AND ts < ${cutoffMs} AND NOT (type = 'app_launch' ${launchesOfOpens})
      ORDER BY ts LIMIT ${batch}`.execute(trx.withoutPlugins())
    if (rows.length === 0) return { events: 0, rollups: 0 }
    const groups = new Map<string, { day: string; type: string; contentSlug: string; shopper: string; events: number; firstTs: number; lastTs: number }>()
    for (const r of rows) {
      const ts = Number(r.ts)
      const day = rollupDay(ts)
      const slug = r.content_slug ?? ''
      const key = JSON.stringify([day, r.type, slug, r.shopper])
      const g = groups.get(key)
      if (g) {
        g.events++
        g.firstTs = Math.min(g.firstTs, ts)
        g.lastTs = Math.max(g.lastTs, ts)
      } else groups.set(key, { day, type: r.type, contentSlug: slug, shopper: r.shopper, events: 1, firstTs: ts, lastTs: ts })
    }
    for (const g of groups.values()) {
      await trx
        .insertInto('eventDailyRollups')
        .values(g)
        .onConflict((oc) =>
          oc.columns(['day', 'type', 'contentSlug', 'shopper']).doUpdateSet({
            events: sql`event_daily_rollups.events + excluded.events`,
            firstTs: sql`CASE WHEN excluded.first_ts < event_daily_rollups.first_ts THEN excluded.first_ts ELSE event_daily_rollups.first_ts END`,
            lastTs: sql`CASE WHEN excluded.last_ts > event_daily_rollups.last_ts THEN excluded.last_ts ELSE event_daily_rollups.last_ts END`
          })
        )
        .execute()
    }
    const ids = rows.map((r) => r.id)
    const deleted = await trx.deleteFrom('events').where('id', 'in', ids).executeTakeFirst()
    return { events: Number(deleted.numDeletedRows), rollups: groups.size }
  })
}

export async function runRetention(deps: Deps, opts: RetentionOptions = {}): Promise<RetentionReport> {
  const batch = opts.batch ?? 500
  const maxBatches = opts.maxBatches ?? 40
  const now = deps.clock.now()
  const cutoffMs = retentionCutoffMs(now, deps.config.ops.eventRetentionDays)
  let eventsPruned = 0
  let rollupRows = 0
  let batches = 0
  while (batches < maxBatches) {
    const r = await pruneBatch(deps.db, cutoffMs, batch)
    batches++
    eventsPruned += r.events
    rollupRows += r.rollups
    if (r.events < batch) break
  }
  const nowIso = now.toISOString()
  const limitsBefore = now.getTime() - LIMIT_ROWS_KEEP_MS
  const n = (r: { numDeletedRows: bigint }) => Number(r.numDeletedRows)
  const purged = {
    staffSessions: n(await deps.db.deleteFrom('staffSessions').where('expiresAt', '<', nowIso).executeTakeFirst()),
    shopperSessions: n(await deps.db.deleteFrom('shopperSessions').where('expiresAt', '<', nowIso).executeTakeFirst()),
    previewTokens: n(await deps.db.deleteFrom('previewTokens').where('expiresAt', '<', nowIso).executeTakeFirst()),
    rateCounters: n(await deps.db.deleteFrom('rateCounters').where('windowStart', '<', limitsBefore).executeTakeFirst()),
    loginAttempts: n(await deps.db.deleteFrom('loginAttempts').where('at', '<', new Date(limitsBefore).toISOString()).executeTakeFirst())
  }
  return { cutoff: new Date(cutoffMs).toISOString(), eventsPruned, rollupRows, purged }
}
