/**
 * POST /orders: the server prices the items (core priceCart over live SKU
 * rows), reserves stock and writes the order, its attribution and the
 * order_created event in one transaction. Stock is taken with a conditional
 * UPDATE per SKU (in SKU-id order, so two orders never deadlock), so
 * concurrent orders cannot oversell. The Idempotency-Key is unique per
 * shopper: the same key answers the same order and reserves nothing more;
 * the same key with a different body is refused.
 * A shopper holds at most MAX_UNPAID_ORDERS unpaid orders (409
 * TOO_MANY_UNPAID_ORDERS), counted under a per-shopper lock so parallel
 * checkouts cannot slip past it: one shopper cannot hold a launch's stock.
 */
import { createHash } from 'node:crypto'
import type { Address, AttributionHint, OrderDto, OrderItemDto } from '@core/contract/orders'
import { priceCart, type CartLine } from '@core/cart'
import { err, ok, type Result } from '@core/result'
import { makeOutTradeNo, orderExpiresAt } from '@core/order'
import { findCheckoutLookup, insertOrder, findOrderByIdempotencyKey, lockShopperOrders, type OrderRow } from '../../db/repos/order-repo'
import { reserveStock } from '../../db/repos/stock-repo'
import { isUniqueViolation } from '../../db/unique-violation'
import type { Deps } from '../../deps'
import { newId } from '../../ids'
import { attributeOrder } from '../attribution/attribute-order'
import { recordServerEvent } from '../events/record-server-event'
import { priceOrderCoupon } from '../coupons/order-coupon'
import { loadCheckoutFacts } from './checkout-facts'
import { toOrderDto } from './order-view'
import { Rollback } from './rollback'
import { contentChanged } from '../../cache/content-changes'

export const MAX_UNPAID_ORDERS = 3

export interface CreateOrderInput {
  items: CartLine[]
  address: Address
  attribution?: AttributionHint
  /** A userCoupon id of this shopper's. */
  couponId?: string
}

export interface CreatedOrder {
  order: OrderDto
  /** True when the Idempotency-Key had already made this order. */
  replayed: boolean
}

function hashRequest(input: CreateOrderInput): string {
  const canonical = {
    items: input.items.map((i) => [i.skuId, i.qty]),
    address: input.address,
    attribution: input.attribution ?? null,
    ...(input.couponId ? { couponId: input.couponId } : {})
  }
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex')
}

function replay(row: OrderRow, requestHash: string): Result<CreatedOrder> {
  if (row.requestHash !== requestHash) {
    return err('IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different order; use a new key for a new order', {
      orderId: row.id
    })
  }
  return ok({ order: toOrderDto(row), replayed: true })
}

export async function createOrder(
  deps: Deps,
  userId: string,
  idempotencyKey: string,
  input: CreateOrderInput
): Promise<Result<CreatedOrder>> {
  const requestHash = hashRequest(input)
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockShopperOrders(trx, userId)
      const now = deps.clock.now()
      const { earlier, unpaid } = await findCheckoutLookup(trx, userId, idempotencyKey, now.toISOString())
      if (earlier) return replay(earlier, requestHash)

      if (unpaid >= MAX_UNPAID_ORDERS) {
        return err('TOO_MANY_UNPAID_ORDERS', `At most ${MAX_UNPAID_ORDERS} unpaid orders at once: pay or cancel one first`, {
          max: MAX_UNPAID_ORDERS
        })
      }
      // SKU facts and launches in one read; stock is still checked by the conditional UPDATE below.
      const { facts, onSale } = await loadCheckoutFacts(trx, input.items.map((i) => i.skuId), now)
      const priced = priceCart(input.items, facts)
      for (const line of priced.lines) {
        if (line.problem === 'SKU_GONE') return err('SKU_UNAVAILABLE', `SKU ${line.skuId} is no longer sold`, { skuId: line.skuId })
        if (line.problem) return err('OUT_OF_STOCK', `Only ${line.maxQty} of SKU ${line.skuId} left`, { skuId: line.skuId, available: line.maxQty })
      }
      // A product whose launch (a live page's countdown) has not come is not on sale: 409 NOT_ON_SALE.
      if (!onSale.ok) return onSale
      if (priced.totalFen <= 0) return err('INVALID_ORDER_TOTAL', 'An order must cost more than 0 fen to be paid with WeChat Pay')

      for (const line of [...input.items].sort((a, b) => (a.skuId < b.skuId ? -1 : 1))) {
        if (!(await reserveStock(trx, line.skuId, line.qty))) {
          throw new Rollback(err('OUT_OF_STOCK', `SKU ${line.skuId} sold out just now`, { skuId: line.skuId, available: 0 }))
        }
        await contentChanged(trx, { kind: 'stock', skuId: line.skuId })
      }

      const id = newId('ord')
      // The coupon is checked, priced and locked for this order in this transaction, with the stock.
      const coupon = input.couponId ? await priceOrderCoupon(trx, { userId, orderId: id, userCouponId: input.couponId, lines: priced.lines, now }) : null
      if (coupon && !coupon.ok) throw new Rollback(coupon)
      const discount = coupon?.value
      const hint = input.attribution
      const attribution = await attributeOrder(trx, {
        userId,
        at: now,
        hint: {
          ...(hint?.shareId ? { shareId: hint.shareId } : {}),
          ...(hint?.contentSlug ? { contentSlug: hint.contentSlug } : {}),
          ...(hint?.scene !== undefined ? { scene: String(hint.scene) } : {})
        }
      })
      const items: OrderItemDto[] = priced.lines.map((l, i) => ({
        skuId: l.skuId,
        title: l.title,
        attrs: l.attrs,
        priceFen: l.priceFen,
        qty: l.qty,
        image: l.image ?? null,
        ...(discount ? { discountFen: discount.lineDiscounts[i] ?? 0 } : {})
      }))
      const at = now.toISOString()
      const row: OrderRow = {
        id,
        userId,
        outTradeNo: makeOutTradeNo(id, 1),
        status: 'pending_payment',
        totalFen: priced.totalFen,
        discountFen: discount?.discountFen ?? 0,
        payableFen: priced.totalFen - (discount?.discountFen ?? 0),
        couponId: discount ? input.couponId ?? null : null,
        couponTitle: discount?.title ?? null,
        refundedFen: 0,
        refundingFen: null,
        statusBeforeRefund: null,
        items: JSON.stringify(items),
        address: JSON.stringify(input.address),
        attrShareId: attribution.shareId,
        attrSharerUserId: attribution.sharerUserId,
        attrContentSlug: attribution.contentSlug,
        attrDepth: attribution.depth,
        attrScene: attribution.scene,
        attrChannel: attribution.channel,
        attrCampaignCode: attribution.campaignCode,
        createdAt: at,
        expiresAt: orderExpiresAt(at, deps.config.orderPayTimeoutMinutes),
        paidAt: null,
        closedAt: null,
        idempotencyKey,
        requestHash,
        updatedAt: at,
        transactionId: null,
        prepayId: null,
        payRequestedAt: null,
        payCheckedAt: null,
        shippedAt: null,
        completedAt: null,
        shippingReminderAt: null,
        receivedAt: null,
        completeCheckedAt: null,
        logisticsType: null
      }
      await insertOrder(trx, row)
      await recordServerEvent(trx, {
        type: 'order_created',
        userId,
        orderId: id,
        totalFen: row.totalFen,
        at: now,
        contentSlug: attribution.contentSlug,
        shareId: attribution.shareId
      })
      return ok({ order: toOrderDto(row), replayed: false })
    })
  } catch (e) {
    if (e instanceof Rollback) return e.result
    // Two requests with one key raced (PostgreSQL): the loser's reservation rolled back; answer the winner's order.
    if (isUniqueViolation(e)) {
      const winner = await findOrderByIdempotencyKey(deps.db, userId, idempotencyKey)
      if (winner) return replay(winner, requestHash)
    }
    throw e
  }
}
