// Orders: created and priced by the server only; the client's payment success is
// never proof, so after paying the app asks with ?sync=1.
import type { CartItem } from '@core/contract/cart'
import type { Paged } from '@core/contract/common'
import type { Address, AttributionHint, OrderDto, OrderResponse, PaymentParams, PaymentResponse } from '@core/contract/orders'
import { api } from './api'
import { mediaUrl } from './env'

/** What the shopper pays for an order and what its coupon took off, as the server priced it. */
export function orderAmounts(order: OrderDto): { totalFen: number; discountFen: number; payableFen: number; couponTitle: string | null } {
  // An order stored before coupons existed may answer without them: nothing off, the total to pay.
  const discountFen = order.discountFen ?? 0
  return { totalFen: order.totalFen, discountFen, payableFen: order.payableFen ?? order.totalFen - discountFen, couponTitle: order.coupon?.title ?? null }
}

/** Line pictures are backend media paths: made absolute like every other picture. */
function absolute(order: OrderDto): OrderDto {
  return { ...order, items: order.items.map((item) => (item.image ? { ...item, image: mediaUrl(item.image) } : item)) }
}

export const ORDERS_PAGE_SIZE = 10

export type CreateOrderInput = { items: CartItem[]; address: Address; attribution?: AttributionHint; couponId?: string }

export async function createOrder(input: CreateOrderInput, idempotencyKey: string): Promise<OrderDto> {
  const { order } = await api.post<OrderResponse>('/api/v1/orders', input, { auth: 'required', headers: { 'Idempotency-Key': idempotencyKey } })
  return absolute(order)
}

export async function requestPaymentParams(orderId: string): Promise<PaymentParams> {
  const { payment } = await api.post<PaymentResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/pay`, {}, { auth: 'required' })
  return payment
}

export async function getOrder(orderId: string, options: { sync?: boolean } = {}): Promise<OrderDto> {
  const { order } = await api.get<OrderResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}`, {
    auth: 'required',
    query: options.sync ? { sync: 1 } : undefined
  })
  return absolute(order)
}

export async function listOrders(cursor?: string | null): Promise<Paged<OrderDto>> {
  const page = await api.get<Paged<OrderDto>>('/api/v1/orders', { auth: 'required', query: { cursor, limit: ORDERS_PAGE_SIZE } })
  return { ...page, items: page.items.map(absolute) }
}

/** The order WeChat's service message opened: its query names the payment, not our id. */
export async function lookupOrder(ref: { transactionId?: string; merchantTradeNo?: string }): Promise<OrderDto> {
  const { order } = await api.get<OrderResponse>('/api/v1/orders/lookup', {
    auth: 'required',
    query: { transaction_id: ref.transactionId, merchant_trade_no: ref.merchantTradeNo }
  })
  return absolute(order)
}

/** After WeChat's confirm component said success: the server checks with WeChat before completing. */
export async function confirmReceipt(orderId: string): Promise<OrderDto> {
  const { order } = await api.post<OrderResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/confirm-receipt`, {}, { auth: 'required' })
  return absolute(order)
}

export async function cancelOrder(orderId: string): Promise<OrderDto> {
  const { order } = await api.post<OrderResponse>(`/api/v1/orders/${encodeURIComponent(orderId)}/cancel`, {}, { auth: 'required' })
  return absolute(order)
}
