// The shop's H5 build as a shopper's phone: what WeChat itself would do around the
// pages (the share menu), and the shopper's own taps (add to cart, check out, pay).
import type { Page } from 'playwright-core'

/**
 * Plays WeChat's 转发 menu: calls the current page's onShareAppMessage, as the WeChat
 * client does on a phone, and answers the card it returns ({title, path}).
 * NOTE: the H5 build has no share sheet of its own, and Taro keeps its page stack in
 * module scope; the page instance is reached through webpack's JSONP runtime (a chunk
 * pushed on `self.webpackJsonp` gets `__webpack_require__`) and the loaded @tarojs/taro
 * module's getCurrentPages().
 */
export async function shareFromMenu(page: Page): Promise<{ title: string; path: string }> {
  return page.evaluate(async () => {
    type Req = ((id: string) => Record<string, unknown>) & { m: Record<string, unknown> }
    type TaroPage = { route: string; onShareAppMessage?: (o: { from: string }) => { title: string; path: string } }
    let req: Req | undefined
    const w = self as unknown as { webpackJsonp?: unknown[] }
    if (!w.webpackJsonp) throw new Error('shareFromMenu: no webpackJsonp on the page; is this the Taro H5 build?')
    w.webpackJsonp.push([[`share-probe-${Date.now()}`], {}, (r: Req) => (req = r)])
    if (!req) throw new Error('shareFromMenu: the webpack runtime did not run the probe chunk')
    const r = req
    // Only modules whose source names Taro's API object; they are loaded already, so req() returns the cached exports.
    const taro = Object.keys(r.m)
      .filter((id) => String(r.m[id]).includes('"getCurrentPages":'))
      .flatMap((id) => Object.values(r(id)))
      .find((v): v is { getCurrentPages: () => TaroPage[] } => !!v && typeof (v as { getCurrentPages?: unknown }).getCurrentPages === 'function')
    if (!taro) throw new Error('shareFromMenu: @tarojs/taro not found in the bundle')
    const pages = taro.getCurrentPages()
    const current = pages[pages.length - 1]
    if (!current?.onShareAppMessage) throw new Error(`shareFromMenu: ${current?.route ?? 'no page'} has no onShareAppMessage (enableShareAppMessage off?)`)
    // Like WeChat: a card with a `promise` (the server's share id) is shared as that promise answers.
    const card = current.onShareAppMessage({ from: 'menu' }) as { title: string; path: string; promise?: Promise<{ title: string; path: string }> }
    return card.promise ? await card.promise : card
  })
}

/** A value the app keeps in Taro storage (localStorage under H5: `{"data": …}`, strings JSON inside). */
export async function storedValue<T>(page: Page, key: string): Promise<T | undefined> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), key)
  if (raw === null) return undefined
  const data = (JSON.parse(raw) as { data: unknown }).data
  return (typeof data === 'string' ? JSON.parse(data) : data) as T
}

/** Taps 加入购物车 on the `index`-th product block, picking `chip` first when the product has a choice. */
export async function addFromBlock(page: Page, index: number, chip: string | null, cartCount: number) {
  await page.locator('.blk-product__buy').nth(index).click()
  if (chip) await page.locator('.sku__chip', { hasText: chip }).click()
  await page.locator('.sku__confirm', { hasText: '加入购物车' }).click()
  await page.locator('.content__cart-badge', { hasText: String(cartCount) }).waitFor()
}

/** From the cart: check out `lines` lines with a typed-in address, up to the sandbox's cashier page. */
export async function checkOut(page: Page, siteUrl: string, lines: number) {
  await page.goto(`${siteUrl}/#/pages/cart/index`)
  await page.getByText(`结算(${lines})`).click()
  await page.getByText('手动填写').click()
  const fill = (label: string, value: string) => page.locator(`.addr-form__row:has-text("${label}") input`).fill(value)
  await fill('收货人', '沈知秋')
  await fill('手机号', '13700137000')
  await fill('省份', '江苏省')
  await fill('城市', '苏州市')
  await fill('区县', '姑苏区')
  await fill('详细地址', '平江路 12 号')
  await page.getByText('保存地址').click()
  await page.getByText('提交订单并支付').click()
  await page.getByText('确认支付').waitFor({ timeout: 30_000 })
}
