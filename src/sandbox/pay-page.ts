import type { Deps } from './deps'
import { html, redirect, route, type Reply, type Route } from './http'
import { checkoutPage, resultPage } from './pay-page-html'
import { checkPayable, pay } from './payment'

/**
 * Adds `name=1` to the shop's return URL. With a hash route (Taro's H5 default,
 * `…/#/pages/order/index?id=3`) the page reads its query from the hash, so it goes there.
 */
export function withFlag(returnUrl: string, name: string): string {
  return withParam(returnUrl, name, '1')
}

/** Adds `name=value` to the shop's return URL, in the hash route's query when there is one. */
export function withParam(returnUrl: string, name: string, value: string): string {
  const add = (s: string): string => `${s}${s.includes('?') ? '&' : '?'}${name}=${encodeURIComponent(value)}`
  const hashAt = returnUrl.indexOf('#')
  if (hashAt < 0) return add(returnUrl)
  const before = returnUrl.slice(0, hashAt)
  const hash = returnUrl.slice(hashAt)
  return hash.startsWith('#/') ? before + add(hash) : add(before) + hash
}

export function returnUrlOf(value: string | null): { url?: string; bad?: Reply } {
  if (!value) return {}
  try {
    const url = new URL(value)
    if (url.protocol === 'http:' || url.protocol === 'https:') return { url: value }
  } catch {
    // fall through to the refusal below
  }
  return { bad: html(400, resultPage({ ok: false, title: '参数错误', message: 'return 须为 http(s) 绝对地址' })) }
}

const fail = (status: number, message: string): Reply => html(status, resultPage({ ok: false, title: '无法支付', message }))

export function payPageRoutes(d: Deps): Route[] {
  return [
    route('GET', '/pay', (ctx) => {
      const prepayId = ctx.url.searchParams.get('prepay_id')
      if (!prepayId) return fail(400, '缺少 prepay_id')
      const ret = returnUrlOf(ctx.url.searchParams.get('return'))
      if (ret.bad) return ret.bad
      const check = checkPayable(d, prepayId)
      if (!check.ok) {
        if (check.code === 'ORDER_PAID' && check.order) {
          return html(200, resultPage({ ok: true, title: '该订单已支付', message: check.order.description, amountFen: check.order.totalFen }))
        }
        return fail(check.status, check.message)
      }
      const o = check.order
      return html(200, checkoutPage({
        merchantName: d.o.merchantName, mchid: d.o.mchid, description: o.description, amountFen: o.totalFen,
        outTradeNo: o.outTradeNo, prepayId, ...(ret.url ? { returnUrl: ret.url } : {})
      }))
    }),
    route('POST', '/pay/confirm', async (ctx) => {
      const form = new URLSearchParams(ctx.body)
      const ret = returnUrlOf(form.get('return'))
      if (ret.bad) return ret.bad
      const check = checkPayable(d, form.get('prepay_id') ?? '')
      let order
      if (check.ok) {
        order = check.order
        await pay(d, order)
      } else if (check.code === 'ORDER_PAID' && check.order) {
        // A second tap on an already paid order just goes back, as the cashier would.
        order = check.order
      } else {
        return fail(check.status, check.message)
      }
      if (ret.url) return redirect(withFlag(ret.url, 'paid'))
      return html(200, resultPage({ ok: true, title: '支付成功', message: order.description, amountFen: order.totalFen }))
    }),
    route('POST', '/pay/cancel', (ctx) => {
      const form = new URLSearchParams(ctx.body)
      const ret = returnUrlOf(form.get('return'))
      if (ret.bad) return ret.bad
      if (ret.url) return redirect(withFlag(ret.url, 'cancel'))
      return html(200, resultPage({ ok: false, title: '已取消支付', message: '订单未支付，可返回商户重新发起' }))
    })
  ]
}
