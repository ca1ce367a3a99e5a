/**
 * POST /api/v1/wechatpay/refund-notify: the payment notification's checks
 * (signature, 300 s, GCM) for REFUND.SUCCESS / REFUND.ABNORMAL /
 * REFUND.CLOSED, then mchid, out_refund_no, out_trade_no and amounts
 * against our refund and order. Mismatches answer 4xx and change nothing
 * (a wrong amount is flagged); a good one settles the refund and answers 204.
 */
import { findOrder } from '../../db/repos/order-repo'
import { findRefundByOutRefundNo } from '../../db/repos/refund-repo'
import type { Deps } from '../../deps'
import { refusalStatus } from '../../wechat/pay/notification'
import type { SignedHeaders } from '../../wechat/pay/signing'
import { readRefund } from '../../wechat/pay/views'
import type { NotifyAnswer } from '../payments/handle-pay-notify'
import { flagPayment } from '../payments/flag-payment'
import { paidFenOf } from '../orders/order-view'
import { settleRefund, type RefundOutcome } from './settle-refund'

const EVENTS: Record<string, RefundOutcome> = { 'REFUND.SUCCESS': 'SUCCESS', 'REFUND.ABNORMAL': 'ABNORMAL', 'REFUND.CLOSED': 'CLOSED' }

export async function handleRefundNotify(deps: Deps, headers: SignedHeaders, rawBody: Buffer): Promise<NotifyAnswer> {
  if (!deps.pay) return { status: 503, message: 'WeChat Pay is not configured on this server' }
  const opened = deps.pay.openNotification(headers, rawBody)
  if (!opened.ok) return { status: refusalStatus(opened), message: opened.error.message }
  const outcome = EVENTS[opened.value.eventType]
  if (!outcome) return { status: 400, message: `unexpected event_type ${opened.value.eventType} at the refund notify URL` }
  const info = readRefund(opened.value.resource)
  if (!info.ok) return { status: 400, message: info.error.message }
  const r = info.value
  if (r.mchId !== deps.pay.mchId) return { status: 400, message: `mchid ${String(r.mchId)} is not ours` }
  if (r.status !== outcome) return { status: 400, message: `refund_status ${r.status} contradicts ${opened.value.eventType}` }
  const refund = await findRefundByOutRefundNo(deps.db, r.outRefundNo)
  if (!refund) return { status: 404, message: `No refund with out_refund_no ${r.outRefundNo}` }
  const order = await findOrder(deps.db, refund.orderId)
  if (!order || order.outTradeNo !== r.outTradeNo) return { status: 400, message: `out_trade_no ${r.outTradeNo} is not the refunded order's` }
  if (r.refundFen !== refund.amountFen || r.totalFen !== paidFenOf(order)) {
    await flagPayment(deps.db, {
      kind: 'REFUND_AMOUNT_MISMATCH',
      message: `WeChat Pay reports a refund of ${r.refundFen}/${r.totalFen} fen; we asked for ${refund.amountFen}/${paidFenOf(order)}`,
      orderId: order.id,
      outTradeNo: order.outTradeNo,
      outRefundNo: refund.outRefundNo,
      details: { expectedFen: refund.amountFen, reportedFen: r.refundFen, reportedTotalFen: r.totalFen },
      dedupe: `${refund.outRefundNo}:${r.refundFen}:${r.totalFen}`,
      at: deps.clock.now()
    })
    return { status: 400, message: 'the refund amounts do not match our records' }
  }
  await settleRefund(deps, refund, outcome, { wechatRefundId: r.refundId })
  return { status: 204 }
}
