/**
 * POST /api/v1/orders/:id/confirm-receipt: the shopper says the goods
 * arrived (in weapp after WeChat's confirm component answered success). The
 * component's answer is not proof, so for a trade-managed order WeChat's
 * get_order must say 3 (确认收货) or 4 (交易完成) before the order completes.
 */
import { err, ok, type Result } from '@core/result'
import { findOrder, setOrderFields, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { isReceivedState } from '../../wechat/mp/trade-api'
import { completeOrder } from './complete-order'
import { tradeStateOf } from './trade-state'

export async function confirmReceipt(deps: Deps, userId: string, orderId: string): Promise<Result<OrderRow>> {
  const order = await findOrder(deps.db, orderId)
  if (!order || order.userId !== userId) return err('ORDER_NOT_FOUND', `No order ${orderId}`)
  if (order.status === 'completed') return ok(order)
  if (order.status !== 'shipped') {
    return err('ORDER_NOT_SHIPPED', order.status === 'paid' ? '订单尚未全部发货，暂不能确认收货' : '这笔订单不能确认收货', { status: order.status })
  }
  const trade = await tradeStateOf(deps, order)
  if (trade.kind === 'unknown') return err('WECHAT_UNAVAILABLE', `暂时无法向微信核实收货状态，请稍后再试 (${trade.reason})`)
  if (trade.kind === 'managed' && !isReceivedState(trade.state)) {
    return err('RECEIPT_NOT_CONFIRMED', '微信尚未记录你的确认收货，请在微信确认收货页面完成确认后再试', { orderState: trade.state })
  }
  const now = deps.clock.now()
  if (trade.kind === 'managed') await setOrderFields(deps.db, orderId, { receivedAt: now.toISOString() })
  await completeOrder(deps, order, 'shopper', now)
  const after = await findOrder(deps.db, orderId)
  if (!after) throw new Error(`order ${orderId} vanished while completing`)
  return after.status === 'completed' ? ok(after) : err('ORDER_NOT_SHIPPED', '这笔订单不能确认收货', { status: after.status })
}
