/** Orders as shoppers and staff read them, and what a shopper sends to place and pay one. */
import { z } from 'zod'
import { addressSchema } from '../address'
import { cartItemsSchema } from '../cart-input'
import { SLUG_PATTERN } from '../content-page'
import { ORDER_STATUSES } from '../order'
import { afterSaleDto, shopperRefundDto } from './after-sales'
import { coded, id, isoTime } from './common'
import { shipmentDto } from './shipping'

export const orderStatus = z.enum(ORDER_STATUSES)
export type { OrderStatus } from '../order'

export const address = z.object({
  name: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string()
})
export type Address = z.infer<typeof address>

/** What the client hints (`attribution` of POST /orders); the server decides. */
export const attributionHint = z
  .object({
    shareId: id.optional(),
    contentSlug: z.string().max(64).regex(SLUG_PATTERN, 'not a page slug').optional(),
    scene: z.number().int().min(0).max(1_000_000).optional()
  })
  .strict()
export type AttributionHint = z.infer<typeof attributionHint>

/** What the server decided and stores on the order. */
export const attribution = z.object({
  shareId: z.string().nullable(),
  sharerId: z.string().nullable(),
  contentSlug: z.string().nullable(),
  depth: z.number().int().nullable(),
  scene: z.number().int().nullable(),
  /** The channel of the last touch (chat, timeline, poster or a campaign's channel); absent without one. */
  channel: z.string().optional(),
  /** The campaign's code when the last touch was a campaign open. */
  campaignCode: z.string().optional()
})
export type Attribution = z.infer<typeof attribution>

/**
 * POST /api/v1/orders. `items` and `address` are core's own schemas, so the
 * app's form checks exactly what the server does; their failures keep their
 * codes (INVALID_ITEMS, INVALID_ADDRESS) and the shopper's Chinese messages.
 */
export const createOrderRequest = z.object({
  items: coded(cartItemsSchema, 'INVALID_ITEMS'),
  address: coded(addressSchema, 'INVALID_ADDRESS'),
  attribution: attributionHint.optional(),
  /** A coupon of the shopper's (a userCoupon id); the server checks it, prices it and locks it for this order. */
  couponId: id.optional()
})
export type CreateOrderRequest = z.input<typeof createOrderRequest>

export const orderItemDto = z.object({
  skuId: z.string(),
  title: z.string(),
  attrs: z.record(z.string(), z.string()),
  priceFen: z.number().int(),
  qty: z.number().int(),
  /** The product picture when the order was placed; absent on orders created before pictures were kept. */
  image: z.string().nullable().optional(),
  /** This line's share of the order's coupon discount (largest remainder); absent = 0. */
  discountFen: z.number().int().optional()
})
export type OrderItemDto = z.infer<typeof orderItemDto>

export const orderDto = z
  .object({
    id: z.string(),
    outTradeNo: z.string(),
    status: orderStatus,
    totalFen: z.number().int(),
    /** The coupon's discount; 0 without one. */
    discountFen: z.number().int(),
    /** What WeChat Pay charges: totalFen − discountFen. */
    payableFen: z.number().int(),
    /** The coupon used (a userCoupon id) and its title. */
    coupon: z.object({ id: z.string(), title: z.string() }).optional(),
    items: z.array(orderItemDto),
    address,
    attribution,
    createdAt: isoTime,
    expiresAt: isoTime,
    paidAt: isoTime.optional(),
    refundedFen: z.number().int(),
    /** Parcels sent so far (several = split delivery), oldest first. */
    shipments: z.array(shipmentDto),
    /** When everything was delivered to the carrier (the order became shipped). */
    shippedAt: isoTime.optional(),
    completedAt: isoTime.optional(),
    /** When an unpaid order was closed (timed out or cancelled). */
    closedAt: isoTime.optional(),
    /** WeChat's 48-hour shipping rule: paidAt + 48 h, while the order waits to be shipped. */
    shipBy: isoTime.optional(),
    /** A shipped order completes by itself at this time. */
    autoCompleteAt: isoTime.optional(),
    /** The open or the last after-sales request. */
    afterSale: afterSaleDto.optional(),
    /** Refunds of this order as the shopper sees them, oldest first. */
    refunds: z.array(shopperRefundDto),
    /** WeChat Pay's transaction id once paid: what WeChat's confirm-receipt component is opened with. */
    transactionId: z.string().optional()
  })
  .meta({ id: 'Order' })
export type OrderDto = z.infer<typeof orderDto>

export const orderResponse = z.object({ order: orderDto })
export type OrderResponse = z.infer<typeof orderResponse>

export const orderListQuery = z.object({
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20)
})
export const orderList = z.object({ items: z.array(orderDto), nextCursor: z.string().nullable() })

export const orderGetQuery = z.object({ sync: z.enum(['0', '1', 'true', 'false']).optional().describe('1: ask WeChat Pay first') })

/** Ready for Taro.requestPayment. */
export const paymentParams = z.object({
  timeStamp: z.string(),
  nonceStr: z.string(),
  package: z.string(),
  signType: z.literal('RSA'),
  paySign: z.string()
})
export type PaymentParams = z.infer<typeof paymentParams>
export const paymentResponse = z.object({ payment: paymentParams })
export type PaymentResponse = z.infer<typeof paymentResponse>

export const idempotencyHeaders = z.object({
  'idempotency-key': z.string().describe('8–128 letters, digits, or _ . : - ; one per checkout').optional()
})
