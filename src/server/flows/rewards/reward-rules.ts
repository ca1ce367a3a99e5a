/** Reward rules (admins), the ledger, and a shopper's own shares (我的分享). */
import type { MySharesResponse, RewardLedgerEntry, RewardRuleDto, RewardRuleInput } from '@core/contract/rewards'
import { err, ok, type Result } from '@core/result'
import { sql } from 'kysely'
import { findCoupon } from '../../db/repos/coupon-repo'
import { insertRewardRule, ledgerOfSharer, listLedger, listRewardRules, type RewardLedgerRow } from '../../db/repos/reward-repo'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { recordAudit } from '../audit/record-audit'
import { PAID_STATUSES } from '../analytics/paid-statuses'

export async function createRewardRule(deps: Deps, staffId: string, input: RewardRuleInput): Promise<Result<RewardRuleDto>> {
  const coupon = await findCoupon(deps.db, input.couponId)
  if (!coupon) return err('COUPON_NOT_FOUND', `No coupon ${input.couponId}`)
  const now = deps.clock.now()
  const row = {
    id: newId('rwr'),
    contentSlug: input.contentSlug ?? null,
    couponId: coupon.id,
    minPaidFen: input.minPaidFen,
    active: 1,
    createdBy: staffId,
    createdAt: now.toISOString()
  }
  await deps.db.transaction().execute(async (trx) => {
    await insertRewardRule(trx, row)
    await recordAudit(trx, now, staffId, 'reward_rule.create', { type: 'reward_rule', id: row.id }, { couponId: coupon.id, contentSlug: row.contentSlug })
  })
  return ok({ id: row.id, contentSlug: row.contentSlug, couponId: row.couponId, couponTitle: coupon.title, minPaidFen: row.minPaidFen, active: true, createdAt: row.createdAt })
}

export async function listRewardRuleDtos(deps: Deps): Promise<RewardRuleDto[]> {
  return (await listRewardRules(deps.db)).map((r) => ({
    id: r.id,
    contentSlug: r.contentSlug,
    couponId: r.couponId,
    couponTitle: r.couponTitle,
    minPaidFen: r.minPaidFen,
    active: r.active === 1,
    createdAt: r.createdAt
  }))
}

function ledgerDto(l: RewardLedgerRow): RewardLedgerEntry {
  return {
    id: l.id,
    orderId: l.orderId,
    kind: l.kind === 'void' ? 'void' : 'grant',
    sharerId: l.sharerUserId,
    ruleId: l.ruleId,
    couponId: l.couponId,
    userCouponId: l.userCouponId,
    shareId: l.shareId,
    contentSlug: l.contentSlug,
    at: l.at
  }
}

export async function rewardLedger(deps: Deps): Promise<RewardLedgerEntry[]> {
  return (await listLedger(deps.db, 500)).map(ledgerDto)
}

const n = (v: unknown): number => Number(v ?? 0)

/** The shopper's shares (their `share` events), newest first, with opens by others, paid orders and rewards kept. */
export async function myShares(deps: Deps, userId: string): Promise<MySharesResponse> {
  const db = deps.db.withoutPlugins()
  const { rows: shares } = await sql<{ share_id: string; content_slug: string | null; product_id: string | null; channel: string | null; ts: unknown }>`
    SELECT e.share_id, e.content_slug, e.product_id, e.channel, e.ts FROM events e
    JOIN share_owners so ON so.share_id = e.share_id AND so.shopper = ${userId}
    WHERE e.type = 'share' AND e.shopper = ${userId}
    ORDER BY e.ts DESC LIMIT 200`.execute(db)
  const ids = [...new Set(shares.map((s) => s.share_id))]
  const opens = new Map<string, number>()
  const orders = new Map<string, number>()
  if (ids.length > 0) {
    const list = sql.join(ids.map((i) => sql`${i}`))
    const { rows: o } = await sql<{ share_id: string; n: unknown }>`
      SELECT share_id, COUNT(DISTINCT shopper) AS n FROM events
      WHERE type = 'share_open' AND share_id IN (${list}) AND shopper <> ${userId} GROUP BY share_id`.execute(db)
    for (const r of o) opens.set(r.share_id, n(r.n))
    const { rows: p } = await sql<{ attr_share_id: string; n: unknown }>`
      SELECT attr_share_id, COUNT(*) AS n FROM orders
      WHERE attr_share_id IN (${list}) AND user_id <> ${userId} AND status IN (${sql.join(PAID_STATUSES.map((s) => sql`${s}`))})
      GROUP BY attr_share_id`.execute(db)
    for (const r of p) orders.set(r.attr_share_id, n(r.n))
  }
  const ledger = await ledgerOfSharer(deps.db, userId)
  const voided = new Set(ledger.filter((l) => l.kind === 'void').map((l) => l.orderId))
  const rewards = new Map<string, number>()
  for (const l of ledger) if (l.kind === 'grant' && !voided.has(l.orderId) && l.shareId) rewards.set(l.shareId, (rewards.get(l.shareId) ?? 0) + 1)
  const seen = new Set<string>()
  const items = shares
    .filter((s) => (seen.has(s.share_id) ? false : (seen.add(s.share_id), true)))
    .map((s) => ({
      shareId: s.share_id,
      contentSlug: s.content_slug,
      productId: s.product_id,
      channel: s.channel,
      sharedAt: new Date(n(s.ts)).toISOString(),
      opens: opens.get(s.share_id) ?? 0,
      orders: orders.get(s.share_id) ?? 0,
      rewards: rewards.get(s.share_id) ?? 0
    }))
  const sum = (k: 'opens' | 'orders' | 'rewards') => items.reduce((t, i) => t + i[k], 0)
  return { items, totals: { shares: items.length, opens: sum('opens'), orders: sum('orders'), rewards: ledger.filter((l) => l.kind === 'grant' && !voided.has(l.orderId)).length } }
}
