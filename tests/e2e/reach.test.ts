// End to end beyond the chat, on the H5 build against the real backend and the WeChat
// sandbox (issue 15's "done when"):
// 1. Staff create a Weibo campaign in the admin web; a phone browser opens its stable
//    landing URL, which jumps through the sandbox's URL Link (scene 1194) into the shop with
//    the campaign; the shopper buys and pays; the order and the channel report name weibo and
//    that campaign, and the admin's 渠道 card shows it.
// 2. A shopper makes a poster; its PNG holds a code whose scene is the share's; a friend
//    "scans" it (the sandbox's scan address opens the shop as scene 1047) and pays; the order
//    goes to the sharer through the poster channel; someone else announcing that share id is
//    refused (SHARE_ID_TAKEN).
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import type { Browser, Page } from 'playwright-core'
import type { Product } from '@core/contract/catalog'
import type { OrderDto } from '@core/contract/orders'
import type { CampaignDto } from '@core/contract/reach'
import type { ChannelReportRow } from '@core/contract/rewards'
import type { SharerReportRow } from '@core/contract/analytics'
import { bridge, BUILT_API_BASE, BUILT_SANDBOX_BASE } from './helpers/api-bridge'
import { serveAdmin } from './helpers/admin-site'
import { launchBrowser, screenshot } from './helpers/browser'
import { openAdmin } from './helpers/journey-admin'
import { addFromBlock, checkOut, storedValue } from './helpers/journey-h5'
import { placeholderSvg } from './helpers/placeholder-media'
import { ADMIN, adminClient, startRealStack } from './helpers/real-stack'
import { serveDir } from './helpers/static-server'
import { poll } from '../helpers/poll'

const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1'

let browser: Browser
let site: Awaited<ReturnType<typeof serveDir>>
let adminSite: Awaited<ReturnType<typeof serveAdmin>>
let stack: Awaited<ReturnType<typeof startRealStack>>
let admin: Awaited<ReturnType<typeof adminClient>>

beforeAll(async () => {
  site = await serveDir(path.resolve(__dirname, '../../dist-h5'))
  stack = await startRealStack({ h5Url: `${site.url}/` })
  adminSite = await serveAdmin(stack.apiUrl)
  browser = await launchBrowser()
  admin = await adminClient(stack.apiUrl)
  await seedBrand()
})
afterAll(async () => {
  await browser?.close()
  await adminSite?.close()
  await site?.close()
  await stack?.close()
})

const lastHour = () => `from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}&to=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`

async function seedBrand() {
  const scratch = await browser.newPage()
  const photo = async (name: string) => {
    await scratch.setContent(`<html><body style="margin:0">${placeholderSvg(name).replace('width="900" height="900"', 'width="600" height="600"')}</body></html>`)
    return scratch.screenshot({ clip: { x: 0, y: 0, width: 600, height: 600 } })
  }
  const hero = await admin.upload(await photo('hero'), 'hero.png')
  const tee = await admin.upload(await photo('tee'), 'tee.png')
  await scratch.close()
  const { product } = await admin.post<{ product: Product }>('/api/admin/products', {
    title: '亚麻短袖衫', description: '法国亚麻，水洗柔软。', images: [tee],
    skus: [{ attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 29900, stock: 20 }, { attrs: { 颜色: '燕麦', 尺码: 'L' }, priceFen: 29900, stock: 0 }]
  })
  const { page } = await admin.post<{ page: { id: string } }>('/api/admin/pages', {
    slug: 'summer-linen', title: '夏日亚麻', share: { title: '这个夏天，穿亚麻' },
    blocks: [{ type: 'hero', image: hero, title: '夏日亚麻', subtitle: '轻一点，慢一点' }, { type: 'product', productId: product.id }]
  })
  await admin.post(`/api/admin/pages/${page.id}/publish`)
}

/** A phone (iPhone user agent) whose H5 build reaches the real backend and sandbox. */
async function openPhone() {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', userAgent: IPHONE })
  await bridge(context, BUILT_API_BASE, stack.apiUrl)
  await bridge(context, BUILT_SANDBOX_BASE, stack.sandboxUrl)
  const page = await context.newPage()
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
  })
  return { page, problems }
}

/** On the content page: the shirt into the cart, checkout (helpers/journey-h5), pay on the sandbox's cashier; the order id. */
async function buyShirt(page: Page): Promise<string> {
  await page.getByText('轻一点，慢一点').waitFor({ timeout: 30_000 })
  await addFromBlock(page, 0, 'M', 1)
  await checkOut(page, site.url, 1)
  await page.getByText('确认支付').click()
  await page.locator('.order__title', { hasText: '已支付' }).waitFor({ timeout: 20_000 })
  return new URL(page.url().replace('#', '')).searchParams.get('id')!
}

test('a Weibo campaign: staff create it, a phone opens its landing URL, the shopper pays, the channel report shows weibo and the campaign', async () => {
  // Staff, in the admin web: 推广 → 新建推广 for the published page (微博 is the default channel).
  const adminProblems: string[] = []
  const studio = await openAdmin(browser, adminSite.url, ADMIN, adminProblems)
  await studio.getByRole('menuitem', { name: '推广' }).click()
  await studio.getByRole('button', { name: /新建推广/ }).click()
  const dialog = studio.getByRole('dialog')
  await dialog.getByLabel('名称').fill('微博 · 夏日首发')
  await dialog.getByRole('combobox', { name: '内容页面' }).click()
  await studio.locator('.ant-select-item-option', { hasText: '夏日亚麻' }).click()
  await dialog.getByRole('button', { name: /生成链接和小程序码/ }).click()
  const drawer = studio.locator('.ant-drawer-content')
  await drawer.getByText('落地页（长期有效）').waitFor()
  const { items } = await admin.get<{ items: CampaignDto[] }>('/api/admin/campaigns')
  const campaign = items.find((c) => c.name === '微博 · 夏日首发')!
  expect(campaign).toMatchObject({ channel: 'weibo', target: { contentSlug: 'summer-linen' } })
  await drawer.getByText(campaign.landingUrl).waitFor()
  await drawer.getByRole('img', { name: /的小程序码/ }).waitFor()
  await screenshot(studio, 'reach-e2e-campaign')
  await studio.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  // A phone browser opens the landing URL: it jumps through the URL Link into the shop (scene 1194).
  const { page, problems } = await openPhone()
  await page.goto(campaign.landingUrl)
  await page.waitForURL((url) => url.href.startsWith(site.url), { timeout: 30_000 })
  expect(page.url()).toContain(`c=${campaign.code}`)
  expect(page.url()).toContain('scene=1194')
  const orderId = await buyShirt(page)

  const { order } = await admin.get<{ order: OrderDto }>(`/api/admin/orders/${orderId}`)
  expect(order.status).toBe('paid')
  expect(order.attribution).toMatchObject({ channel: 'weibo', campaignCode: campaign.code, contentSlug: 'summer-linen' })
  const { rows } = await admin.get<{ rows: ChannelReportRow[] }>(`/api/admin/analytics/channels?${lastHour()}`)
  expect(rows.find((r) => r.channel === 'weibo' && r.campaignCode === campaign.code)).toMatchObject({ campaignName: '微博 · 夏日首发', opens: 1, orders: 1, paidOrders: 1, paidFen: 29900 })

  // The 数据 screen's 渠道 card names the channel and the campaign.
  await studio.getByRole('menuitem', { name: '数据' }).click()
  const card = studio.locator('.ant-card', { has: studio.locator('.ant-card-head-title', { hasText: /^渠道/ }) })
  await card.locator('tr', { hasText: '微博 · 夏日首发' }).filter({ hasText: '¥299' }).waitFor()
  await screenshot(studio, 'reach-e2e-channels')
  expect(problems).toEqual([])
  expect(adminProblems).toEqual([])
})

test('a poster: its code carries the share; a friend scans it (scene 1047) and pays; the sharer and the poster channel get the order; nobody else may announce that share', async () => {
  // The sharer makes a poster of the page (the app logs in and asks the server for the share).
  const sharer = await openPhone()
  await sharer.page.goto(`${site.url}/#/pages/content/index?slug=summer-linen`)
  await sharer.page.getByText('轻一点，慢一点').waitFor({ timeout: 30_000 })
  await sharer.page.getByText('生成海报').click()
  const poster = sharer.page.locator('.poster__image img, img.poster__image').first()
  await poster.waitFor({ timeout: 30_000 })
  await screenshot(sharer.page, 'reach-e2e-poster')
  const src = (await poster.getAttribute('src')) ?? ''
  expect(src.startsWith('data:image/png;base64,')).toBe(true)
  const png = PNG.sync.read(Buffer.from(src.split(',')[1]!, 'base64'))
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  expect(read).not.toBeNull()
  const scanUrl = new URL(read!.data)
  const scene = scanUrl.searchParams.get('scene')!
  expect(scene).toMatch(/^s=[0-9A-Za-z]{8,10}$/)
  const shareId = scene.slice(2)
  expect(scanUrl.searchParams.get('page')).toBe('pages/content/index')
  const sharerId = (await storedValue<{ userId: string }>(sharer.page, 'auth:token'))?.userId
  expect(sharerId).toBeTruthy()
  // The share event goes out with the app's next batch (every 5 s).
  const queued = () => sharer.page.evaluate(() => localStorage.getItem('tracker:queue') ?? '')
  await poll(async () => !(await queued()).includes(shareId), { what: "the sharer's share event to reach the backend", timeoutMs: 30_000 })

  // A friend scans the code: the sandbox opens the shop as WeChat would (scene 1047, the code's scene in the query).
  const friend = await openPhone()
  await friend.page.goto(scanUrl.href)
  await friend.page.waitForURL((url) => url.href.startsWith(site.url), { timeout: 30_000 })
  const orderId = await buyShirt(friend.page)

  const { order } = await admin.get<{ order: OrderDto }>(`/api/admin/orders/${orderId}`)
  expect(order.status).toBe('paid')
  expect(order.attribution).toMatchObject({ shareId, channel: 'poster' })
  const sharers = await admin.get<{ rows: SharerReportRow[] }>(`/api/admin/analytics/sharers?${lastHour()}`)
  expect(sharers.rows.filter((r) => r.paidOrders > 0)).toEqual([expect.objectContaining({ userId: sharerId, opens: 1, paidOrders: 1, paidFen: 29900 })])
  const channels = await admin.get<{ rows: ChannelReportRow[] }>(`/api/admin/analytics/channels?${lastHour()}`)
  expect(channels.rows.find((r) => r.channel === 'poster' && !r.campaignCode)).toMatchObject({ paidOrders: 1, paidFen: 29900 })

  // Someone else announcing that share id as their own is refused.
  const stolen = await fetch(`${stack.apiUrl}/api/v1/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ events: [{ id: 'ev-stolen-1', type: 'share', ts: Date.now(), anonId: 'anon-thief', sessionId: 'sess-thief', shareId, channel: 'chat', contentSlug: 'summer-linen' }] })
  })
  expect(stolen.status).toBe(200)
  expect(((await stolen.json()) as { rejected: unknown[] }).rejected).toEqual([expect.objectContaining({ index: 0, code: 'SHARE_ID_TAKEN' })])
  expect(sharer.problems).toEqual([])
  expect(friend.problems).toEqual([])
})
