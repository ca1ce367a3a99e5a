/**
 * The brand's reports (`/api/admin/analytics/…`): the funnel, content pages,
 * sharers and paid orders per day, over a window `?from=&to=` (ISO 8601 with
 * offset; `to` defaults to now, `from` to 30 days before).
 */
import { z } from 'zod'
import { slugSchema } from '../content-page'
import { coded, rows } from './common'

export const analyticsWindowQuery = z.object({
  from: z.string().max(40).optional().describe('ISO 8601 with offset, inclusive; the daily report counts days in its offset'),
  to: z.string().max(40).optional().describe('ISO 8601 with offset, exclusive')
})
export const funnelQuery = analyticsWindowQuery.extend({
  contentSlug: coded(z.optional(slugSchema).describe('the first step is a view of this page'), 'INVALID_SLUG')
})
export type AnalyticsQuery = z.input<typeof funnelQuery>

export const FUNNEL_STEPS = ['content_view', 'add_to_cart', 'checkout_start', 'order_created', 'order_paid'] as const
export const funnelStepName = z.enum(FUNNEL_STEPS)
export type FunnelStepName = z.infer<typeof funnelStepName>

/** For each step, the shoppers who did it after every earlier step, in the window. */
export const funnelResponse = z.object({ steps: z.array(z.object({ name: funnelStepName, users: z.number().int() })) })
export type FunnelResponse = z.infer<typeof funnelResponse>

export const contentReportRow = z.object({
  slug: z.string(),
  /** The page's title, when a page has (or had) this slug; the admin shows it instead of the slug. */
  title: z.string().optional(),
  views: z.number().int(),
  viewers: z.number().int(),
  shares: z.number().int(),
  shareOpens: z.number().int(),
  addToCarts: z.number().int(),
  orders: z.number().int(),
  paidOrders: z.number().int(),
  paidFen: z.number().int(),
  /** Refunds that succeeded on the orders counted in paidFen (which stays gross). */
  refundedFen: z.number().int(),
  /** Coupon discounts on the paid orders (paidFen is what was charged, after them). */
  discountFen: z.number().int(),
  /** Sharer rewards granted (not voided) for the page's orders. */
  rewardsGranted: z.number().int()
})
export type ContentReportRow = z.infer<typeof contentReportRow>
export const contentReport = rows(contentReportRow)

export const sharerReportRow = z.object({
  userId: z.string(),
  shares: z.number().int(),
  opens: z.number().int(),
  /** Openers who were logged-in shoppers (opens also counts bare anonymous ids). */
  loggedInOpens: z.number().int(),
  newUsers: z.number().int(),
  paidOrders: z.number().int(),
  paidFen: z.number().int(),
  /** Refunds that succeeded on the orders counted in paidFen (which stays gross). */
  refundedFen: z.number().int(),
  /** Coupon discounts on those paid orders. */
  discountFen: z.number().int(),
  /** Rewards this sharer was granted (not voided) for orders in the window. */
  rewardsGranted: z.number().int(),
  maxDepth: z.number().int(),
  /** The sharer's nickname and avatar, when they set them (PUT /api/v1/me/profile). */
  name: z.string().optional(),
  avatarUrl: z.string().optional()
})
export type SharerReportRow = z.infer<typeof sharerReportRow>
export const sharerReport = rows(sharerReportRow)

export const dailyRow = z.object({ day: z.string().describe('YYYY-MM-DD in the offset of from'), paidOrders: z.number().int(), paidFen: z.number().int() })
export type DailyRow = z.infer<typeof dailyRow>
export const dailyReport = rows(dailyRow)
