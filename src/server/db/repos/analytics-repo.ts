/**
 * The reports' reads over events (and orders, for what was bought). Every
 * query groups by `events.shopper` (the bound user, else the anon id), so a
 * shopper on several devices counts once without a join per row, and each
 * runs on one of the partial indexes of migrations 0005–0007, which SQLite
 * uses only when the event type is written as a literal (sql.lit or SQL
 * text), never as a bound parameter. One SQL text serves SQLite and
 * PostgreSQL; counts and bigint times come back as strings from pg, hence
 * Number(). Bulk reads run without the camelCase plugin (no per-row key mapping).
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
  if (await hasRollups(db, w, steps)) return funnelCountsWithRollups(db, w, steps, slug)
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

/**
 * Whether events of these types were pruned into rollups (migration 0011,
 * the retention job) inside the window: only then do the reports read the
 * slower union of events and rollups. A rollup row belongs to the window
 * its first event falls in; windows on whole days (UTC+08:00) are exact.
 */
export async function hasRollups(db: Executor, w: Window, types: readonly string[]): Promise<boolean> {
  const { rows } = await sql<{ one: unknown }>`
    SELECT 1 AS one FROM event_daily_rollups
    WHERE type IN (${sql.join(types.map((t) => sql.lit(t)))}) AND first_ts >= ${w.fromMs} AND first_ts < ${w.toMs}
    LIMIT 1`.execute(db)
  return rows.length > 0
}

/**
 * The funnel over kept events and rollups of pruned ones. A raw event is a
 * row whose first and last ts are its ts, which gives exactly funnelCounts'
 * answer; a rollup row says a shopper did that step between its first and
 * last ts of that day: a later step counts when its last ts is at or after
 * the previous step, at its first ts or the previous step's time, whichever is later.
 */
async function funnelCountsWithRollups(db: Executor, w: Window, steps: readonly string[], slug?: string): Promise<number[]> {
  const types = sql.join(steps.map((t) => sql.lit(t)))
  const ctes = [
    sql`src AS MATERIALIZED (
      SELECT shopper, type, content_slug, ts AS first_ts, ts AS last_ts FROM events
      WHERE type IN (${types}) AND ts >= ${w.fromMs} AND ts < ${w.toMs}
      UNION ALL
      SELECT shopper, type, NULLIF(content_slug, '') AS content_slug, first_ts, last_ts FROM event_daily_rollups
      WHERE type IN (${types}) AND first_ts >= ${w.fromMs} AND first_ts < ${w.toMs})`,
    sql`s0 AS MATERIALIZED (
      SELECT shopper AS k, MIN(first_ts) AS t FROM src
      WHERE type = ${sql.lit(steps[0])} ${slug === undefined ? sql`` : sql`AND content_slug = ${slug}`}
      GROUP BY shopper)`
  ]
  steps.slice(1).forEach((type, i) => {
    ctes.push(sql`${sql.table(`s${i + 1}`)} AS MATERIALIZED (
      SELECT p.k AS k, (
        SELECT MIN(CASE WHEN x.first_ts >= p.t THEN x.first_ts ELSE p.t END) FROM src x
        WHERE x.type = ${sql.lit(type)} AND x.shopper = p.k AND x.last_ts >= p.t
      ) AS t
      FROM ${sql.table(`s${i}`)} p WHERE p.t IS NOT NULL)`)
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
  if (await hasRollups(db, w, [type])) {
    // Raw events still kept and the rollups of pruned ones (retention): disjoint, so counts add up
    // and distinct shoppers stay distinct across both.
    const { rows } = await sql<{ slug: string; events: unknown; shoppers: unknown }>`
      SELECT slug, SUM(n) AS events, COUNT(DISTINCT shopper) AS shoppers FROM (
        SELECT content_slug AS slug, 1 AS n, shopper FROM events
        WHERE type = ${sql.lit(type)} AND content_slug IS NOT NULL AND ts >= ${w.fromMs} AND ts < ${w.toMs}
        UNION ALL
        SELECT content_slug AS slug, events AS n, shopper FROM event_daily_rollups
        WHERE type = ${sql.lit(type)} AND content_slug <> '' AND first_ts >= ${w.fromMs} AND first_ts < ${w.toMs}
      ) u GROUP BY slug`.execute(db)
    return rows.map((r) => ({ slug: r.slug, events: n(r.events), shoppers: n(r.shoppers) }))
  }
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
 * and page. Reads all of history: no report calls it any more (they read
 * share_facts, migration 0015); kept for tests that check the facts against it.
 */
export async function allShares(
  db: Executor
): Promise<Array<{ shareId: string; sharer: string; parentShareId: string | null; slug: string | null; ts: number }>> {
  // The literal type matches the partial index events_shares (migration 0005).
  const { rows } = await sql<{ share_id: string; shopper: string; parent_share_id: string | null; content_slug: string | null; ts: unknown }>`
    SELECT share_id, shopper, parent_share_id, content_slug, ts FROM events
    WHERE type = 'share' ORDER BY ts, id`.execute(db.withoutPlugins())
  return rows.map((r) => ({ shareId: r.share_id, sharer: r.shopper, parentShareId: r.parent_share_id, slug: r.content_slug, ts: n(r.ts) }))
}

/**
 * Per sharer with a `share` event in the window: how many, and the
 * greatest subtree depth among those events that are the share of their id
 * (share_facts.event_id; a later event reusing an id has no depth of its
 * own). Reads the window on the partial index events_shares (ts, …) and one
 * primary-key lookup in share_facts per event. (Grouping share_facts by
 * sharer instead made SQLite scan the sharer index: all of history.)
 */
export async function sharesBySharer(db: Executor, w: Window): Promise<Array<{ sharer: string; shares: number; maxDepth: number }>> {
  const { rows } = await sql<{ sharer: string; shares: unknown; max_depth: unknown }>`
    SELECT e.shopper AS sharer, COUNT(*) AS shares, COALESCE(MAX(f.subtree_depth), 0) AS max_depth
    FROM events e LEFT JOIN share_facts f ON f.share_id = e.share_id AND f.event_id = e.id
    WHERE e.type = 'share' AND e.ts >= ${w.fromMs} AND e.ts < ${w.toMs}
    GROUP BY e.shopper`.execute(db.withoutPlugins())
  return rows.map((r) => ({ sharer: r.sharer, shares: n(r.shares), maxDepth: n(r.max_depth) }))
}

/**
 * `s` joined as the share an event names: its row in share_facts (the first
 * `share` event of that id; a later event reusing the id is ignored, as
 * attribution ignores it), one primary-key lookup. Columns: s.sharer,
 * s.content_slug, s.parent_share_id, s.depth.
 */
export function firstShareOf(shareIdColumn: string) {
  return sql`JOIN share_facts s ON s.share_id = ${sql.ref(shareIdColumn)}`
}

const opensOfOthers = (w: Window) => sql`
  FROM events o ${firstShareOf('o.share_id')}
  WHERE o.type = 'share_open' AND o.ts >= ${w.fromMs} AND o.ts < ${w.toMs} AND s.sharer <> o.shopper`

/** Per page: share_open events in the window on the page's shares, by shoppers other than the sharer. */
export async function shareOpensByPage(db: Executor, w: Window): Promise<Array<{ slug: string; opens: number }>> {
  const { rows } = await sql<{ slug: string; opens: unknown }>`
    SELECT s.content_slug AS slug, COUNT(*) AS opens ${opensOfOthers(w)} AND s.content_slug IS NOT NULL
    GROUP BY s.content_slug`.execute(db)
  return rows.map((r) => ({ slug: r.slug, opens: n(r.opens) }))
}

/**
 * Per sharer: the distinct other shoppers who opened one of their shares in
 * the window, and those of them whose first event ever was that open.
 * NOTE: the app records `app_launch` just before the `share_open` of the
 * same launch, so a launch event of the same session does not count as an
 * earlier event. Reads the covering history index (migration 0007).
 * `loggedInOpens`: those openers who are a logged-in shopper (their events
 * are keyed by a user id), which made-up anonymous ids can never inflate.
 */
export async function opensBySharer(
  db: Executor,
  w: Window
): Promise<Array<{ sharer: string; opens: number; loggedInOpens: number; newUsers: number }>> {
  const { rows } = await sql<{ sharer: string; opens: unknown; logged_in_opens: unknown; new_users: unknown }>`
    SELECT s.sharer AS sharer, COUNT(DISTINCT o.shopper) AS opens,
      COUNT(DISTINCT CASE WHEN EXISTS (SELECT 1 FROM users u WHERE u.id = o.shopper) THEN o.shopper END) AS logged_in_opens,
      COUNT(DISTINCT CASE WHEN NOT EXISTS (
        SELECT 1 FROM events x
        WHERE x.shopper = o.shopper AND x.ts < o.ts
          AND NOT (x.type = 'app_launch' AND x.session_id = o.session_id)
      ) AND NOT EXISTS (
        SELECT 1 FROM event_daily_rollups r WHERE r.shopper = o.shopper AND r.first_ts < o.ts
      ) THEN o.shopper END) AS new_users
    ${opensOfOthers(w)}
    GROUP BY s.sharer`.execute(db.withoutPlugins())
  return rows.map((r) => ({ sharer: r.sharer, opens: n(r.opens), loggedInOpens: n(r.logged_in_opens), newUsers: n(r.new_users) }))
}
