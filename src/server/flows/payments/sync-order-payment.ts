/**
 * Asks WeChat Pay about one unpaid order and applies the answer: SUCCESS
 * marks it paid (the same checks as a notification), CLOSED (or a failed
 * payment) closes it and returns its stock, NOTPAY leaves it and notes the
 * check. Used by `GET /orders/:id?sync=1`, the reconciliation job and the
 * close flow. An order that never went to WeChat needs no question.
 */
import { ok, type Result } from '@core/result'
import { findOrder, markPayChecked, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { wechatCodeOf } from '../../wechat/pay/transport'
import { closeLocally } from '../orders/close-locally'
import { applyPaidTransaction } from './apply-transaction'

export type SyncOutcome = 'paid' | 'closed' | 'unpaid' | 'unchanged'

export async function syncOrderPayment(deps: Deps, order: OrderRow): Promise<Result<SyncOutcome>> {
  const pay = deps.pay
  if (!pay || order.status !== 'pending_payment' || order.payRequestedAt === null) return ok('unchanged')
  const now = deps.clock.now().toISOString()
  const answer = await pay.queryOrder(order.outTradeNo)
  if (!answer.ok) {
    // The JSAPI order never reached WeChat: nothing can be paid there.
    if (wechatCodeOf(answer) === 'ORDER_NOT_EXIST') {
      await markPayChecked(deps.db, order.id, now)
      return ok('unpaid')
    }
    return answer
  }
  switch (answer.value.tradeState) {
    case 'SUCCESS':
    case 'REFUND': {
      const applied = await applyPaidTransaction(deps, answer.value)
      return applied.ok ? ok('paid') : applied
    }
    case 'CLOSED':
    case 'REVOKED':
    case 'PAYERROR':
      await closeLocally(deps, order)
      return ok('closed')
    default:
      await markPayChecked(deps.db, order.id, now)
      return ok('unpaid')
  }
}

/** syncOrderPayment, then the order as it is now. */
export async function syncAndReload(deps: Deps, order: OrderRow): Promise<{ order: OrderRow; sync: Result<SyncOutcome> }> {
  const sync = await syncOrderPayment(deps, order)
  return { order: (await findOrder(deps.db, order.id)) ?? order, sync }
}
