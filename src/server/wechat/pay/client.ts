/**
 * Our WeChat Pay API v3 client (JSAPI / mini-program payments): order,
 * requestPayment parameters, query, close, refund, refund query, and the
 * opening of notifications. Built once per app from WECHATPAY_*; every
 * call is signed and every answer verified (transport.ts).
 */
import { err, ok } from '@core/result'
import type { Clock } from '../../clock'
import type { WechatPayConfig } from '../../config'
import { payKeys, type PayKeys } from './keys'
import { openNotification, type Notification, type NotifyResult } from './notification'
import { nonceStr, rsaSignAsync, signingMessage, type SignedHeaders } from './signing'
import { beijingRfc3339 } from './time'
import { payRequest, type PayResult } from './transport'
import { readRefund, readTransaction, type RefundInfo, type Transaction } from './views'

export interface JsapiOrderInput {
  description: string
  outTradeNo: string
  timeExpire: Date
  notifyUrl: string
  attach: string
  totalFen: number
  openid: string
}

export interface RefundInput {
  outTradeNo: string
  outRefundNo: string
  reason: string
  notifyUrl: string
  refundFen: number
  totalFen: number
}

/** What Taro.requestPayment takes. */
export interface RequestPaymentParams {
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

export interface PayClient {
  readonly mchId: string
  readonly appId: string
  createJsapiOrder(input: JsapiOrderInput): Promise<PayResult<{ prepayId: string }>>
  requestPayment(prepayId: string): Promise<RequestPaymentParams>
  queryOrder(outTradeNo: string): Promise<PayResult<Transaction>>
  closeOrder(outTradeNo: string): Promise<PayResult<void>>
  refund(input: RefundInput): Promise<PayResult<RefundInfo>>
  queryRefund(outRefundNo: string): Promise<PayResult<RefundInfo>>
  openNotification(headers: SignedHeaders, rawBody: Buffer): NotifyResult<Notification>
}

// NOTE: WeChat Pay takes 1–3-byte UTF-8 characters only; emoji in a product title would fail the order.
const FOUR_BYTE = /[\u{10000}-\u{10FFFF}]/gu

export function wechatText(value: string, maxChars: number): string {
  return [...value.replace(FOUR_BYTE, '')].slice(0, maxChars).join('')
}

export function createPayClient(
  cfg: WechatPayConfig,
  appId: string,
  clock: Clock,
  opts: { timeoutMs?: number } = {}
): PayClient {
  const keys: PayKeys = payKeys(cfg, appId)
  const timeoutMs = opts.timeoutMs ?? 5000
  const call = (method: 'GET' | 'POST', path: string, body?: object) => payRequest(keys, clock, timeoutMs, method, path, body)
  const mchidQuery = `mchid=${encodeURIComponent(keys.mchId)}`

  return {
    mchId: keys.mchId,
    appId,
    async createJsapiOrder(input) {
      const answer = await call('POST', '/v3/pay/transactions/jsapi', {
        appid: appId,
        mchid: keys.mchId,
        description: wechatText(input.description, 127),
        out_trade_no: input.outTradeNo,
        time_expire: beijingRfc3339(input.timeExpire),
        attach: wechatText(input.attach, 128),
        notify_url: input.notifyUrl,
        amount: { total: input.totalFen, currency: 'CNY' },
        payer: { openid: input.openid }
      })
      if (!answer.ok) return answer
      const prepayId = (answer.value.body as { prepay_id?: unknown } | null)?.prepay_id
      if (typeof prepayId !== 'string' || prepayId === '') return err('PAY_BAD_ANSWER', 'WeChat Pay answered the order without prepay_id')
      return ok({ prepayId })
    },
    async requestPayment(prepayId) {
      const timeStamp = String(Math.floor(clock.now().getTime() / 1000))
      const nonce = nonceStr()
      const pkg = `prepay_id=${prepayId}`
      const paySign = await rsaSignAsync(keys.privateKey, signingMessage(appId, timeStamp, nonce, pkg))
      return { timeStamp, nonceStr: nonce, package: pkg, signType: 'RSA', paySign }
    },
    async queryOrder(outTradeNo) {
      const answer = await call('GET', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?${mchidQuery}`)
      if (!answer.ok) return answer
      const t = readTransaction(answer.value.body)
      return t.ok ? t : err('PAY_BAD_ANSWER', t.error.message)
    },
    async closeOrder(outTradeNo) {
      const answer = await call('POST', `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}/close`, {
        mchid: keys.mchId
      })
      return answer.ok ? ok(undefined) : answer
    },
    async refund(input) {
      const answer = await call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: input.outTradeNo,
        out_refund_no: input.outRefundNo,
        reason: wechatText(input.reason, 80),
        notify_url: input.notifyUrl,
        amount: { refund: input.refundFen, total: input.totalFen, currency: 'CNY' }
      })
      if (!answer.ok) return answer
      const r = readRefund(answer.value.body)
      return r.ok ? r : err('PAY_BAD_ANSWER', r.error.message)
    },
    async queryRefund(outRefundNo) {
      const answer = await call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`)
      if (!answer.ok) return answer
      const r = readRefund(answer.value.body)
      return r.ok ? r : err('PAY_BAD_ANSWER', r.error.message)
    },
    openNotification: (headers, rawBody) => openNotification(keys, headers, rawBody, clock.now().getTime())
  }
}
