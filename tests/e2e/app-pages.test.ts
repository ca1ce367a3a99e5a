// Every shopper page of the H5 build at phone size, photographed into screenshots/
// (app-*.png), with a stand-in shop behind it. The real backend flow is in
// app-share-checkout.test.ts.
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { startFixtureShop } from './helpers/fixture-shop'
import { serveDir } from './helpers/static-server'

let browser: Browser
let site: Awaited<ReturnType<typeof serveDir>>
let shop: Awaited<ReturnType<typeof startFixtureShop>>

beforeAll(async () => {
  site = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  shop = await startFixtureShop()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await shop?.close()
  await site?.close()
})

async function phone(): Promise<{ page: Page; problems: string[] }> {
  const opened = await openPhonePage(browser)
  await bridge(opened.page, BUILT_API_BASE, shop.url)
  await bridge(opened.page, BUILT_SANDBOX_BASE, shop.url)
  return opened
}

const visible = (page: Page, text: string) => page.getByText(text, { exact: true }).first().waitFor()

test('home feed, content page, SKU picker, product, cart, checkout, order pending and paid, order list', async () => {
  const { page, problems } = await phone()
  await page.goto(`${site.url}/#/pages/index/index`)
  await visible(page, '慢慢的早晨')
  await page.waitForTimeout(300)
  await screenshot(page, 'app-home')

  await page.getByText('夏日亚麻', { exact: true }).first().click()
  await visible(page, '清晨七点的阳台')
  await page.waitForTimeout(300)
  await screenshot(page, 'app-content')
  await page.locator('.blk-grid').scrollIntoViewIfNeeded()
  await page.waitForTimeout(300)
  await screenshot(page, 'app-content-products')

  await page.locator('.blk-product__buy').first().click()
  await visible(page, '请选择 颜色／尺码')
  await page.locator('.sku__chip', { hasText: '燕麦' }).click()
  await page.locator('.sku__chip', { hasText: 'M' }).click()
  await visible(page, '库存 12 件')
  await screenshot(page, 'app-sku-picker')
  await page.locator('.sku__confirm', { hasText: '加入购物车' }).click()
  await page.locator('.content__cart-badge', { hasText: '1' }).waitFor()

  await page.goto(`${site.url}/#/pages/product/index?id=p-tee`)
  await visible(page, '商品介绍')
  await page.waitForTimeout(300)
  await screenshot(page, 'app-product')

  await page.goto(`${site.url}/#/pages/cart/index`)
  await page.locator('.cart-row').first().waitFor()
  await visible(page, '结算(1)')
  await screenshot(page, 'app-cart')

  await page.getByText('结算(1)').click()
  await visible(page, '选择微信收货地址')
  await page.getByText('手动填写').click()
  const fill = async (label: string, value: string) => page.locator(`.addr-form__row:has-text("${label}") input`).fill(value)
  await fill('收货人', '林小满')
  await fill('手机号', '13800138000')
  await fill('省份', '浙江省')
  await fill('城市', '杭州市')
  await fill('区县', '西湖区')
  await fill('详细地址', '文三路 1 号')
  await page.getByText('保存地址').click()
  await visible(page, '林小满 13800138000')
  await screenshot(page, 'app-checkout')

  // The cashier: here it just sends the shopper back as if they cancelled.
  await page.route(`${BUILT_SANDBOX_BASE}/pay?**`, (route) => {
    const back = new URL(route.request().url()).searchParams.get('return') ?? ''
    return route.fulfill({ status: 303, headers: { location: back.replace('#/pkg-orders/detail/index?', '#/pkg-orders/detail/index?cancel=1&') } })
  })
  await page.getByText('提交订单并支付').click()
  await visible(page, '等待付款')
  await visible(page, '已取消支付，订单已为你保留，可在倒计时结束前继续支付')
  await screenshot(page, 'app-order-pending')

  shop.markPaid(shop.orders[0].id)
  await page.goto(`${site.url}/#/pkg-orders/detail/index?id=${shop.orders[0].id}&paid=1`)
  await visible(page, '已支付')
  await screenshot(page, 'app-order-paid')

  await page.goto(`${site.url}/#/pkg-orders/list/index`)
  await page.locator('.order-card').first().waitFor()
  await screenshot(page, 'app-orders')
  expect(problems).toEqual([])
})

test('Moments single-page mode (scene 1154): the page shows, nothing sells, the way in is explained', async () => {
  const { page, problems } = await phone()
  await page.goto(`${site.url}/#/pages/content/index?slug=summer-linen&scene=1154`)
  await visible(page, '当前为朋友圈预览，点击屏幕下方「前往小程序」即可查看完整内容并购买')
  expect(await page.locator('.blk-product__buy').count()).toBe(0)
  expect(await page.locator('.content__cart').count()).toBe(0)
  await screenshot(page, 'app-content-moments')
  expect(problems).toEqual([])
})

test('empty feed and a missing page have calm states', async () => {
  const { page, problems } = await phone()
  await page.goto(`${site.url}/#/pages/content/index?slug=no-such-page`)
  await visible(page, '内容不见了')
  await screenshot(page, 'app-content-missing')
  await page.goto(`${site.url}/#/pages/cart/index`)
  await visible(page, '购物车还是空的')
  await screenshot(page, 'app-cart-empty')
  expect(problems.filter((p) => !p.includes('404'))).toEqual([])
})
