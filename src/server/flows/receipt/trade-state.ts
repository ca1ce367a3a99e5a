/**
 * What WeChat's trade management says about an order (get_order), reduced
 * to what the receipt flows decide on. An order WeChat does not manage
 * (no transaction id, or 10060001 long after payment: not a trade-managed
 * payment) is 'unmanaged': our own records decide then.
 */
import type { OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { getTradeOrder, type TradeOrderState } from '../../wechat/mp/trade-api'

export type TradeView = { kind: 'managed'; state: TradeOrderState; inComplaint: boolean } | { kind: 'unmanaged' } | { kind: 'unknown'; reason: string }

export async function tradeStateOf(deps: Deps, order: OrderRow): Promise<TradeView> {
  if (!order.transactionId) return { kind: 'unmanaged' }
  const answer = await getTradeOrder(deps.mp, { transactionId: order.transactionId })
  if (answer.ok) return { kind: 'managed', state: answer.order.state, inComplaint: answer.order.inComplaint }
  if (answer.errcode === 10060001) return { kind: 'unmanaged' }
  return { kind: 'unknown', reason: `get_order: ${answer.errcode ?? 'no answer'} ${answer.errmsg}` }
}
