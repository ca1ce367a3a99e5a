import type { Deps } from './deps'
import { controlError, json, parseJsonObject, route, type Route } from './http'
import { checkPayable, pay } from './payment'
import { checkPaySign } from './signing'
import type { RefundOutcome } from './store'
import { transactionView } from './transaction-view'

const OUTCOMES: RefundOutcome[] = ['SUCCESS', 'ABNORMAL', 'CLOSED']

/** Sandbox-only JSON endpoints: what tests and the H5 preview use to act as the shopper's phone. */
export function controlRoutes(d: Deps): Route[] {
  const options = () => json(200, { duplicates: d.control.duplicates, nextRefundOutcome: d.control.nextRefundOutcome })
  return [
    route('POST', '/sandbox/pay/:prepayId/confirm', async (ctx) => {
      const check = checkPayable(d, ctx.params.prepayId)
      if (!check.ok) return controlError(check.status, check.code, check.message)
      const deliveries = await pay(d, check.order)
      return json(200, { transaction: transactionView(check.order), deliveries })
    }),
    route('GET', '/sandbox/notify-options', options),
    route('POST', '/sandbox/notify-options', (ctx) => {
      const body = parseJsonObject(ctx.body)
      if (!body) return controlError(400, 'BAD_JSON', 'body must be a JSON object: {duplicates?, nextRefundOutcome?}')
      const { duplicates, nextRefundOutcome } = body
      if (duplicates !== undefined && !(Number.isInteger(duplicates) && (duplicates as number) >= 1 && (duplicates as number) <= 20)) {
        return controlError(400, 'BAD_DUPLICATES', 'duplicates must be an integer from 1 to 20')
      }
      if (nextRefundOutcome !== undefined && !OUTCOMES.includes(nextRefundOutcome as RefundOutcome)) {
        return controlError(400, 'BAD_OUTCOME', `nextRefundOutcome must be one of ${OUTCOMES.join(', ')}`)
      }
      if (duplicates !== undefined) d.control.duplicates = duplicates as number
      if (nextRefundOutcome !== undefined) d.control.nextRefundOutcome = nextRefundOutcome as RefundOutcome
      return options()
    }),
    route('GET', '/sandbox/notifications', (ctx) => {
      const outTradeNo = ctx.url.searchParams.get('out_trade_no')
      const items = d.notifier.deliveries().filter((x) => !outTradeNo || x.outTradeNo === outTradeNo)
      return json(200, { items })
    }),
    route('POST', '/sandbox/verify-pay-sign', (ctx) => {
      const body = parseJsonObject(ctx.body)
      if (!body) return json(400, { ok: false, errMsg: 'requestPayment:fail 参数须为 JSON 对象' })
      const signed = checkPaySign(d.o, body)
      if ('error' in signed) return json(400, { ok: false, errMsg: `requestPayment:fail ${signed.error}` })
      const payable = checkPayable(d, signed.prepayId)
      if (!payable.ok) return json(400, { ok: false, errMsg: `requestPayment:fail ${payable.message}` })
      const payUrl = `${d.baseUrl()}/pay?prepay_id=${encodeURIComponent(signed.prepayId)}`
      return json(200, { ok: true, prepayId: signed.prepayId, payUrl })
    }),
    route('GET', '/', () =>
      json(200, {
        name: 'WeChat sandbox (login, WeChat Pay API v3, mini-program trade management)',
        appid: d.o.appid,
        mchid: d.o.mchid,
        wechatpayPublicKeyId: d.o.wechatpayPublicKeyId,
        endpoints: [
          'GET /sns/jscode2session', 'POST /sandbox/login-code',
          'POST /v3/pay/transactions/jsapi', 'GET /v3/pay/transactions/out-trade-no/{no}?mchid=',
          'GET /v3/pay/transactions/id/{id}?mchid=', 'POST /v3/pay/transactions/out-trade-no/{no}/close',
          'POST /v3/refund/domestic/refunds', 'GET /v3/refund/domestic/refunds/{out_refund_no}',
          'GET /pay?prepay_id=&return=', 'POST /sandbox/pay/{prepay_id}/confirm', 'POST /sandbox/verify-pay-sign',
          'GET|POST /sandbox/notify-options', 'GET /sandbox/notifications',
          'POST /cgi-bin/stable_token', 'POST /cgi-bin/express/delivery/open_msg/get_delivery_list?access_token=',
          'POST /wxa/sec/order/upload_shipping_info?access_token=', 'POST /wxa/sec/order/get_order?access_token=',
          'POST /wxa/sec/order/set_msg_jump_path?access_token=', 'POST /wxa/sec/order/notify_confirm_receive?access_token=',
          'POST /wxa/sec/order/is_trade_managed?access_token=', 'POST /cgi-bin/message/subscribe/send?access_token=',
          'POST /sandbox/mp/fail {api, errcode, times}', 'POST /sandbox/mp/ingest-delay {ms}', 'POST /sandbox/mp/expire-token',
          'GET /sandbox/mp/calls?api=', 'GET /sandbox/mp/orders/{transaction_id}',
          'POST /sandbox/mp/orders/{transaction_id}/confirm-receipt', 'POST /sandbox/mp/orders/{transaction_id}/settle',
          'POST /sandbox/mp/orders/{transaction_id}/remind-shipping', 'GET /sandbox/mp/messages?touser=',
          'POST /sandbox/mp/subscriptions {openid, templateId, count}', 'GET /sandbox/mp/templates', 'GET /sandbox/mp/pushes',
          'POST /sandbox/mp/verify-push-url',
          'GET /sandbox/mp/msg-jump-path',
          'GET /sandbox/confirm-receipt?transaction_id=&merchant_id=&merchant_trade_no=&return='
        ]
      }))
  ]
}
