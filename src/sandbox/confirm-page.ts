import { CARRIERS } from './carriers'
import type { Deps } from './deps'
import { html, redirect, route, type Reply, type Route } from './http'
import { confirmSheetPage } from './confirm-page-html'
import { resultPage } from './pay-page-html'
import { returnUrlOf, withParam } from './pay-page'
import { confirmReceipt } from './receipt'
import { findTradeOrder } from './trade-orders'
import type { TradeOrder } from './mp-store'

const carrierName = (id: string | undefined): string | undefined => (id ? (CARRIERS.find((c) => c.delivery_id === id)?.delivery_name ?? id) : undefined)

type Key = { transactionId?: string; mchid?: string; outTradeNo?: string }

/** The order the shop named, the way openBusinessView's extraData names it. */
function keyOf(get: (name: string) => string | null): { key?: Key; hidden: Record<string, string> } {
  const transactionId = get('transaction_id') || undefined
  const mchid = get('merchant_id') || undefined
  const outTradeNo = get('merchant_trade_no') || undefined
  if (transactionId) return { key: { transactionId }, hidden: { transaction_id: transactionId } }
  if (mchid && outTradeNo) return { key: { mchid, outTradeNo }, hidden: { merchant_id: mchid, merchant_trade_no: outTradeNo } }
  return { hidden: {} }
}

function problemOf(o: TradeOrder | undefined): string | undefined {
  if (!o) return '未找到该笔订单，请返回商家小程序重试'
  if (o.state === 1) return '商家尚未发货，暂时不能确认收货'
  if (o.state === 3 || o.state === 4) return '该订单已确认收货'
  if (o.state === 5) return '该订单已退款，无需确认收货'
  return undefined
}

function done(returnUrl: string | undefined, status: 'success' | 'cancel' | 'fail', message: string): Reply {
  if (returnUrl) return redirect(withParam(returnUrl, 'confirm_status', status))
  return html(200, resultPage({ ok: status === 'success', title: status === 'success' ? '已确认收货' : status === 'cancel' ? '已取消' : '确认收货失败', message }))
}

/** GET /sandbox/confirm-receipt plays wx.openBusinessView({businessType:'weappOrderConfirm'}) in the H5 preview. */
export function confirmPageRoutes(d: Deps): Route[] {
  return [
    route('GET', '/sandbox/confirm-receipt', (ctx) => {
      const q = ctx.url.searchParams
      const ret = returnUrlOf(q.get('return'))
      if (ret.bad) return ret.bad
      const { key, hidden } = keyOf((n) => q.get(n))
      if (!key) return html(400, resultPage({ ok: false, title: '参数错误', message: '需要 transaction_id，或 merchant_id 与 merchant_trade_no' }))
      const o = findTradeOrder(d, key)
      const parcel = o?.shipping?.parcels[0]
      return html(200, confirmSheetPage({
        merchantName: d.o.merchantName,
        hidden: { ...hidden, ...(ret.url ? { return: ret.url } : {}) },
        ...(o ? { order: { goods: o.description, paidFen: o.paidFen, outTradeNo: o.outTradeNo, transactionId: o.transactionId, carrier: carrierName(parcel?.expressCompany), trackingNo: parcel?.trackingNo } } : {}),
        ...(problemOf(o) ? { problem: problemOf(o) } : {})
      }))
    }),
    route('POST', '/sandbox/confirm-receipt', (ctx) => {
      const form = new URLSearchParams(ctx.body)
      const ret = returnUrlOf(form.get('return'))
      if (ret.bad) return ret.bad
      const action = form.get('action')
      // NOTE: WeChat's component answers cancel when the order is not in the shipped state; a
      // shopper leaving the sheet is a cancel too.
      if (action !== 'confirm') return done(ret.url, 'cancel', '未确认收货')
      const { key } = keyOf((n) => form.get(n))
      const o = key && findTradeOrder(d, key)
      if (!o) return done(ret.url, 'fail', '未找到该笔订单')
      const refused = confirmReceipt(d, o)
      if (refused) return done(ret.url, 'cancel', refused.message)
      return done(ret.url, 'success', o.description)
    })
  ]
}
