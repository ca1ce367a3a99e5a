// Navigation and feedback. Pages go through here so only services call Taro APIs.
import Taro from '@tarojs/taro'

export const routes = {
  home: '/pages/index/index',
  cart: '/pages/cart/index',
  content: (slug: string) => `/pages/content/index?slug=${encodeURIComponent(slug)}`,
  product: (id: string) => `/pages/product/index?id=${encodeURIComponent(id)}`,
  checkout: '/pages/checkout/index',
  orders: (status?: string) => `/pkg-orders/list/index${status ? `?status=${status}` : ''}`,
  order: (id: string, flag?: 'paid' | 'cancel') => `/pkg-orders/detail/index?id=${encodeURIComponent(id)}${flag ? `&${flag}=1` : ''}`,
  afterSale: (orderId: string) => `/pkg-orders/after-sale/index?id=${encodeURIComponent(orderId)}`,
  returnParcel: (orderId: string) => `/pkg-orders/return/index?id=${encodeURIComponent(orderId)}`,
  myCoupons: '/pkg-me/coupons/index',
  myShares: '/pkg-me/shares/index'
}

const TABS = new Set([routes.home, routes.cart])

function report(what: string) {
  return (e: unknown) => console.error(`nav: ${what} failed`, e)
}

export function go(url: string): void {
  if (TABS.has(url)) Taro.switchTab({ url }).catch(report(`switchTab ${url}`))
  else Taro.navigateTo({ url }).catch(report(`navigateTo ${url}`))
}

export function replace(url: string): void {
  Taro.redirectTo({ url }).catch(report(`redirectTo ${url}`))
}

export function back(fallback = routes.home): void {
  Taro.navigateBack().catch(() => go(fallback))
}

export function toast(title: string, icon: 'none' | 'success' = 'none'): void {
  Taro.showToast({ title, icon, duration: 2000 }).catch(report('showToast'))
}

export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#2b2622' })
  return r.confirm
}

export function stopPullDownRefresh(): void {
  Taro.stopPullDownRefresh()
}

export function setTitle(title: string): void {
  Taro.setNavigationBarTitle({ title }).catch(report('setNavigationBarTitle'))
}
