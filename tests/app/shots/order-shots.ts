// Photographs the order pages of the H5 build (dist-h5, `npm run build:h5` first) at
// phone size, with the API answered by page.route: the order with parcels, refunds
// and an after-sales request, the 申请售后 form with photos, the 退货物流 form and
// the order list. Not a jest test: run `npx tsx tests/app/shots/order-shots.ts [outDir]`.
import fs from 'node:fs'
import path from 'node:path'
import type { Page, Route } from 'playwright-core'
import type { AfterSaleDto } from '../../../src/core/contract/after-sales'
import type { OrderDto } from '../../../src/core/contract/orders'
import { launchBrowser } from '../../e2e/helpers/browser'
import { placeholderSvg } from '../../e2e/helpers/placeholder-media'
import { serveDir } from '../../e2e/helpers/static-server'

const OUT = path.resolve(process.argv[2] ?? '/work/plan/shots')
const API = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000'
const SANDBOX = process.env.TARO_APP_SANDBOX_BASE || 'http://127.0.0.1:3100'
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Content-Type, Authorization, Idempotency-Key, Accept'
}

const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号 东部软件园 3 幢 501' }
const base: OrderDto = {
  id: 'o-1',
  outTradeNo: 'T202601011005000001',
  status: 'shipped',
  totalFen: 47600,
  discountFen: 0,
  payableFen: 47600,
  items: [
    { skuId: 'sku-tee', title: '亚麻短袖衫', attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 19900, qty: 1 },
    { skuId: 'sku-shirt', title: '水洗棉衬衫', attrs: { 颜色: '雾蓝', 尺码: 'L' }, priceFen: 18900, qty: 1 },
    { skuId: 'sku-mug', title: '粗陶马克杯', attrs: {}, priceFen: 8800, qty: 1 }
  ],
  address: ADDRESS,
  attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null },
  createdAt: '2026-01-01T10:03:00+08:00',
  expiresAt: '2026-01-01T10:18:00+08:00',
  paidAt: '2026-01-01T10:05:12+08:00',
  refundedFen: 0,
  shipments: [
    { id: 'sh-1', logisticsType: 'express', carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF1402398475521', items: [{ skuId: 'sku-tee', qty: 1 }, { skuId: 'sku-shirt', qty: 1 }], shippedAt: '2026-01-01T16:20:00+08:00' },
    { id: 'sh-2', logisticsType: 'express', carrier: { code: 'ZTO', name: '中通快递' }, trackingNo: '78311204559301', items: [{ skuId: 'sku-mug', qty: 1 }], shippedAt: '2026-01-02T09:45:00+08:00' }
  ],
  shippedAt: '2026-01-02T09:45:00+08:00',
  autoCompleteAt: '2026-01-12T09:45:00+08:00',
  refunds: []
}
const photo = (n: number) => `/media/${String(n).repeat(32).slice(0, 32)}.png`
const request: AfterSaleDto = {
  id: 'as-1',
  orderId: 'o-1',
  kind: 'return',
  status: 'awaiting_return',
  reason: '收到商品破损',
  amountFen: 8800,
  note: '杯口有一道裂纹，外箱也压坏了',
  images: [photo(1), photo(2)],
  createdAt: '2026-01-03T20:11:00+08:00',
  updatedAt: '2026-01-04T10:00:00+08:00'
}
const withAfterSale: OrderDto = {
  ...base,
  status: 'completed',
  completedAt: '2026-01-03T18:00:00+08:00',
  autoCompleteAt: undefined,
  refundedFen: 18900,
  refunds: [{ id: 'rf-1', amountFen: 18900, status: 'succeeded', createdAt: '2026-01-03T19:00:00+08:00', settledAt: '2026-01-03T19:02:00+08:00' }],
  afterSale: request
}
const CARRIERS = [
  ['SF', '顺丰速运'], ['ZTO', '中通快递'], ['YTO', '圆通速递'], ['STO', '申通快递'], ['YD', '韵达速递'], ['JTSD', '极兔速递'],
  ['EMS', 'EMS'], ['JD', '京东物流'], ['DBL', '德邦快递'], ['BDT', '八达通'], ['ZJS', '宅急送'], ['HTKY', '百世快递']
].map(([code, name]) => ({ code, name }))

type Shop = { order: OrderDto; orders: OrderDto[] }

async function answer(route: Route, shop: Shop, png: Buffer) {
  const req = route.request()
  // A wildcard origin: a request sent with cookies (withCredentials) would be refused, as a real API would.
  const cors = CORS
  if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors })
  const url = new URL(req.url())
  const json = (body: unknown, status = 200) => route.fulfill({ status, headers: { ...cors, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const p = url.pathname
  if (p === '/sandbox/login-code') return json({ code: 'c1', openid: 'o1' })
  if (p === '/api/v1/auth/login') return json({ token: 't1', user: { id: 'u1' } })
  if (p === '/api/v1/events') return json({ accepted: 1, duplicates: 0, rejected: [] })
  if (p === '/api/v1/orders') return json({ items: shop.orders, nextCursor: null })
  if (p === '/api/v1/orders/o-1') return json({ order: shop.order })
  if (p === '/api/v1/carriers') return json({ items: CARRIERS })
  if (p === '/api/v1/media') return json({ url: photo(3) }, 201)
  if (p.startsWith('/media/')) return route.fulfill({ status: 200, headers: { ...cors, 'content-type': 'image/png' }, body: png })
  return json({ error: { code: 'NOT_FOUND', message: `no shot route for ${p}` } }, 404)
}

async function pngOf(page: Page, name: string): Promise<Buffer> {
  await page.setViewportSize({ width: 450, height: 450 })
  await page.setContent(`<body style="margin:0">${placeholderSvg(name).replace('width="900" height="900"', 'width="450" height="450"')}</body>`)
  return page.screenshot({ clip: { x: 0, y: 0, width: 450, height: 450 } })
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true })
  const site = await serveDir(path.resolve(__dirname, '../../../dist-h5'))
  const browser = await launchBrowser()
  const problems: string[] = []
  try {
    const scratch = await browser.newPage()
    const photos = [await pngOf(scratch, 'cup-crack'), await pngOf(scratch, 'box-dent')]
    await scratch.close()

    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    const shop: Shop = { order: base, orders: [base, withAfterSale] }
    await context.route(`${API}/**`, (r) => answer(r, shop, photos[0]))
    await context.route(`${SANDBOX}/**`, (r) => answer(r, shop, photos[0]))
    const page = await context.newPage()
    if (process.env.SHOTS_DEBUG) page.on('request', (r) => console.log('request', r.method(), r.url().slice(0, 120)))
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    // Taro's H5 page scrolls inside its own container, so a full-page shot is one
    // screen: the first screen as the shopper sees it, then the viewport grown to the content.
    const shot = async (name: string) => {
      await page.waitForTimeout(400)
      const file = path.join(OUT, `${name}.png`)
      await page.screenshot({ path: file })
      const height = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.taro_page, .taro_router, body')].map((el) => el.scrollHeight)))
      if (height > 667) {
        await page.evaluate(() => {
          for (const el of document.querySelectorAll('.taro_page, .taro_router')) el.scrollTop = 0
          window.scrollTo(0, 0)
        })
        await page.setViewportSize({ width: 375, height })
        await page.waitForTimeout(300)
        await page.screenshot({ path: file.replace(/\.png$/, '-full.png') })
        await page.setViewportSize({ width: 375, height: 667 })
      }
      console.log(`wrote ${file}`)
    }

    await page.goto(`${site.url}/#/pkg-orders/detail/index?id=o-1`)
    await page.getByText('物流信息', { exact: true }).waitFor()
    await shot('order-detail-parcels')

    shop.order = withAfterSale
    await page.goto(`${site.url}/#/pkg-orders/list/index`)
    await page.getByText('售后：待寄回').waitFor()
    await shot('order-list')
    await page.goto(`${site.url}/#/pkg-orders/detail/index?id=o-1&v=2`)
    await page.getByText('售后 · 退货退款').waitFor()
    await shot('order-detail-after-sale')

    shop.order = { ...base, refundedFen: 0 }
    await page.goto(`${site.url}/#/pkg-orders/after-sale/index?id=o-1`)
    await page.getByText('售后类型', { exact: true }).waitFor()
    await shot('after-sale-form-empty')
    await page.getByText('退货退款', { exact: true }).click()
    await page.getByText('收到商品破损', { exact: true }).click()
    await page.locator('.form-amount__input input, input.form-amount__input, .form-amount input').first().fill('88')
    await page.locator('textarea').first().fill('杯口有一道裂纹，外箱也压坏了')
    for (const buffer of photos) {
      const chooser = page.waitForEvent('filechooser')
      await page.locator('.photo--add').click()
      await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer })
      await page.waitForTimeout(300)
    }
    await page.locator('.photo--done').nth(1).waitFor({ timeout: 8000 }).catch(async (e) => {
      await shot('debug-photos')
      console.error(problems.join('\n'), await page.locator('.photos').innerHTML())
      throw e
    })
    await shot('after-sale-form-filled')

    shop.order = withAfterSale
    await page.goto(`${site.url}/#/pkg-orders/return/index?id=o-1`)
    await page.getByText('快递单号', { exact: true }).waitFor()
    await page.getByText('中通快递', { exact: true }).click()
    await page.locator('input').nth(1).fill('78311204559388')
    await shot('return-parcel-form')
    await context.close()
  } finally {
    await browser.close()
    await site.close()
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'))
    process.exitCode = 1
  }
}

main().catch((e) => {
  console.error(e)
  process.exitCode = 1
})
