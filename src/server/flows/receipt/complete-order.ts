/**
 * shipped → completed, once (a conditional update), with the
 * order_completed event in the same transaction. Every path to completion
 * (the shopper's confirmation, WeChat's settlement push, the auto-complete
 * job) ends here, so racing paths complete an order once.
 */
import { transition } from '@core/order'
import { markCompleted, type OrderRow } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { recordAudit } from '../audit/record-audit'
import { recordServerEvent } from '../events/record-server-event'
import { stateOf } from '../orders/order-view'
import { grantSharerReward } from '../rewards/sharer-rewards'

export type CompletedVia = 'shopper' | 'wechat_settlement' | 'auto'

/** True when this call completed the order; false when it was not shipped (or another path won). */
export async function completeOrder(deps: Deps, order: OrderRow, via: CompletedVia, receivedAt: Date | null): Promise<boolean> {
  if (!transition(stateOf(order), 'complete').ok) return false
  const now = deps.clock.now()
  return deps.db.transaction().execute(async (trx) => {
    const done = await markCompleted(trx, order.id, { completedAt: now.toISOString(), receivedAt: receivedAt?.toISOString() ?? null })
    if (!done) return false
    await recordServerEvent(trx, {
      type: 'order_completed',
      userId: order.userId,
      orderId: order.id,
      totalFen: order.totalFen,
      at: now,
      contentSlug: order.attrContentSlug,
      shareId: order.attrShareId,
      props: { via }
    })
    await recordAudit(trx, now, null, 'order.complete', { type: 'order', id: order.id }, { via })
    await grantSharerReward(trx, order, now)
    return true
  })
}
