// Submitting a checkout: the order (priced and reserved by the server, created once
// per idempotency key) and then its payment.
import type { CartItem } from '@core/contract/cart'
import type { Address, OrderDto } from '@core/contract/orders'
import { attributionHint } from './attribution'
import { enterOptions } from './launch'
import { createOrder } from './order-api'
import { payOrder, type PayOutcome } from './payment'
import { routes } from './nav'
import { tracker } from './tracker'

/** couponId: the shopper's coupon (a userCoupon id); the server checks and prices it. */
export async function placeOrder(items: CartItem[], address: Address, idempotencyKey: string, couponId?: string | null): Promise<OrderDto> {
  // The server attributes an order to the shopper's share opens it has stored: send
  // the queued ones (share_open, checkout_start) first. A failed flush keeps them queued.
  await tracker.flush(true)
  return createOrder({ items, address, attribution: attributionHint(enterOptions().scene), ...(couponId ? { couponId } : {}) }, idempotencyKey)
}

/** Opens the cashier; the order detail page is where the shopper lands afterwards. */
export function payForOrder(orderId: string): Promise<PayOutcome> {
  return payOrder(orderId, routes.order(orderId))
}
