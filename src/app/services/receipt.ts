// 确认收货 through WeChat's own confirm component (trade-managed orders).
// NOTE: weapp: no Taro binding for businessType 'weappOrderConfirm', so the global
// wx.openBusinessView is called behind an existence check (base library ≥ 2.6.0).
// The component answers through App.onShow (referrerInfo.appId wx1183b055aeec94d1,
// extraData.status success|fail|cancel): app.ts hands every show to noteAppShow(),
// and the order page takes the result on its own show. A success is only a claim:
// the page then asks the server, which checks WeChat's get_order.
// NOTE: H5 preview: the WeChat sandbox's confirm page plays the component and comes
// back to `return` with confirm_status=success|cancel|fail in the hash route's query.
import { browser, platform, sandboxBase } from './env'
import { ApiError } from './http'

export const CONFIRM_COMPONENT_APPID = 'wx1183b055aeec94d1'

/** How WeChat knows the payment: its transaction id, or our merchant number and trade number. */
export type TradeRef = { transactionId: string } | { merchantId: string; merchantTradeNo: string }
export type ConfirmStatus = 'success' | 'fail' | 'cancel'
export type ConfirmResult = { orderId: string; status: ConfirmStatus; message?: string }

type BusinessViewOptions = {
  businessType: string
  extraData: Record<string, string>
  success?: () => void
  fail?: (e: { errMsg?: string }) => void
}
type WxLike = { openBusinessView?: (options: BusinessViewOptions) => void }
declare const wx: WxLike | undefined

type ShowOptions = { referrerInfo?: { appId?: string; extraData?: { status?: string; errormsg?: string } } }

let opened: string | null = null
let result: ConfirmResult | null = null

function weappApi(): WxLike | undefined {
  return typeof wx === 'undefined' ? undefined : wx
}

function extraData(ref: TradeRef): Record<string, string> {
  return 'transactionId' in ref ? { transaction_id: ref.transactionId } : { merchant_id: ref.merchantId, merchant_trade_no: ref.merchantTradeNo }
}

function h5ReturnUrl(route: string): string {
  return `${location.origin}${location.pathname}#${route.startsWith('/') ? route : `/${route}`}`
}

/**
 * Opens WeChat's confirm component for an order. 'opened': the answer comes with the
 * next App.onShow; 'redirected': the H5 page is leaving for the sandbox.
 * Throws an ApiError (Chinese message) when this WeChat cannot show the component.
 */
export function openConfirmReceipt(orderId: string, ref: TradeRef, returnTo: string): Promise<'opened' | 'redirected'> {
  if (platform() !== 'weapp') {
    const query = Object.entries(extraData(ref)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    browser.assign(`${sandboxBase()}/sandbox/confirm-receipt?${query.join('&')}&return=${encodeURIComponent(h5ReturnUrl(returnTo))}`)
    return Promise.resolve('redirected')
  }
  const api = weappApi()
  if (!api?.openBusinessView) {
    return Promise.reject(new ApiError(0, 'WECHAT_TOO_OLD', '当前微信版本不支持确认收货，请升级微信后重试'))
  }
  const open = api.openBusinessView
  return new Promise((resolve, reject) => {
    opened = orderId
    open({
      businessType: 'weappOrderConfirm',
      extraData: extraData(ref),
      success: () => resolve('opened'),
      fail: (e) => {
        opened = null
        console.error('receipt: openBusinessView failed', e)
        reject(new ApiError(0, 'CONFIRM_UNAVAILABLE', '暂时无法打开确认收货，请稍后重试'))
      }
    })
  })
}

/** App.onShow: keeps the confirm component's answer for the order that opened it. */
export function noteAppShow(options: unknown): void {
  const referrer = (options as ShowOptions | undefined)?.referrerInfo
  if (!opened || referrer?.appId !== CONFIRM_COMPONENT_APPID) return
  const status = referrer.extraData?.status
  result = {
    orderId: opened,
    status: status === 'success' || status === 'cancel' ? status : 'fail',
    ...(referrer.extraData?.errormsg ? { message: referrer.extraData.errormsg } : {})
  }
  opened = null
}

/** The order page's show: the component's answer for this order, once. */
export function takeConfirmResult(orderId: string): ConfirmResult | null {
  if (!result || result.orderId !== orderId) return null
  const taken = result
  result = null
  return taken
}

/** H5: the sandbox page's answer, read from the page's query. */
export function confirmResultFromQuery(orderId: string, params: Record<string, string | undefined>): ConfirmResult | null {
  const status = params.confirm_status
  if (status !== 'success' && status !== 'cancel' && status !== 'fail') return null
  return { orderId, status }
}

/**
 * What WeChat's component needs for this order: the service message's query when the
 * page was opened from one, else what the order says. null: the order did not go
 * through WeChat's trade management, and the server confirms it alone.
 */
export function tradeRefOf(
  order: { outTradeNo: string; transactionId?: string; merchantId?: string },
  query: Record<string, string | undefined>
): TradeRef | null {
  const transactionId = query.transaction_id || order.transactionId
  if (transactionId) return { transactionId }
  const merchantId = query.merchant_id || order.merchantId
  if (merchantId) return { merchantId, merchantTradeNo: query.merchant_trade_no || order.outTradeNo }
  return null
}
