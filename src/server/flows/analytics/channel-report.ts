/**
 * GET /api/admin/analytics/channels (docs/api.md "Report definitions"):
 * one row per channel and campaign with anything in the window.
 *   opens       distinct shoppers with a share_open (of someone else's
 *               share) or a campaign_open (of a campaign that exists) in
 *               the window; a share open's channel comes from its scene
 *               (open-channel.ts), a campaign's from the campaigns table
 *   newUsers    those of them whose first event ever was that open (the
 *               app_launch of the same session aside, as the sharer report)
 *   addToCarts  add_to_cart events in the window after an open in the same
 *               session, counted for the last such open
 *   orders …    orders created in the window by the channel and campaign
 *               they were attributed to (orders.attr_channel, or the
 *               attributed share's channel for orders made before them;
 *               `none`: no touch); paid ones with their totals, refunds,
 *               discounts, and sharer rewards kept
 * With contentSlug: opens of shares and campaigns of that page, and orders
 * attributed to it.
 */
import { sql } from 'kysely'
import type { ChannelReportRow } from '@core/contract/rewards'
import type { Executor } from '../../db/database'
import type { Window } from '../../db/repos/analytics-repo'
import { findShares } from '../../db/repos/event-repo'
import { findShareOwners } from '../../db/repos/share-owner-repo'
import { shareOpenChannel } from '../reach/open-channel'
import { PAID_STATUSES } from './paid-statuses'

const n = (v: unknown): number => Number(v ?? 0)

interface Open {
  shopper: string
  anonId: string | null
  sessionId: string | null
  ts: number
  id: string
  isNew: boolean
  channel: string
  campaignCode: string | null
  slug: string | null
}

/** An open's shopper had no earlier event (the same session's app_launch aside) and no earlier rollup. */
const isNewSql = sql`CASE WHEN NOT EXISTS (
    SELECT 1 FROM events x
    WHERE x.shopper = o.shopper AND x.ts < o.ts AND NOT (x.type = 'app_launch' AND x.session_id = o.session_id)
  ) AND NOT EXISTS (
    SELECT 1 FROM event_daily_rollups r WHERE r.shopper = o.shopper AND r.first_ts < o.ts
  ) THEN 1 ELSE 0 END`

type OpenRow = { id: string; shopper: string; anon_id: string | null; session_id: string | null; ts: unknown; scene: unknown; channel: string | null; share_id: string | null; is_new: unknown }

async function shareOpens(db: Executor, w: Window): Promise<Open[]> {
  const { rows } = await sql<OpenRow>`
    SELECT o.id, o.shopper, o.anon_id, o.session_id, o.ts, o.scene, o.channel, o.share_id, ${isNewSql} AS is_new
    FROM events o WHERE o.type = 'share_open' AND o.ts >= ${w.fromMs} AND o.ts < ${w.toMs} AND o.share_id IS NOT NULL`.execute(db.withoutPlugins())
  if (rows.length === 0) return []
  const ids = [...new Set(rows.map((r) => r.share_id!))]
  const owners = await findShareOwners(db, ids)
  const firstShare = new Map<string, { shopper: string; anonId: string | null; contentSlug: string | null }>()
  for (const s of await findShares(db, ids)) if (!firstShare.has(s.shareId)) firstShare.set(s.shareId, s)
  return rows.flatMap((r) => {
    const owner = owners.get(r.share_id!)
    const share = firstShare.get(r.share_id!)
    if (!owner && !share) return []
    const own =
      owner?.shopper === r.shopper || (owner?.anonId && owner.anonId === r.anon_id) || share?.shopper === r.shopper || (share?.anonId && share.anonId === r.anon_id)
    if (own) return []
    return [
      {
        shopper: r.shopper,
        anonId: r.anon_id,
        sessionId: r.session_id,
        ts: n(r.ts),
        id: r.id,
        isNew: n(r.is_new) === 1,
        channel: shareOpenChannel(r.scene === null ? null : n(r.scene), r.channel),
        campaignCode: null,
        slug: owner?.contentSlug ?? share?.contentSlug ?? null
      }
    ]
  })
}

async function campaignOpens(db: Executor, w: Window): Promise<Open[]> {
  const { rows } = await sql<OpenRow & { code: string; campaign_channel: string; slug: string | null }>`
    SELECT o.id, o.shopper, o.anon_id, o.session_id, o.ts, o.scene, o.channel, o.share_id, ${isNewSql} AS is_new,
      c.code, c.channel AS campaign_channel, c.content_slug AS slug
    FROM events o JOIN campaigns c ON c.code = o.campaign_code
    WHERE o.type = 'campaign_open' AND o.ts >= ${w.fromMs} AND o.ts < ${w.toMs}`.execute(db.withoutPlugins())
  return rows.map((r) => ({
    shopper: r.shopper,
    anonId: r.anon_id,
    sessionId: r.session_id,
    ts: n(r.ts),
    id: r.id,
    isNew: n(r.is_new) === 1,
    channel: r.campaign_channel,
    campaignCode: r.code,
    slug: r.slug
  }))
}

/** add_to_cart events in the window in a session that had an open before them. */
async function addToCartsAfterOpens(db: Executor, w: Window): Promise<Array<{ shopper: string; sessionId: string; ts: number; id: string }>> {
  const { rows } = await sql<{ shopper: string; session_id: string; ts: unknown; id: string }>`
    SELECT e.shopper, e.session_id, e.ts, e.id FROM events e
    WHERE e.type = 'add_to_cart' AND e.ts >= ${w.fromMs} AND e.ts < ${w.toMs} AND e.session_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM events o WHERE o.type IN ('share_open', 'campaign_open') AND o.session_id = e.session_id
        AND o.shopper = e.shopper AND o.ts <= e.ts AND o.ts >= ${w.fromMs})`.execute(db.withoutPlugins())
  return rows.map((r) => ({ shopper: r.shopper, sessionId: r.session_id, ts: n(r.ts), id: r.id }))
}

interface OrderGroup {
  channel: string
  campaignCode: string | null
  orders: number
  paidOrders: number
  paidFen: number
  refundedFen: number
  discountFen: number
  rewardsGranted: number
}

async function ordersByChannel(db: Executor, w: Window, contentSlug?: string): Promise<OrderGroup[]> {
  const paid = sql`o.status IN (${sql.join(PAID_STATUSES.map((s) => sql`${s}`))})`
  const bySlug = contentSlug === undefined ? sql`` : sql`AND o.attr_content_slug = ${contentSlug}`
  const { rows } = await sql<{ channel: string | null; campaign_code: string | null; orders: unknown; paid_orders: unknown; paid_fen: unknown; refunded_fen: unknown; discount_fen: unknown; rewards: unknown }>`
    SELECT COALESCE(o.attr_channel, s.channel) AS channel, o.attr_campaign_code AS campaign_code, COUNT(*) AS orders,
      SUM(CASE WHEN ${paid} THEN 1 ELSE 0 END) AS paid_orders,
      SUM(CASE WHEN ${paid} THEN o.payable_fen ELSE 0 END) AS paid_fen,
      SUM(CASE WHEN ${paid} THEN o.refunded_fen ELSE 0 END) AS refunded_fen,
      SUM(CASE WHEN ${paid} THEN o.discount_fen ELSE 0 END) AS discount_fen,
      SUM(CASE WHEN EXISTS (SELECT 1 FROM reward_ledger g WHERE g.order_id = o.id AND g.kind = 'grant')
        AND NOT EXISTS (SELECT 1 FROM reward_ledger v WHERE v.order_id = o.id AND v.kind = 'void') THEN 1 ELSE 0 END) AS rewards
    FROM orders o LEFT JOIN events s ON o.attr_channel IS NULL AND s.type = 'share' AND s.share_id = o.attr_share_id
      AND NOT EXISTS (
        SELECT 1 FROM events s2
        WHERE s2.type = 'share' AND s2.share_id = s.share_id AND (s2.ts < s.ts OR (s2.ts = s.ts AND s2.id < s.id)))
    WHERE o.created_at >= ${w.fromIso} AND o.created_at < ${w.toIso} ${bySlug}
    GROUP BY COALESCE(o.attr_channel, s.channel), o.attr_campaign_code`.execute(db.withoutPlugins())
  return rows.map((r) => ({
    channel: r.channel ?? 'none',
    campaignCode: r.campaign_code,
    orders: n(r.orders),
    paidOrders: n(r.paid_orders),
    paidFen: n(r.paid_fen),
    refundedFen: n(r.refunded_fen),
    discountFen: n(r.discount_fen),
    rewardsGranted: n(r.rewards)
  }))
}

export async function channelRows(db: Executor, w: Window, opts: { contentSlug?: string } = {}): Promise<ChannelReportRow[]> {
  const rows = new Map<string, ChannelReportRow & { openers: Set<string>; newOpeners: Set<string> }>()
  const row = (channel: string, campaignCode: string | null) => {
    const key = `${channel}\u0000${campaignCode ?? ''}`
    let r = rows.get(key)
    if (!r) {
      r = {
        channel,
        ...(campaignCode ? { campaignCode } : {}),
        opens: 0, newUsers: 0, addToCarts: 0, orders: 0, paidOrders: 0, paidFen: 0, refundedFen: 0, netPaidFen: 0, discountFen: 0, rewardsGranted: 0,
        openers: new Set(),
        newOpeners: new Set()
      }
      rows.set(key, r)
    }
    return r
  }

  const opens = [...(await shareOpens(db, w)), ...(await campaignOpens(db, w))]
    .filter((o) => opts.contentSlug === undefined || o.slug === opts.contentSlug)
    .sort((a, b) => a.ts - b.ts || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const bySession = new Map<string, Open[]>()
  for (const o of opens) {
    const r = row(o.channel, o.campaignCode)
    r.openers.add(o.shopper)
    if (o.isNew) r.newOpeners.add(o.shopper)
    if (o.sessionId) {
      const key = `${o.shopper}\u0000${o.sessionId}`
      bySession.set(key, [...(bySession.get(key) ?? []), o])
    }
  }
  if (bySession.size > 0) {
    for (const a of await addToCartsAfterOpens(db, w)) {
      const last = (bySession.get(`${a.shopper}\u0000${a.sessionId}`) ?? []).filter((o) => o.ts <= a.ts).pop()
      if (last) row(last.channel, last.campaignCode).addToCarts++
    }
  }
  for (const g of await ordersByChannel(db, w, opts.contentSlug)) {
    const r = row(g.channel, g.campaignCode)
    r.orders += g.orders
    r.paidOrders += g.paidOrders
    r.paidFen += g.paidFen
    r.refundedFen += g.refundedFen
    r.discountFen += g.discountFen
    r.rewardsGranted += g.rewardsGranted
  }

  const codes = [...new Set([...rows.values()].flatMap((r) => (r.campaignCode ? [r.campaignCode] : [])))]
  const names = new Map<string, string>()
  if (codes.length > 0) for (const c of await db.selectFrom('campaigns').select(['code', 'name']).where('code', 'in', codes).execute()) names.set(c.code, c.name)

  return [...rows.values()]
    .map(({ openers, newOpeners, ...r }) => ({
      ...r,
      ...(r.campaignCode && names.has(r.campaignCode) ? { campaignName: names.get(r.campaignCode) } : {}),
      opens: openers.size,
      newUsers: newOpeners.size,
      netPaidFen: r.paidFen - r.refundedFen
    }))
    .sort(
      (a, b) =>
        b.paidFen - a.paidFen ||
        b.opens - a.opens ||
        (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0) ||
        ((a.campaignCode ?? '') < (b.campaignCode ?? '') ? -1 : (a.campaignCode ?? '') > (b.campaignCode ?? '') ? 1 : 0)
    )
}
