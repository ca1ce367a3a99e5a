// The whole journey in Chromium, against the real backend process and the WeChat
// sandbox: a staff member publishes a page in the admin; shopper A opens it in the H5
// shop and shares it; shopper B opens A's link, adds two products, pays on the
// sandbox's cashier page; the admin shows B's order attributed to the page and to A,
// refunds part of it, and the reports show the journey. Screens go to
// screenshots/journey-*.png.
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import type { ContentReportRow, FunnelResponse, SharerReportRow } from '@core/contract/analytics'
import type { OrderDto } from '@core/contract/orders'
import type { PageResponse } from '@core/contract/pages'
import type { Product } from '@core/contract/catalog'
import { ensureAdminBuild } from './helpers/admin-build'
import { serveAdmin } from './helpers/admin-site'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { openAdmin, openOrder, publishPage, refundPart } from './helpers/journey-admin'
import { addFromBlock, checkOut, shareFromMenu, storedValue } from './helpers/journey-h5'
import { placeholderSvg } from './helpers/placeholder-media'
import { ADMIN, adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { poll } from '../helpers/poll'

const SLUG = 'autumn-knit'
let browser: Browser
let stack: Awaited<ReturnType<typeof startRealStack>>
let shop: Awaited<ReturnType<typeof serveDir>>
let adminSite: Awaited<ReturnType<typeof serveAdmin>>
let api: Awaited<ReturnType<typeof adminClient>>
const problems: string[] = []

beforeAll(async () => {
  ensureAdminBuild()
  stack = await startRealStack()
  shop = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  adminSite = await serveAdmin(stack.apiUrl)
  browser = await launchBrowser()
  api = await adminClient(stack.apiUrl)
}, 400_000)
afterAll(async () => {
  await browser?.close()
  await adminSite?.close()
  await shop?.close()
  await stack?.close()
})

async function photo(name: string): Promise<string> {
  const page = await browser.newPage({ viewport: { width: 600, height: 600 } })
  await page.setContent(`<html><body style="margin:0">${placeholderSvg(name).replace('width="900" height="900"', 'width="600" height="600"')}</body></html>`)
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 600, height: 600 } })
  await page.close()
  return api.upload(png, `${name}.png`)
}

async function phone(): Promise<Page> {
  const { page, problems: own } = await openPhonePage(browser)
  await bridge(page, BUILT_API_BASE, stack.apiUrl)
  await bridge(page, BUILT_SANDBOX_BASE, stack.sandboxUrl)
  phones.push(own)
  return page
}
const phones: string[][] = []

const span = () => `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`
const contentRow = async () => (await api.get<{ rows: ContentReportRow[] }>(`/api/admin/analytics/content?${span()}`)).rows.find((r) => r.slug === SLUG)
const sharerRow = async (userId: string) => (await api.get<{ rows: SharerReportRow[] }>(`/api/admin/analytics/sharers?${span()}`)).rows.find((r) => r.userId === userId)

test('publish in the admin → A shares from the H5 shop → B buys two products through A → attributed, partly refunded, reported', async () => {
  // The brand's catalog (already there before the journey).
  const [knitPhoto, capPhoto] = [await photo('knit'), await photo('cap')]
  const { product: knit } = await api.post<{ product: Product }>('/api/admin/products', {
    title: '羊毛开衫', description: '新西兰美利奴羊毛，贴身不扎。', images: [knitPhoto],
    skus: [{ attrs: { 颜色: '燕麦' }, priceFen: 25900, stock: 8 }, { attrs: { 颜色: '墨绿' }, priceFen: 25900, stock: 8 }]
  })
  const { product: cap } = await api.post<{ product: Product }>('/api/admin/products', { title: '针织帽', description: '', images: [capPhoto], skus: [{ attrs: {}, priceFen: 8800, stock: 30 }] })

  // ---- 1. a staff member publishes the page in the admin
  const staff = await openAdmin(browser, adminSite.url, ADMIN, problems)
  await publishPage(staff, { title: '秋日针织', slug: SLUG, text: '天凉了，换上第一件针织。', products: ['羊毛开衫', '针织帽'] })
  await screenshot(staff, 'journey-01-admin-published')
  const served = (await (await fetch(`${stack.apiUrl}/api/v1/pages/${SLUG}`)).json()) as PageResponse
  expect(served.page.blocks.map((b) => b.type)).toEqual(['text', 'product', 'product'])
  expect(Object.keys(served.products).sort()).toEqual([knit.id, cap.id].sort())
  expect(await contentRow()).toBeUndefined()

  // ---- 2. shopper A opens it in the H5 shop, shares it, and signs in
  const a = await phone()
  await a.goto(`${shop.url}/#/pages/content/index?slug=${SLUG}`)
  await a.getByText('天凉了，换上第一件针织。').waitFor()
  await a.getByText('针织帽').first().waitFor()
  await screenshot(a, 'journey-02-a-reads')
  const card = await shareFromMenu(a)
  expect(card.title).toBe('秋日针织')
  const shareUrl = new URL(card.path, 'http://x')
  expect(shareUrl.pathname).toBe('/pages/content/index')
  expect(shareUrl.searchParams.get('slug')).toBe(SLUG)
  const shareId = shareUrl.searchParams.get('sh')!
  expect(shareId).toMatch(/^[0-9A-Za-z]{8,10}$/) // issued by the server (POST /api/v1/shares)
  await a.goto(`${shop.url}/#/pkg-orders/list/index`) // needs a login: A becomes a user, past events follow
  await a.getByText('暂无订单').waitFor()
  const sharer = (await storedValue<{ userId: string }>(a, 'auth:token'))!
  expect(sharer.userId).toEqual(expect.any(String))
  // The tracker sends in batches; the share reaches the reports within a few seconds.
  const afterShare = await poll(async () => ((await sharerRow(sharer.userId))?.shares === 1 ? sharerRow(sharer.userId) : undefined), { what: "A's share in the reports", timeoutMs: 30_000, everyMs: 500 })
  expect(afterShare).toMatchObject({ shares: 1, opens: 0, paidOrders: 0, paidFen: 0 })

  // ---- 3. shopper B opens A's link, adds two products, pays on the sandbox page
  const b = await phone()
  await b.goto(`${shop.url}/#${card.path}`)
  await b.getByText('天凉了，换上第一件针织。').waitFor()
  await addFromBlock(b, 0, '墨绿', 1)
  await addFromBlock(b, 1, null, 2)
  await screenshot(b, 'journey-03-b-two-in-cart')
  await checkOut(b, shop.url, 2)
  await screenshot(b, 'journey-04-b-sandbox-cashier')
  await b.getByText('确认支付').click()
  await b.locator('.order__title', { hasText: '已支付' }).waitFor({ timeout: 30_000 })
  await screenshot(b, 'journey-05-b-paid')
  const orderId = new URL(b.url().replace('#', '')).searchParams.get('id')!

  const { order } = await api.get<{ order: OrderDto }>(`/api/admin/orders/${orderId}`)
  expect(order.status).toBe('paid')
  expect(order.totalFen).toBe(25900 + 8800)
  expect(order.items.map((i) => [i.title, i.qty]).sort()).toEqual([['羊毛开衫', 1], ['针织帽', 1]])
  expect(order.attribution).toMatchObject({ shareId, contentSlug: SLUG, sharerId: sharer.userId, depth: 1 })

  // ---- 4. the admin: B's order, attributed to the page and to A
  await openOrder(staff, order.outTradeNo)
  const source = staff.locator('.ant-card', { hasText: '来源' })
  // The order names its page by title, as staff know it.
  await source.getByText('秋日针织').waitFor()
  await source.getByText(sharer.userId).waitFor()
  await screenshot(staff, 'journey-06-admin-order-attributed')

  // The reports now hold the whole journey.
  expect(await contentRow()).toMatchObject({ viewers: 2, shares: 1, shareOpens: 1, addToCarts: 2, orders: 1, paidOrders: 1, paidFen: 34700 })
  expect(await sharerRow(sharer.userId)).toMatchObject({ shares: 1, opens: 1, paidOrders: 1, paidFen: 34700, maxDepth: 1 })
  const { steps } = await api.get<FunnelResponse>(`/api/admin/analytics/funnel?${span()}&contentSlug=${SLUG}`)
  expect(steps.map((s) => [s.name, s.users])).toEqual([['content_view', 2], ['add_to_cart', 1], ['checkout_start', 1], ['order_created', 1], ['order_paid', 1]])

  // ---- 5. refund part of it (the cap), settled by WeChat Pay's notification
  await refundPart(staff, order.outTradeNo, '88', '针织帽缺货，退帽子的钱')
  await screenshot(staff, 'journey-07-admin-partly-refunded')
  const { order: refunded } = await api.get<{ order: OrderDto }>(`/api/admin/orders/${orderId}`)
  expect(refunded).toMatchObject({ status: 'paid', refundedFen: 8800 })
  await staff.getByRole('menuitem', { name: '订单' }).click()
  await staff.getByText('（已退 ¥88）').waitFor()

  // The analytics screen: the paid order, the page's row and A on the sharer board.
  await staff.getByRole('menuitem', { name: '数据' }).click()
  await staff.locator('.ant-statistic', { hasText: '支付订单' }).getByText('1').waitFor()
  // The content table names pages by title.
  await staff.locator('tr', { hasText: '秋日针织' }).first().waitFor()
  await staff.locator('tr', { hasText: sharer.userId }).waitFor()
  await staff.waitForTimeout(500) // the charts' entry animation
  await screenshot(staff, 'journey-08-admin-analytics')

  expect([...problems, ...phones.flat()]).toEqual([])
})
