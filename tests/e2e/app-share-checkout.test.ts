// End to end on the H5 build, against the real backend and the WeChat sandbox:
// a sharer (the real weapp bundle in Node) shares a content page; a shopper opens
// it through the share link in Chromium, adds a product, checks out, pays on the
// sandbox's cashier page and sees the order as 已支付; the sharer report then
// shows the paid order.
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { OrderDto } from '@core/contract/orders'
import type { Product } from '@core/contract/catalog'
import type { SharerReportRow } from '@core/contract/analytics'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { placeholderSvg } from './helpers/placeholder-media'
import { adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { loadWeapp, textsOf } from './helpers/weapp-harness'
import { poll } from '../helpers/poll'

let browser: Browser
let site: Awaited<ReturnType<typeof serveDir>>
let stack: Awaited<ReturnType<typeof startRealStack>>
let sharerApp: ReturnType<typeof loadWeapp> | undefined

beforeAll(async () => {
  stack = await startRealStack()
  site = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  browser = await launchBrowser()
})
afterAll(async () => {
  sharerApp?.close()
  await browser?.close()
  await site?.close()
  await stack?.close()
})

async function photo(page: Page, name: string): Promise<Buffer> {
  await page.setContent(`<html><body style="margin:0">${placeholderSvg(name).replace('width="900" height="900"', 'width="600" height="600"')}</body></html>`)
  return page.screenshot({ clip: { x: 0, y: 0, width: 600, height: 600 } })
}

async function seedBrand(studio: Page) {
  const admin = await adminClient(stack.apiUrl)
  const [hero, tee, mug] = [await admin.upload(await photo(studio, 'hero'), 'hero.png'), await admin.upload(await photo(studio, 'tee'), 'tee.png'), await admin.upload(await photo(studio, 'mug'), 'mug.png')]
  const { product: shirt } = await admin.post<{ product: Product }>('/api/admin/products', {
    title: '亚麻短袖衫', description: '法国亚麻，水洗柔软。', images: [tee],
    skus: [{ attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 29900, stock: 5 }, { attrs: { 颜色: '燕麦', 尺码: 'L' }, priceFen: 29900, stock: 0 }]
  })
  const { product: cup } = await admin.post<{ product: Product }>('/api/admin/products', { title: '粗陶马克杯', description: '', images: [mug], skus: [{ attrs: {}, priceFen: 8800, stock: 20 }] })
  const { page } = await admin.post<{ page: { id: string } }>('/api/admin/pages', {
    slug: 'summer-linen', title: '夏日亚麻', share: { title: '这个夏天，穿亚麻' },
    blocks: [
      { type: 'hero', image: hero, title: '夏日亚麻', subtitle: '轻一点，慢一点' },
      { type: 'text', text: '亚麻吸湿、透气，越洗越软。' },
      { type: 'product', productId: shirt.id },
      { type: 'product-grid', title: '一起带走', productIds: [cup.id] }
    ]
  })
  await admin.post(`/api/admin/pages/${page.id}/publish`)
  return admin
}

test('a shopper opens a shared page, buys, pays on the sandbox, sees 已支付; the sharer report shows the order', async () => {
  const { page: studio } = await openPhonePage(browser)
  const admin = await seedBrand(studio)

  // The sharer: the real mini-program bundle, logged in through the sandbox's wx.login.
  sharerApp = loadWeapp({
    distDir: path.resolve(__dirname, '../../dist'),
    builtApiBase: BUILT_API_BASE,
    apiBase: stack.apiUrl,
    loginCode: async () => ((await (await fetch(`${stack.sandboxUrl}/sandbox/login-code`, { method: 'POST', body: '{}' })).json()) as { code: string }).code
  })
  const shared = sharerApp.openPage('pages/content/index', { slug: 'summer-linen' })
  await poll(() => textsOf(shared.data.root).includes('亚麻短袖衫'), { what: 'the sharer to see the page', timeoutMs: 10_000 })
  const menuCard = shared.onShareAppMessage!({ from: 'menu' }) as { path: string; promise?: Promise<{ path: string }> }
  // Like WeChat: the card's promise (the server's share id, or the client-made one offline) decides the path.
  const card = menuCard.promise ? await menuCard.promise : menuCard
  const shareId = new URLSearchParams(card.path.split('?')[1]).get('sh')!
  const orders = sharerApp.openPage('pkg-orders/list/index') // needs a login: binds the sharer's anonymous events
  await poll(() => textsOf(orders.data.root).includes('暂无订单'), { what: 'the sharer to log in', timeoutMs: 10_000 })
  const sharer = JSON.parse(String(sharerApp.storage.get('auth:token'))) as { userId: string }
  sharerApp.hide()
  await poll(() => JSON.parse(String(sharerApp!.storage.get('tracker:queue') || '[]')).length === 0, { what: 'the share event to reach the backend', timeoutMs: 10_000 })

  // The shopper, in Chromium, through the share link.
  const { page, problems } = await openPhonePage(browser)
  await bridge(page, BUILT_API_BASE, stack.apiUrl)
  await bridge(page, BUILT_SANDBOX_BASE, stack.sandboxUrl)
  await page.goto(`${site.url}/#/pages/content/index?slug=summer-linen&sh=${shareId}`)
  await page.getByText('轻一点，慢一点').waitFor()
  await page.locator('.blk-product__buy').first().click()
  await page.locator('.sku__chip', { hasText: 'M' }).click()
  await page.locator('.sku__confirm', { hasText: '加入购物车' }).click()
  await page.locator('.content__cart-badge', { hasText: '1' }).waitFor()

  await page.goto(`${site.url}/#/pages/cart/index`)
  await page.getByText('结算(1)').waitFor()
  await page.getByText('结算(1)').click()
  await page.getByText('手动填写').click()
  const fill = (label: string, value: string) => page.locator(`.addr-form__row:has-text("${label}") input`).fill(value)
  await fill('收货人', '林小满')
  await fill('手机号', '13800138000')
  await fill('省份', '浙江省')
  await fill('城市', '杭州市')
  await fill('区县', '西湖区')
  await fill('详细地址', '文三路 1 号')
  await page.getByText('保存地址').click()
  await page.getByText('提交订单并支付').click()

  // The sandbox's cashier page (WeChat Pay's stand-in), then back to the app.
  await page.getByText('确认支付').waitFor({ timeout: 20_000 })
  await screenshot(page, 'app-e2e-sandbox-cashier')
  await page.getByText('确认支付').click()
  await page.locator('.order__title', { hasText: '已支付' }).waitFor({ timeout: 20_000 })
  await screenshot(page, 'app-e2e-paid')
  const orderId = new URL(page.url().replace('#', '')).searchParams.get('id')!

  const { order } = await admin.get<{ order: OrderDto }>(`/api/admin/orders/${orderId}`)
  expect(order.status).toBe('paid')
  expect(order.totalFen).toBe(29900)
  expect(order.attribution.shareId).toBe(shareId)

  const from = new Date(Date.now() - 3600_000).toISOString()
  const to = new Date(Date.now() + 3600_000).toISOString()
  const { rows } = await admin.get<{ rows: SharerReportRow[] }>(`/api/admin/analytics/sharers?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
  expect(rows.find((r) => r.userId === sharer.userId)).toMatchObject({ shares: 1, opens: 1, paidOrders: 1, paidFen: 29900, maxDepth: 1 })
  expect(problems).toEqual([])
})
