// Paying an order. The server signs a JSAPI order; the client only opens the cashier.
// Whatever the cashier says, the order's state is asked of the server afterwards.
// NOTE: weapp: Taro.requestPayment with signType 'RSA' (its default MD5 is v2 only).
// NOTE: H5 preview: the WeChat sandbox's pay page stands in for the cashier; it
// redirects back to `return` with paid=1 or cancel=1 added to the hash route.
import Taro from '@tarojs/taro'
import { browser, platform, sandboxBase } from './env'
import { requestPaymentParams } from './order-api'

/** paid: the cashier said ok (to be confirmed by the server); redirected: the H5 page is leaving. */
export type PayOutcome = { outcome: 'paid' | 'cancelled' | 'redirected' } | { outcome: 'failed'; message: string }

function h5ReturnUrl(returnTo: string): string {
  return `${location.origin}${location.pathname}#${returnTo.startsWith('/') ? returnTo : `/${returnTo}`}`
}

/** returnTo: the app route that shows the result (the order detail page). */
export async function payOrder(orderId: string, returnTo: string): Promise<PayOutcome> {
  const params = await requestPaymentParams(orderId)
  if (platform() !== 'weapp') {
    const prepayId = params.package.replace(/^prepay_id=/, '')
    browser.assign(`${sandboxBase()}/pay?prepay_id=${encodeURIComponent(prepayId)}&return=${encodeURIComponent(h5ReturnUrl(returnTo))}`)
    return { outcome: 'redirected' }
  }
  try {
    await Taro.requestPayment({ ...params, signType: 'RSA' })
    return { outcome: 'paid' }
  } catch (e) {
    const errMsg = String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e)
    if (/cancel/.test(errMsg)) return { outcome: 'cancelled' }
    return { outcome: 'failed', message: `支付未完成：${errMsg.replace(/^requestPayment:fail\s*/, '') || '请稍后重试'}` }
  }
}
