import type { Deps } from './deps'
import { json, parseJsonObject, route, type Reply, type RequestContext, type Route } from './http'
import { beijingTime, refundId } from './ids'
import { paramError, payError } from './pay-errors'
import { z } from 'zod'
import { firstParamError, notifyUrlIssue } from './pay-validate'
import { refundableFen, type Refund, type RefundOutcome } from './store'
import { markRefunded } from './trade-orders'

const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/
const AMOUNT_MESSAGE = '须为大于 0 的整数（单位：分）'
const stringOrNothing = (v: unknown) => (typeof v === 'string' ? v : undefined)
const fen = z.number({ error: AMOUNT_MESSAGE }).int(AMOUNT_MESSAGE).positive(AMOUNT_MESSAGE)

/** POST /v3/refund/domestic/refunds's body after the order key, fields in the order WeChat Pay reports them. */
const refundSchema = z.object({
  // The order key: either one (checked before the schema); a non-string one is ignored.
  out_trade_no: z.preprocess(stringOrNothing, z.string().optional()),
  transaction_id: z.preprocess(stringOrNothing, z.string().optional()),
  out_refund_no: z.string({ error: '须为 1-64 位数字、字母或 _-|*@' }).regex(OUT_REFUND_NO, '须为 1-64 位数字、字母或 _-|*@'),
  reason: z.string({ error: '应为不超过 80 字的字符串' }).refine((r) => [...r].length <= 80, '应为不超过 80 字的字符串').optional(),
  notify_url: z
    .string({ error: '为必填字符串' })
    .superRefine((v, ctx) => {
      const issue = notifyUrlIssue(v)
      if (issue) ctx.addIssue({ code: 'custom', message: issue })
    })
    .optional(),
  amount: z.object({ refund: fen, total: fen, currency: z.literal('CNY', { error: '为必填，境内商户仅支持 CNY' }) }, { error: '为必填对象' })
})
const notExists = (what: string): Reply => payError(404, 'RESOURCE_NOT_EXISTS', `${what}不存在`)

/** The refund object as POST and GET answer it. */
function refundView(r: Refund): Record<string, unknown> {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    channel: 'ORIGINAL',
    user_received_account: '支付用户零钱',
    ...(r.successTime ? { success_time: r.successTime } : {}),
    create_time: r.createTime,
    status: r.status,
    funds_account: 'AVAILABLE',
    amount: {
      total: r.totalFen,
      refund: r.refundFen,
      from: [],
      payer_total: r.totalFen,
      payer_refund: r.refundFen,
      settlement_refund: r.refundFen,
      settlement_total: r.totalFen,
      discount_refund: 0,
      currency: 'CNY',
      refund_fee: 0
    },
    promotion_detail: []
  }
}

const SUMMARY: Record<RefundOutcome, string> = { SUCCESS: '退款成功', ABNORMAL: '退款异常', CLOSED: '退款关闭' }

function refundedFen(d: Deps, outTradeNo: string): number {
  let fen = 0
  for (const r of d.store.refunds.values()) if (r.outTradeNo === outTradeNo && r.status === 'SUCCESS') fen += r.refundFen
  return fen
}

/** PROCESSING → the outcome; then REFUND.<outcome> goes to the refund's notify_url, if it gave one. */
function settle(d: Deps, refund: Refund, outcome: RefundOutcome): void {
  refund.status = outcome
  const order = d.store.orders.get(refund.outTradeNo)
  if (outcome === 'SUCCESS') {
    refund.successTime = beijingTime(d.o.now())
    if (order) order.tradeState = 'REFUND'
    // Trade management shows 已退款 only once all the money went back.
    if (order && refundedFen(d, order.outTradeNo) >= order.totalFen) markRefunded(d, refund.transactionId)
  }
  d.o.log(`refund ${refund.outRefundNo} of ${refund.outTradeNo}: ${outcome}`)
  if (!refund.notifyUrl) return
  void d.notifier.send({
    url: refund.notifyUrl,
    eventType: `REFUND.${outcome}`,
    summary: SUMMARY[outcome],
    originalType: 'refund',
    resource: {
      mchid: d.o.mchid,
      transaction_id: refund.transactionId,
      out_trade_no: refund.outTradeNo,
      refund_id: refund.refundId,
      out_refund_no: refund.outRefundNo,
      refund_status: outcome,
      ...(refund.successTime ? { success_time: refund.successTime } : {}),
      user_received_account: '支付用户零钱',
      amount: { total: refund.totalFen, refund: refund.refundFen, payer_total: refund.totalFen, payer_refund: refund.refundFen }
    },
    outTradeNo: refund.outTradeNo,
    outRefundNo: refund.outRefundNo,
    copies: d.control.duplicates
  })
}

function create(d: Deps, ctx: RequestContext): Reply {
  const body = parseJsonObject(ctx.body)
  if (!body) return payError(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象')
  if (typeof body.out_trade_no !== 'string' && typeof body.transaction_id !== 'string') return paramError('/out_trade_no', null, 'out_trade_no 与 transaction_id 须至少填一个')
  const parsed = refundSchema.safeParse(body)
  if (!parsed.success) return firstParamError(parsed.error.issues, body)
  const { out_trade_no: outTradeNo, transaction_id: txId, out_refund_no: outRefundNo, amount, reason, notify_url: notifyUrl } = parsed.data
  const tradeNo = typeof outTradeNo === 'string' ? outTradeNo : d.store.byTransactionId.get(txId as string)
  const order = tradeNo ? d.store.orders.get(tradeNo) : undefined
  if (!order || (typeof txId === 'string' && order.transactionId !== txId)) return notExists('订单')
  const existing = d.store.refunds.get(outRefundNo)
  if (existing) {
    // The same out_refund_no refunds once: a repeat gets the first refund back.
    if (existing.outTradeNo === order.outTradeNo && existing.refundFen === amount.refund) return json(200, refundView(existing))
    return payError(400, 'INVALID_REQUEST', '退款单号已存在，且与原退款请求参数不一致')
  }
  if (!order.transactionId) return payError(400, 'INVALID_REQUEST', '订单未支付，不能退款')
  if (amount.total !== order.totalFen) return payError(400, 'INVALID_REQUEST', `订单金额 amount.total 与原订单（${order.totalFen} 分）不一致`)
  if (amount.refund > refundableFen(d.store, order)) return payError(400, 'INVALID_REQUEST', '申请退款金额超过订单可退金额')
  const refund: Refund = {
    refundId: refundId(d.o.now()),
    outRefundNo,
    outTradeNo: order.outTradeNo,
    transactionId: order.transactionId,
    refundFen: amount.refund,
    totalFen: order.totalFen,
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof notifyUrl === 'string' ? { notifyUrl } : {}),
    status: 'PROCESSING',
    createTime: beijingTime(d.o.now())
  }
  d.store.refunds.set(outRefundNo, refund)
  const outcome = d.control.nextRefundOutcome
  d.control.nextRefundOutcome = 'SUCCESS'
  d.timers.later(d.o.refundDelayMs, () => settle(d, refund, outcome))
  return json(200, refundView(refund))
}

export function refundRoutes(d: Deps): Route[] {
  return [
    route('POST', '/v3/refund/domestic/refunds', (ctx) => create(d, ctx)),
    route('GET', '/v3/refund/domestic/refunds/:outRefundNo', (ctx) => {
      const refund = d.store.refunds.get(ctx.params.outRefundNo)
      return refund ? json(200, refundView(refund)) : notExists('退款单')
    })
  ]
}
