/** After-sales requests (refund only, or return then refund) and their shopper/staff views. */
import { z } from 'zod'
import { afterSaleRequestSchema, returnShipmentSchema } from '../after-sale-input'
import { ORDER_STATUSES } from '../order'
import { coded, isoTime } from './common'
import { carrier, cartItem } from './shipping'

export const afterSaleKind = z.enum(['refund', 'return'])
export type AfterSaleKind = z.infer<typeof afterSaleKind>
export const afterSaleStatus = z.enum(['requested', 'approved', 'awaiting_return', 'returned', 'refunding', 'refunded', 'rejected', 'cancelled'])
export type AfterSaleStatus = z.infer<typeof afterSaleStatus>

export const returnShipmentDto = z.object({ carrier, trackingNo: z.string(), shippedAt: isoTime })
export type ReturnShipmentDto = z.infer<typeof returnShipmentDto>

export const afterSaleDto = z
  .object({
    id: z.string(),
    orderId: z.string(),
    kind: afterSaleKind,
    status: afterSaleStatus,
    reason: z.string(),
    amountFen: z.number().int(),
    note: z.string().optional(),
    images: z.array(z.string()),
    rejectReason: z.string().optional(),
    returnShipment: returnShipmentDto.optional(),
    restock: z.boolean().optional(),
    /** The lines the shopper named (returns); absent = the whole order. */
    items: z.array(cartItem).optional(),
    createdAt: isoTime,
    updatedAt: isoTime
  })
  .meta({ id: 'AfterSale' })
export type AfterSaleDto = z.infer<typeof afterSaleDto>

/** An after-sales request in the staff queue: the request plus what staff need to decide. */
export const adminAfterSaleDto = afterSaleDto.extend({
  outTradeNo: z.string(),
  orderStatus: z.enum(ORDER_STATUSES),
  totalFen: z.number().int(),
  refundedFen: z.number().int()
})
export type AdminAfterSaleDto = z.infer<typeof adminAfterSaleDto>

export const afterSaleResponse = z.object({ afterSale: afterSaleDto })
export type AfterSaleResponse = z.infer<typeof afterSaleResponse>

export type AfterSaleRequest = { kind: AfterSaleKind; reason: string; amountFen: number; note?: string; images?: string[]; items?: z.infer<typeof cartItem>[] }
export type ReturnShipmentRequest = { carrierCode: string; trackingNo: string }

export const shopperRefundDto = z.object({
  id: z.string(),
  amountFen: z.number().int(),
  status: z.enum(['processing', 'succeeded', 'failed']),
  createdAt: isoTime,
  settledAt: isoTime.nullable()
})
export type ShopperRefundDto = z.infer<typeof shopperRefundDto>
export type ShopperRefundStatus = ShopperRefundDto['status']

// ---- shopper requests ----
/**
 * POST /api/v1/orders/:id/after-sales and POST /api/v1/after-sales/:id/return-shipment:
 * core's schemas, the ones the app's forms check with; a failure answers
 * INVALID_AFTER_SALE / INVALID_RETURN_SHIPMENT with the shopper's messages.
 */
export const afterSaleRequest = coded(afterSaleRequestSchema, 'INVALID_AFTER_SALE')
export const returnShipmentRequest = coded(returnShipmentSchema, 'INVALID_RETURN_SHIPMENT')

// ---- staff requests ----
/** GET /api/admin/after-sales?status=: one status, `open` (the work), or `all` (open first, then history). */
export const afterSaleQueueFilter = z.enum([...afterSaleStatus.options, 'open', 'all'])
export type AfterSaleQueueFilter = z.infer<typeof afterSaleQueueFilter>
export const adminAfterSaleListQuery = z.object({
  status: afterSaleQueueFilter.optional(),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50)
})
export const adminAfterSaleList = z.object({ items: z.array(adminAfterSaleDto), nextCursor: z.string().nullable() })
export type AdminAfterSaleList = z.infer<typeof adminAfterSaleList>

/** POST /api/admin/after-sales/:id/approve; `restock` puts a return's goods back on sale when received. The body may be left out. */
export const approveAfterSaleRequest = z.object({ restock: z.boolean().optional() }).strict().nullish()
export type ApproveAfterSaleRequest = { restock?: boolean }
/** POST /api/admin/after-sales/:id/reject: the reason the shopper reads. */
export const rejectAfterSaleRequest = z.object({ reason: z.string().trim().min(1).max(80) }).strict()
export type RejectAfterSaleRequest = z.input<typeof rejectAfterSaleRequest>
