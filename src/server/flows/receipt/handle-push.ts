/**
 * Trade-management events WeChat pushes (already authenticated by the route):
 *   trade_manage_order_settlement: sent when an order is fully shipped and
 *     again when it settles; get_order decides: received (3) or done (4)
 *     completes the order, anything else is left alone;
 *   trade_manage_remind_shipping: an order unshipped for 48 h: flagged for staff.
 * Pushes are retried by WeChat and may be replayed; both actions are
 * idempotent and checked against get_order, so a repeat changes nothing.
 */
import { findOrderByOutTradeNo, findOrderByTransactionId, setOrderFields, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { isReceivedState } from '../../wechat/mp/trade-api'
import { completeOrder } from './complete-order'
import { tradeStateOf } from './trade-state'

export type PushOutcome = 'completed' | 'flagged' | 'ignored'

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined)

async function orderOf(deps: Deps, msg: Record<string, unknown>): Promise<OrderRow | undefined> {
  const transactionId = str(msg.transaction_id)
  if (transactionId) {
    const byTransaction = await findOrderByTransactionId(deps.db, transactionId)
    if (byTransaction) return byTransaction
  }
  const outTradeNo = str(msg.merchant_trade_no)
  return outTradeNo ? findOrderByOutTradeNo(deps.db, outTradeNo) : undefined
}

export async function handleWechatPush(deps: Deps, msg: Record<string, unknown>): Promise<PushOutcome> {
  const event = str(msg.Event) ?? str(msg.event)
  if (event !== 'trade_manage_order_settlement' && event !== 'trade_manage_remind_shipping') return 'ignored'
  const order = await orderOf(deps, msg)
  if (!order) return 'ignored'
  if (event === 'trade_manage_remind_shipping') {
    if (order.status !== 'paid') return 'ignored'
    await setOrderFields(deps.db, order.id, { shippingReminderAt: deps.clock.now().toISOString() })
    return 'flagged'
  }
  if (order.status !== 'shipped') return 'ignored'
  const trade = await tradeStateOf(deps, order)
  if (trade.kind !== 'managed' || !isReceivedState(trade.state)) return 'ignored'
  return (await completeOrder(deps, order, 'wechat_settlement', deps.clock.now())) ? 'completed' : 'ignored'
}
