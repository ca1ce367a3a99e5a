import type { Deps } from './deps'
import { json, parseJsonObject, route, type Reply, type RequestContext, type Route } from './http'
import { isIssuedOpenid, prepayId } from './ids'
import { orderNotExist, paramError, payError } from './pay-errors'
import { validateJsapi, type JsapiRequest } from './pay-validate'
import type { Order } from './store'
import { transactionView } from './transaction-view'

const PREPAY_TTL_MS = 2 * 3600_000

function fingerprint(r: JsapiRequest): string {
  return JSON.stringify([r.appid, r.mchid, r.description, r.attach ?? null, r.amount.total, r.amount.currency, r.payer.openid])
}

function newPrepay(d: Deps, order: Order): string {
  const id = prepayId(d.o.now())
  d.store.prepays.set(id, { prepayId: id, outTradeNo: order.outTradeNo, expiresAt: d.o.now() + PREPAY_TTL_MS })
  order.prepayId = id
  return id
}

function jsapi(d: Deps, ctx: RequestContext): Reply {
  const body = parseJsonObject(ctx.body)
  if (!body) return payError(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象')
  const checked = validateJsapi(body, d.o.now())
  if ('error' in checked) return checked.error
  const r = checked.ok
  if (r.mchid !== d.o.mchid) return paramError('/mchid', r.mchid, '与 Authorization 中的 mchid 不一致')
  if (r.appid !== d.o.appid) return payError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
  const openid = r.payer.openid
  if (!d.o.acceptUnknownOpenids && !d.store.openids.has(openid) && !isIssuedOpenid(openid, d.o.secret)) {
    return payError(400, 'PARAM_ERROR', 'openid和appid不匹配', { field: '/payer/openid', value: openid, issue: '该 openid 不属于此 appid', location: 'body' })
  }
  const existing = d.store.orders.get(r.out_trade_no)
  if (existing) {
    if (existing.tradeState === 'SUCCESS' || existing.tradeState === 'REFUND') return payError(403, 'ORDERPAID', '该订单已支付')
    if (existing.tradeState === 'CLOSED') return payError(400, 'ORDER_CLOSED', '订单已关闭')
    if (existing.fingerprint !== fingerprint(r)) return payError(403, 'OUT_TRADE_NO_USED', '商户订单号重复')
    // Same order again: WeChat hands back the live prepay_id, or a new one once it has expired.
    const live = d.store.prepays.get(existing.prepayId)
    return json(200, { prepay_id: live && live.expiresAt > d.o.now() ? live.prepayId : newPrepay(d, existing) })
  }
  const order: Order = {
    appid: r.appid,
    mchid: r.mchid,
    description: r.description,
    outTradeNo: r.out_trade_no,
    ...(r.attach !== undefined ? { attach: r.attach } : {}),
    notifyUrl: r.notify_url,
    ...(r.time_expire !== undefined ? { timeExpire: r.time_expire } : {}),
    totalFen: r.amount.total,
    currency: r.amount.currency,
    openid,
    fingerprint: fingerprint(r),
    prepayId: '',
    tradeState: 'NOTPAY',
    createdAt: d.o.now()
  }
  d.store.orders.set(order.outTradeNo, order)
  return json(200, { prepay_id: newPrepay(d, order) })
}

function mchidQuery(d: Deps, ctx: RequestContext): Reply | null {
  const mchid = ctx.url.searchParams.get('mchid')
  if (!mchid) return payError(400, 'PARAM_ERROR', '参数错误：缺少查询参数 mchid', { field: 'mchid', value: null, issue: '为必填', location: 'query' })
  if (mchid !== d.o.mchid) return payError(400, 'PARAM_ERROR', '参数错误：mchid 与 Authorization 中的 mchid 不一致', { field: 'mchid', value: mchid, issue: '不一致', location: 'query' })
  return null
}

function close(d: Deps, ctx: RequestContext): Reply {
  const body = parseJsonObject(ctx.body)
  if (!body) return payError(400, 'PARAM_ERROR', '请求体不是合法的 JSON 对象')
  if (body.mchid !== d.o.mchid) return paramError('/mchid', body.mchid ?? null, '为必填，且须与 Authorization 中的 mchid 一致')
  const order = d.store.orders.get(ctx.params.outTradeNo)
  if (!order) return orderNotExist()
  if (order.tradeState === 'SUCCESS' || order.tradeState === 'REFUND') return payError(403, 'ORDERPAID', '该订单已支付')
  order.tradeState = 'CLOSED'
  return { status: 204 }
}

export function payApiRoutes(d: Deps): Route[] {
  return [
    route('POST', '/v3/pay/transactions/jsapi', (ctx) => jsapi(d, ctx)),
    route('GET', '/v3/pay/transactions/out-trade-no/:outTradeNo', (ctx) => {
      const bad = mchidQuery(d, ctx)
      if (bad) return bad
      const order = d.store.orders.get(ctx.params.outTradeNo)
      return order ? json(200, transactionView(order)) : orderNotExist()
    }),
    route('GET', '/v3/pay/transactions/id/:transactionId', (ctx) => {
      const bad = mchidQuery(d, ctx)
      if (bad) return bad
      const outTradeNo = d.store.byTransactionId.get(ctx.params.transactionId)
      const order = outTradeNo ? d.store.orders.get(outTradeNo) : undefined
      return order ? json(200, transactionView(order)) : orderNotExist()
    }),
    route('POST', '/v3/pay/transactions/out-trade-no/:outTradeNo/close', (ctx) => close(d, ctx))
  ]
}
