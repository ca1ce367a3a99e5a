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
export type ApproveAfterSaleRequest = { restock?: boolean }
export type RejectAfterSaleRequest = { reason: string }

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
