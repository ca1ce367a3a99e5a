/**
 * Orders as staff see them (`/api/admin/orders…`, admins only): the order a
 * shopper sees plus who bought it, its payment bookkeeping, refunds, payment
 * flags and what the backend still owes WeChat about it; and a refund request.
 */
import { z } from 'zod'
import { orderDto, orderItemDto, orderStatus } from './orders'

export type { Address, Attribution, OrderDto, OrderItemDto, OrderStatus } from './orders'
export type OrderItem = z.infer<typeof orderItemDto>

/** A refund of an order as staff see it. */
export const refundDto = z
  .object({
    id: z.string(),
    outRefundNo: z.string(),
    amountFen: z.number().int(),
    reason: z.string(),
    /** e.g. requested, processing, succeeded, failed (shown as given when unknown). */
    status: z.string(),
    wechatRefundId: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
    settledAt: z.string().nullable()
  })
  .meta({ id: 'Refund' })
export type RefundDto = z.infer<typeof refundDto>
export type Refund = RefundDto

/** A payment problem WeChat Pay reported (amount mismatch and the like), shown to admins. */
export const flagDto = z
  .object({
    id: z.string(),
    kind: z.string(),
    message: z.string(),
    orderId: z.string().nullable(),
    outTradeNo: z.string().nullable(),
    outRefundNo: z.string().nullable(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    resolvedAt: z.string().nullable()
  })
  .meta({ id: 'Flag' })
export type FlagDto = z.infer<typeof flagDto>
export type Flag = FlagDto

export const wechatTaskKind = z.enum(['upload_shipping_info', 'set_msg_jump_path', 'subscribe_message', 'notify_confirm_receive'])
export type WechatTaskKind = z.infer<typeof wechatTaskKind>

/**
 * Something the backend must tell WeChat (outbox task) as staff see it on the
 * order: `problem` is set, in Chinese, when WeChat refused it for good or it
 * keeps failing, with what to do about it.
 */
export const wechatTaskDto = z
  .object({
    id: z.string(),
    kind: wechatTaskKind,
    status: z.enum(['pending', 'done', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastErrcode: z.number().int().nullable(),
    problem: z.object({ message: z.string(), action: z.string() }).optional(),
    updatedAt: z.string()
  })
  .meta({ id: 'WechatTask' })
export type WechatTaskDto = z.infer<typeof wechatTaskDto>

/** An order in the staff list: the shopper's view plus the buyer and WeChat's shipping reminder. */
export const adminOrderSummary = orderDto
  .extend({
    userId: z.string(),
    /** When WeChat told us the shopper asked for the parcel (trade_manage_remind_shipping). */
    shippingReminderAt: z.string().optional()
  })
  .meta({ id: 'AdminOrderSummary' })
export type AdminOrderSummary = z.infer<typeof adminOrderSummary>
export type OrderSummary = AdminOrderSummary

export const paymentRecord = z.object({
  outTradeNo: z.string(),
  transactionId: z.string().nullable(),
  prepayId: z.string().nullable(),
  payRequestedAt: z.string().nullable(),
  paidAt: z.string().nullable()
})

/** One order as staff open it. */
export const adminOrderDto = adminOrderSummary
  .omit({ refunds: true })
  .extend({
    payment: paymentRecord,
    refunds: z.array(refundDto),
    flags: z.array(flagDto),
    /** What the backend still has to tell WeChat, or could not. */
    wechatTasks: z.array(wechatTaskDto)
  })
  .meta({ id: 'AdminOrder' })
export type AdminOrderDto = z.infer<typeof adminOrderDto>
export type Order = AdminOrderDto

export const adminOrderResponse = z.object({ order: adminOrderDto })
export type AdminOrderResponse = z.infer<typeof adminOrderResponse>
export const adminOrderList = z.object({ items: z.array(adminOrderSummary), nextCursor: z.string().nullable() })
export type AdminOrderList = z.infer<typeof adminOrderList>

/** An ISO 8601 time with offset in a query, read as UTC ISO text. */
export const queryTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString())

export const adminOrderListQuery = z
  .object({
    status: orderStatus.optional(),
    from: queryTime.optional().describe('created at or after'),
    to: queryTime.optional().describe('created before'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    /** oldest: the 待发货 queue (?status=paid&sort=oldest), oldest first. */
    sort: z.enum(['newest', 'oldest']).default('newest')
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })
export type AdminOrderQuery = z.input<typeof adminOrderListQuery>

export const flagListQuery = z.object({ cursor: z.string().max(500).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
export const flagList = z.object({ items: z.array(flagDto), nextCursor: z.string().nullable() })

/** POST /api/admin/orders/:id/refund. */
export const refundRequest = z.object({
  amountFen: z.number().int('whole fen').positive(),
  reason: z.string().trim().min(1).max(80)
})
export type RefundRequest = z.input<typeof refundRequest>
