/**
 * The reports' reads over events (and orders, for what was bought). Every
 * query groups by `events.shopper` (the bound user, else the anon id), so a
 * shopper on several devices counts once without a join per row, and each
 * runs on one of the partial indexes of migrations 0005–0006, which SQLite
 * uses only when the event type is written as a literal (sql.lit), never as
 * a bound parameter. One SQL text serves SQLite and
 * PostgreSQL; counts and bigint times come back as strings from pg, hence Number().
 * A window is [fromMs, toMs) on event ts, [fromIso, toIso) on order times.
 */
import { sql } from 'kysely'
import type { Executor } from '../database'

export interface Window {
  fromMs: number
  toMs: number
  fromIso: string
  toIso: string
}

const n = (v: unknown): number => Number(v ?? 0)

/**
 * Funnel: per shopper, the first content_view in the window (of `slug` when
 * given), then the first add_to_cart at or after it, and so on; a step counts
 * the shoppers who reached it. Later steps are index seeks per shopper on
 * the step type's (shopper, ts) index, only for shoppers who made the step before.
 */
export async function funnelCounts(db: Executor, w: Window, steps: readonly string[], slug?: string): Promise<number[]> {
  const [first, ...rest] = steps
  if (!first) return []
  // Each step is a MATERIALIZED CTE (both dialects): inlined, every reference
  // to the previous step's time would re-run its subquery.
  const ctes = [
    sql`s0 AS MATERIALIZED (
      SELECT shopper AS k, MIN(ts) AS t FROM events
      WHERE type = ${sql.lit(first)} AND ts >= ${w.fromMs} AND ts < ${w.toMs}
      ${slug === undefined ? sql`` : sql`AND content_slug = ${slug}`}
      GROUP BY shopper)`
  ]
  rest.forEach((type, i) => {
    const prev = sql.table(`s${i}`)
    ctes.push(sql`${sql.table(`s${i + 1}`)} AS MATERIALIZED (
      SELECT p.k AS k, (
        SELECT MIN(e.ts) FROM events e
        WHERE e.type = ${sql.lit(type)} AND e.shopper = p.k AND e.ts >= p.t AND e.ts < ${w.toMs}
      ) AS t
      FROM ${prev} p WHERE p.t IS NOT NULL)`)
  })
  const counts = steps.map((_, i) => sql`(SELECT COUNT(t) FROM ${sql.table(`s${i}`)}) AS ${sql.ref(`c${i}`)}`)
  const { rows } = await sql<Record<string, unknown>>`WITH ${sql.join(ctes)} SELECT ${sql.join(counts)}`.execute(db)
  const row = rows[0] ?? {}
  return steps.map((_, i) => n(row[`c${i}`]))
}

/** Per page: events of one page-carrying type in the window, and distinct shoppers behind them. */
export async function contentEventCounts(
  db: Executor,
  w: Window,
  type: 'content_view' | 'share' | 'add_to_cart'
): Promise<Array<{ slug: string; events: number; shoppers: number }>> {
  const { rows } = await sql<{ slug: string; events: unknown; shoppers: unknown }>`
    SELECT content_slug AS slug, COUNT(*) AS events, COUNT(DISTINCT shopper) AS shoppers
    FROM events
    WHERE type = ${sql.lit(type)} AND content_slug IS NOT NULL AND ts >= ${w.fromMs} AND ts < ${w.toMs}
    GROUP BY content_slug`.execute(db)
  return rows.map((r) => ({ slug: r.slug, events: n(r.events), shoppers: n(r.shoppers) }))
}

/**
 * Every `share` event, oldest first (the first event of a share id is the
 * share; a later one reusing the id is ignored by callers): sharer, parent
 * and page, for chains and depths. Shares are a small fraction of events.
 */
export async function allShares(
  db: Executor
): Promise<Array<{ shareId: string; sharer: string; parentShareId: string | null; slug: string | null; ts: number }>> {
  // The literal type matches the partial index events_shares (migration 0005).
  const { rows } = await sql<{ shareId: string; shopper: string; parentShareId: string | null; contentSlug: string | null; ts: unknown }>`
    SELECT share_id, shopper, parent_share_id, content_slug, ts FROM events
    WHERE type = 'share' ORDER BY ts, id`.execute(db)
  return rows.map((r) => ({ shareId: r.shareId, sharer: r.shopper, parentShareId: r.parentShareId, slug: r.contentSlug, ts: n(r.ts) }))
}

/**
 * share_open events in the window; with `withFirst`, also whether the open
 * was the opener's first event ever. NOTE: the app records `app_launch`
 * just before the `share_open` of the same launch, so a launch event of the
 * same session does not count as an earlier event.
 */
export async function opensInWindow(
  db: Executor,
  w: Window,
  opts: { withFirst: boolean }
): Promise<Array<{ shareId: string; opener: string; first: boolean }>> {
  const first = opts.withFirst
    ? sql`CASE WHEN EXISTS (
        SELECT 1 FROM events x
        WHERE x.shopper = o.shopper AND x.ts < o.ts
          AND NOT (x.type = 'app_launch' AND x.session_id = o.session_id)
      ) THEN 0 ELSE 1 END`
    : sql`0`
  const { rows } = await sql<{ shareId: string; opener: string; first: unknown }>`
    SELECT o.share_id AS share_id, o.shopper AS opener, ${first} AS first
    FROM events o
    WHERE o.type = 'share_open' AND o.ts >= ${w.fromMs} AND o.ts < ${w.toMs}`.execute(db) // partial index events_share_opens
  return rows.map((r) => ({ shareId: r.shareId, opener: r.opener, first: n(r.first) === 1 }))
}
