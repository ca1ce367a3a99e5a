/** Sharer rewards: the rules staff set, the ledger, and a shopper's own shares. */
import { z } from 'zod'
import { SLUG_PATTERN } from '../content-page'
import { id, isoTime } from './common'

export const rewardRuleInput = z.object({
  contentSlug: z.string().max(64).regex(SLUG_PATTERN, 'not a page slug').nullable().optional().describe('none: every page'),
  couponId: id,
  minPaidFen: z.number().int().min(0).max(10_000_000_000)
})
export type RewardRuleInput = z.infer<typeof rewardRuleInput>

export const rewardRuleDto = z
  .object({
    id: z.string(),
    contentSlug: z.string().nullable(),
    couponId: z.string(),
    couponTitle: z.string(),
    minPaidFen: z.number().int(),
    active: z.boolean(),
    createdAt: isoTime
  })
  .meta({ id: 'RewardRule' })
export type RewardRuleDto = z.infer<typeof rewardRuleDto>
export const rewardRuleResponse = z.object({ rule: rewardRuleDto })
export const rewardRuleList = z.object({ items: z.array(rewardRuleDto) })

export const rewardLedgerEntry = z.object({
  id: z.string(),
  orderId: z.string(),
  kind: z.enum(['grant', 'void']),
  sharerId: z.string(),
  ruleId: z.string(),
  couponId: z.string(),
  userCouponId: z.string(),
  shareId: z.string().nullable(),
  contentSlug: z.string().nullable(),
  at: isoTime
})
export type RewardLedgerEntry = z.infer<typeof rewardLedgerEntry>
export const rewardLedgerList = z.object({ items: z.array(rewardLedgerEntry) })

/** GET /api/v1/me/shares: the shopper's own shares, newest first. */
export const myShare = z.object({
  shareId: z.string(),
  contentSlug: z.string().nullable(),
  productId: z.string().nullable(),
  channel: z.string().nullable(),
  sharedAt: isoTime,
  /** Distinct other shoppers who opened it. */
  opens: z.number().int(),
  /** Paid orders attributed to it. */
  orders: z.number().int(),
  /** Reward coupons earned through it (granted and not voided). */
  rewards: z.number().int()
})
export const mySharesResponse = z.object({
  items: z.array(myShare),
  totals: z.object({ shares: z.number().int(), opens: z.number().int(), orders: z.number().int(), rewards: z.number().int() })
})
export type MySharesResponse = z.infer<typeof mySharesResponse>

/**
 * GET /api/admin/analytics/channels: one row per channel and campaign (`campaignCode` absent for share
 * channels and for `none`, orders no touch led to). The channel of a share open is chat, timeline or
 * poster (by scene); a campaign's is its own (weibo, sms, …), from the campaigns table.
 */
export const channelReportRow = z.object({
  channel: z.string(),
  campaignCode: z.string().optional(),
  campaignName: z.string().optional(),
  /** Distinct shoppers who opened through this channel / campaign in the window (share opens of others' shares). */
  opens: z.number().int(),
  /** Those of them whose first event ever was that open. */
  newUsers: z.number().int(),
  /** add_to_cart events after such an open in the same session. */
  addToCarts: z.number().int(),
  orders: z.number().int(),
  paidOrders: z.number().int(),
  /** What WeChat Pay charged (gross of refunds). */
  paidFen: z.number().int(),
  refundedFen: z.number().int(),
  /** paidFen − refundedFen. */
  netPaidFen: z.number().int(),
  discountFen: z.number().int(),
  rewardsGranted: z.number().int()
})
export type ChannelReportRow = z.infer<typeof channelReportRow>
export const channelReport = z.object({ rows: z.array(channelReportRow) })
export const reportWindowQuery = z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() })
export const channelReportQuery = reportWindowQuery.extend({ contentSlug: z.string().max(64).regex(SLUG_PATTERN, 'not a page slug').optional() })
