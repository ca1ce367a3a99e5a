/**
 * A refund's outcome applied to the refund row and its order, in one
 * transaction: SUCCESS adds to refunded_fen (refunded when it reaches the
 * total, else back to the status before; core's transition decides) and
 * writes order_refunded; CLOSED (WeChat gave up) and FAILED (WeChat
 * refused the request) put the order back and flag it for staff; ABNORMAL
 * flags it and leaves the order refunding, since WeChat may still settle it.
 * The refund row moves with a conditional UPDATE, so a re-sent
 * notification settles nothing twice. An after-sales request paid out by
 * this refund moves with it (refunded, or back to where staff can refund
 * again), and a success is told to the shopper by subscription message.
 */
import { transition, type OrderAction } from '@core/order'
import { findOrder, updateRefundState } from '../../db/repos/order-repo'
import { settleRefundRow, type RefundRow, type RefundRowStatus } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { recordServerEvent } from '../events/record-server-event'
import { stateOf } from '../orders/order-view'
import { flagPayment, type FlagKind } from '../payments/flag-payment'
import { settleAfterSaleRefund } from '../after-sales/settle-after-sale-refund'
import { queueRefundMessage } from '../subscriptions/order-messages'
import { shipmentsOfOrder } from '../../db/repos/shipment-repo'
import { freeOrderCoupon } from '../coupons/order-coupon'
import { voidSharerReward } from '../rewards/sharer-rewards'

export type RefundOutcome = 'SUCCESS' | 'CLOSED' | 'ABNORMAL' | 'FAILED'

const ROW_STATUS: Record<RefundOutcome, RefundRowStatus> = { SUCCESS: 'success', CLOSED: 'closed', ABNORMAL: 'abnormal', FAILED: 'failed' }
const FLAG: Partial<Record<RefundOutcome, [FlagKind, string]>> = {
  CLOSED: ['REFUND_CLOSED', 'WeChat Pay closed the refund: nothing was refunded'],
  ABNORMAL: ['REFUND_ABNORMAL', "WeChat Pay marked the refund abnormal (e.g. the shopper's card is gone); handle it in the merchant platform"],
  FAILED: ['REFUND_REJECTED', 'WeChat Pay refused the refund request']
}

export async function settleRefund(
  deps: Deps,
  refund: RefundRow,
  outcome: RefundOutcome,
  info: { wechatRefundId?: string | null; reason?: string } = {}
): Promise<'settled' | 'already'> {
  const now = deps.clock.now()
  const at = now.toISOString()
  return deps.db.transaction().execute(async (trx) => {
    const from: RefundRowStatus[] = outcome === 'ABNORMAL' ? ['processing'] : ['processing', 'abnormal']
    const moved = await settleRefundRow(trx, refund.id, from, {
      status: ROW_STATUS[outcome],
      wechatRefundId: info.wechatRefundId ?? null,
      settledAt: outcome === 'ABNORMAL' ? null : at,
      at
    })
    if (!moved) return 'already'
    const flag = FLAG[outcome]
    if (flag) {
      await flagPayment(trx, {
        kind: flag[0],
        message: info.reason ? `${flag[1]}: ${info.reason}` : flag[1],
        orderId: refund.orderId,
        outRefundNo: refund.outRefundNo,
        details: { amountFen: refund.amountFen, wechatRefundId: info.wechatRefundId ?? null },
        dedupe: refund.outRefundNo,
        at: now
      })
    }
    if (outcome === 'ABNORMAL') return 'settled'
    const order = await findOrder(trx, refund.orderId)
    if (!order) throw new Error(`refund ${refund.id} names a missing order ${refund.orderId}`)
    const action: OrderAction = outcome === 'SUCCESS' ? 'refund_succeeded' : 'refund_failed'
    const next = transition(stateOf(order), action, { amountFen: refund.amountFen })
    if (!next.ok) throw new Error(`refund ${refund.id}: order ${order.id} cannot ${action}: ${next.error.message}`)
    const to = { status: next.value.status, refundedFen: next.value.refundedFen, refundingFen: null, statusBeforeRefund: null }
    if (!(await updateRefundState(trx, order.id, { status: order.status, refundedFen: order.refundedFen }, to, at))) {
      throw new Error(`order ${order.id} changed while settling refund ${refund.id}; WeChat will re-send`)
    }
    await settleAfterSaleRefund(trx, refund.id, outcome === 'SUCCESS', at)
    if (outcome === 'SUCCESS') {
      // Refunded in full before anything shipped: the shopper gets the coupon back.
      if (next.value.status === 'refunded' && (await shipmentsOfOrder(trx, order.id)).length === 0) await freeOrderCoupon(trx, order.id)
      await voidSharerReward(trx, order, refund.createdAt, deps.config.afterSaleDays, now)
      await queueRefundMessage(deps, trx, { order, amountFen: refund.amountFen, succeeded: true, at: now })
      await recordServerEvent(trx, {
        type: 'order_refunded',
        userId: order.userId,
        orderId: order.id,
        totalFen: refund.amountFen,
        at: now,
        refundId: refund.id,
        contentSlug: order.attrContentSlug,
        shareId: order.attrShareId
      })
    }
    return 'settled'
  })
}
