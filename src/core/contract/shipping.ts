/** Parcels, carriers and the staff's ship requests. */
import { z } from 'zod'
import { isoTime } from './common'

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

export type ShipParcel = { carrierCode?: string; trackingNo?: string; items?: CartItem[] }
export type ShipRequest = { logisticsType: LogisticsType; parcels?: ShipParcel[]; allDelivered?: boolean }
export type BatchShipRow = { orderId?: string; outTradeNo?: string; carrierCode: string; trackingNo: string }
export type BatchShipRequest = { rows: BatchShipRow[] }
export const batchShipResponse = z.object({
  results: z.array(z.object({ orderId: z.string(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() }))
})
export type BatchShipResponse = z.infer<typeof batchShipResponse>
