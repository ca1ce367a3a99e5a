/** Parcels, carriers and the staff's ship requests. */
import { z } from 'zod'
import { MAX_PARCELS } from '../shipping'
import { ORDER_STATUSES } from '../order'
import { id, isoTime } from './common'

export const cartItem = z.object({ skuId: z.string(), qty: z.number().int() })
export type CartItem = z.infer<typeof cartItem>

export const logisticsType = z.enum(['express', 'same_city', 'virtual', 'pickup'])
export type LogisticsType = z.infer<typeof logisticsType>

export const carrier = z.object({ code: z.string(), name: z.string() })
export type Carrier = z.infer<typeof carrier>
export const carriersResponse = z.object({ items: z.array(carrier) })
export type CarriersResponse = z.infer<typeof carriersResponse>

export const shipmentDto = z
  .object({
    id: z.string(),
    logisticsType,
    carrier: carrier.optional(),
    trackingNo: z.string().optional(),
    items: z.array(cartItem),
    shippedAt: isoTime
  })
  .meta({ id: 'Shipment' })
export type ShipmentDto = z.infer<typeof shipmentDto>

/** A line of a parcel: which SKU, how many. */
export const parcelItem = z.object({ skuId: id, qty: z.number().int().positive().max(9999) }).strict()
const text = (max: number) => z.string().trim().max(max)

export const shipParcel = z
  .object({ carrierCode: text(64).optional(), trackingNo: text(128).optional(), items: z.array(parcelItem).max(100).optional() })
  .strict()
export type ShipParcel = z.input<typeof shipParcel>

/**
 * POST /api/admin/orders/:id/ship. Whether the parcels fit the order (known
 * carrier, tracking number for express, what is left to ship) is core's
 * validateShipRequest against the order: 400 INVALID_SHIPMENT with the field.
 */
export const shipRequest = z
  .object({
    logisticsType,
    parcels: z.array(shipParcel).max(MAX_PARCELS, `at most ${MAX_PARCELS} parcels`).optional(),
    /** false: more parcels follow (split delivery); the order stays paid. */
    allDelivered: z.boolean().optional()
  })
  .strict()
export type ShipRequest = z.input<typeof shipRequest>

/** A row of a batch file: the order by id or by the 订单号 staff see (outTradeNo), shipped by express. */
export const batchShipRow = z.object({ orderId: text(64).describe('order id or outTradeNo'), carrierCode: text(64), trackingNo: text(128) }).strict()
export type BatchShipRow = z.input<typeof batchShipRow>
export const batchShipRequest = z.object({ rows: z.array(batchShipRow).min(1).max(500) }).strict()
export type BatchShipRequest = z.input<typeof batchShipRequest>

export const batchShipResponse = z.object({
  results: z.array(z.object({ orderId: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() }))
})
export type BatchShipResponse = z.infer<typeof batchShipResponse>

/** GET /api/admin/orders/export: the orders of a status and created-time window. */
export const exportOrdersQuery = z
  .object({
    status: z.enum(ORDER_STATUSES).optional(),
    from: z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString()).optional(),
    to: z.iso.datetime({ offset: true }).transform((t) => new Date(t).toISOString()).optional()
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: 'from must be before to', path: ['to'] })
/** The export is a CSV file (UTF-8 with BOM, for Excel), one row per parcel to send. */
export const exportOrdersResponse = {
  description: 'CSV, UTF-8 with BOM, as an attachment (orders-YYYYMMDD.csv)',
  content: { 'text/csv': { schema: z.string().describe('the CSV file') } }
} as const
