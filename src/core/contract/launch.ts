/**
 * Launches and 开售提醒 (docs/api.md "Launches and 开售提醒"):
 *   POST /api/v1/launch-reminders  {productId, contentSlug?, shareId?, channel?} → 201 {reminder} (200 when already asked)
 *   GET  /api/v1/me/launch-reminders → {items}
 *   GET  /api/admin/analytics/launch-reminders ?from=&to=&contentSlug= → {rows, totals}
 */
import { z } from 'zod'
import { OPEN_CHANNELS } from '../event-schema'
import { slugSchema } from '../content-page'
import { coded, id, isoTime } from './common'

export const launchReminderRequest = z.object({
  productId: id,
  contentSlug: coded(z.optional(slugSchema), 'INVALID_SLUG'),
  /** The share the shopper came through (a hint: the server decides the sharer from its own records). */
  shareId: id.optional(),
  channel: z.enum(OPEN_CHANNELS).optional()
})
export type LaunchReminderRequest = z.infer<typeof launchReminderRequest>

export const launchReminder = z.object({
  id: z.string(),
  productId: z.string(),
  contentSlug: z.string().nullable(),
  /** The product's launch time now (null when no live page announces one any more). */
  launchAt: isoTime.nullable(),
  createdAt: isoTime,
  /** When the launch came and the reminder was handled (queued to WeChat, or skipped: no template or no consent left). */
  sentAt: isoTime.nullable()
})
export type LaunchReminderDto = z.infer<typeof launchReminder>
export const launchReminderResponse = z.object({ reminder: launchReminder })
export const launchReminderList = z.object({ items: z.array(launchReminder) })

export const reminderReportQuery = z.object({
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional(),
  contentSlug: coded(z.optional(slugSchema), 'INVALID_SLUG')
})

/** One row per page, product, sharer and channel the reminders came through (reminders made in the window). */
export const reminderReportRow = z.object({
  contentSlug: z.string().nullable(),
  productId: z.string(),
  sharerUserId: z.string().nullable(),
  channel: z.string().nullable(),
  reminders: z.number().int(),
  /** Reminders handled at the launch (whatever the outcome). */
  sent: z.number().int(),
  /** Queued to WeChat (the shopper had a consent left). */
  delivered: z.number().int(),
  /** Reminded shoppers who paid for the product after asking for the reminder. */
  buyers: z.number().int(),
  paidOrders: z.number().int(),
  /** What those orders paid for this product's lines (gross, before coupons). */
  paidFen: z.number().int()
})
export type ReminderReportRow = z.infer<typeof reminderReportRow>
export const reminderReport = z.object({
  rows: z.array(reminderReportRow),
  /** Per page (null: asked on a product page). */
  pages: z.array(z.object({ contentSlug: z.string().nullable(), reminders: z.number().int(), buyers: z.number().int() }))
})
export type ReminderReport = z.infer<typeof reminderReport>

export const blockReportQuery = z.object({
  contentSlug: coded(slugSchema, 'INVALID_SLUG'),
  from: z.string().max(40).optional(),
  to: z.string().max(40).optional()
})
/** GET /api/admin/analytics/blocks: per block of one page, what shoppers did with it. */
export const blockReportRow = z.object({
  blockIndex: z.number().int(),
  blockType: z.string(),
  views: z.number().int(),
  /** Distinct shoppers who saw the block. */
  viewers: z.number().int(),
  /** product_view events from the block (a tapped card, hotspot or slide). */
  taps: z.number().int(),
  addToCarts: z.number().int()
})
export type BlockReportRow = z.infer<typeof blockReportRow>
export const blockReport = z.object({ rows: z.array(blockReportRow) })
