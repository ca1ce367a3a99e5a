/**
 * What WeChat Pay says about a payment (a TRANSACTION.SUCCESS notification
 * or a query answering SUCCESS) applied to our order: mchid, appid, attach
 * and amount must match, then the order moves to paid with a conditional
 * UPDATE on pending_payment, so ten copies of one notification make one
 * paid transition and one order_paid event. A wrong amount changes nothing
 * and is flagged for staff; money for an order we already closed is
 * flagged (staff refund it) and acknowledged, since WeChat cannot undo it.
 */
import { err, ok, type Result } from '@core/result'
import { transition } from '@core/order'
import { findOrderByOutTradeNo, markPaid } from '../../db/repos/order-repo'
import type { Deps } from '../../deps'
import { isoFromWechat } from '../../wechat/pay/time'
import type { Transaction } from '../../wechat/pay/views'
import { recordServerEvent } from '../events/record-server-event'
import { spendOrderCoupon } from '../coupons/order-coupon'
import { paidFenOf, stateOf } from '../orders/order-view'
import { flagPayment } from './flag-payment'

export type Applied = 'paid' | 'already_paid' | 'paid_after_close'

export async function applyPaidTransaction(deps: Deps, tx: Transaction): Promise<Result<Applied>> {
  const pay = deps.pay
  if (!pay) return err('PAY_NOT_CONFIGURED', 'WeChat Pay is not configured')
  if (tx.mchId !== pay.mchId) return err('PAYMENT_MISMATCH', `mchid ${tx.mchId} is not ours`)
  if (tx.appId !== pay.appId) return err('PAYMENT_MISMATCH', `appid ${tx.appId} is not ours`)
  if (tx.tradeState !== 'SUCCESS' && tx.tradeState !== 'REFUND') return err('PAYMENT_MISMATCH', `trade_state is ${tx.tradeState}, not SUCCESS`)
  const now = deps.clock.now()
  for (let attempt = 0; attempt < 3; attempt++) {
    const order = await findOrderByOutTradeNo(deps.db, tx.outTradeNo)
    if (!order) return err('ORDER_NOT_FOUND', `No order with out_trade_no ${tx.outTradeNo}`)
    if (tx.attach !== null && tx.attach !== order.id) return err('PAYMENT_MISMATCH', `attach ${tx.attach} does not name order ${order.id}`)
    const next = transition(stateOf(order), 'pay', { amountFen: tx.totalFen })
    if (!next.ok) {
      const code = next.error.code
      if (code === 'AMOUNT_MISMATCH') {
        await flagPayment(deps.db, {
          kind: 'AMOUNT_MISMATCH',
          message: `WeChat Pay reports ${tx.totalFen} fen paid for an order of ${paidFenOf(order)} fen`,
          orderId: order.id,
          outTradeNo: order.outTradeNo,
          details: { expectedFen: paidFenOf(order), reportedFen: tx.totalFen, transactionId: tx.transactionId },
          dedupe: `${order.outTradeNo}:${tx.totalFen}`,
          at: now
        })
        return next
      }
      if (order.status === 'closed') {
        await flagPayment(deps.db, {
          kind: 'PAID_AFTER_CLOSE',
          message: 'WeChat Pay took payment for an order that is closed (its stock was returned); refund it',
          orderId: order.id,
          outTradeNo: order.outTradeNo,
          details: { transactionId: tx.transactionId, paidFen: tx.totalFen },
          dedupe: order.outTradeNo,
          at: now
        })
        return ok('paid_after_close')
      }
      return ok('already_paid')
    }
    const paidAt = isoFromWechat(tx.successTime) ?? now.toISOString()
    const won = await deps.db.transaction().execute(async (trx) => {
      if (!(await markPaid(trx, order.id, { paidAt, transactionId: tx.transactionId, updatedAt: now.toISOString() }))) return false
      // Only an order placed with a coupon has one locked to it (create-order sets couponId exactly then).
      if (order.couponId !== null) await spendOrderCoupon(trx, order.id, now.toISOString())
      await recordServerEvent(trx, {
        type: 'order_paid',
        userId: order.userId,
        orderId: order.id,
        totalFen: paidFenOf(order),
        at: now,
        contentSlug: order.attrContentSlug,
        shareId: order.attrShareId
      })
      return true
    })
    if (won) {
      deps.metrics?.ordersPaid.inc()
      return ok('paid')
    }
    // Someone else moved the order first (another copy, the close job): look again.
  }
  throw new Error(`order ${tx.outTradeNo} kept changing while applying its payment`)
}
