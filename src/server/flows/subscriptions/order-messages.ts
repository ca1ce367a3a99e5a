/**
 * The shop's three subscription messages, each queued inside the
 * transaction of what it reports: shipped (called by the shipping flow when
 * an order's goods went out), the refund result, and an after-sales
 * decision. Values are fitted to the template key types in core.
 */
import type { AfterSaleKind, AfterSaleStatus } from '@core/contract/after-sales'
import { afterSaleMessage, refundMessage, shippedMessage } from '@core/subscribe-message'
import type { Executor } from '../../db/database'
import type { OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { payDescription } from '../orders/order-view'
import { queueSubscriptionMessage, type QueuedMessage } from './queue-message'

type Order = OrderRow

export function queueShippedMessage(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  m: { order: Order; carrierName: string | null; trackingNo: string | null; shippedAt: Date }
): Promise<QueuedMessage> {
  const data = shippedMessage({
    outTradeNo: m.order.outTradeNo,
    goods: payDescription(m.order),
    carrierName: m.carrierName ?? '',
    trackingNo: m.trackingNo ?? '',
    shippedAt: m.shippedAt.toISOString()
  })
  return queueSubscriptionMessage(deps, db, { userId: m.order.userId, key: 'shipped', orderId: m.order.id, data, now: m.shippedAt })
}

export function queueRefundMessage(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  m: { order: Order; amountFen: number; succeeded: boolean; at: Date }
): Promise<QueuedMessage> {
  const data = refundMessage({ outTradeNo: m.order.outTradeNo, amountFen: m.amountFen, succeeded: m.succeeded, at: m.at.toISOString(), note: '' })
  return queueSubscriptionMessage(deps, db, { userId: m.order.userId, key: 'refund', orderId: m.order.id, data, now: m.at })
}

export function queueAfterSaleMessage(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  m: { order: Order; kind: AfterSaleKind; status: AfterSaleStatus; note: string; at: Date }
): Promise<QueuedMessage> {
  const data = afterSaleMessage({ outTradeNo: m.order.outTradeNo, kind: m.kind, status: m.status, at: m.at.toISOString(), note: m.note })
  return queueSubscriptionMessage(deps, db, { userId: m.order.userId, key: 'afterSale', orderId: m.order.id, data, now: m.at })
}
