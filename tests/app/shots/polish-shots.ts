// Photographs the shop's polish in the H5 build (dist-h5, `npm run build:h5` first) at
// phone size, the API answered by page.route: the home page with the brand's name,
// the product page with a chosen SKU and the sheet's colour picture, the cart, the
// checkout asking for an address at the top, the order list (and an empty tab's
// drawing) and an order with pictures and a readable order number. Not a jest test:
// `npx tsx tests/app/shots/polish-shots.ts [outDir]` writes polish-*.png.
import fs from 'node:fs'
import path from 'node:path'
import type { Page, Route } from 'playwright-core'
import type { CartDto } from '../../../src/core/contract/cart'
import type { Product } from '../../../src/core/contract/catalog'
import type { OrderDto } from '../../../src/core/contract/orders'
import type { PageSummary } from '../../../src/core/contract/pages'
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

// One picture per colour, in the order the colours first appear.
const tee: Product = {
  id: 'p-tee',
  title: '亚麻短袖衫',
  description: '法国亚麻，水洗后更软。宽松版型，夏天穿着透气不贴身。',
  images: ['/media/tee-oat.png', '/media/tee-indigo.png'],
  skus: [
    { id: 'sku-oat-m', attrs: { 颜色: '燕麦', 尺码: 'M' }, priceFen: 19900, stock: 12 },
    { id: 'sku-oat-l', attrs: { 颜色: '燕麦', 尺码: 'L' }, priceFen: 19900, stock: 3 },
    { id: 'sku-indigo-m', attrs: { 颜色: '黛青', 尺码: 'M' }, priceFen: 21900, stock: 6 },
    { id: 'sku-indigo-l', attrs: { 颜色: '黛青', 尺码: 'L' }, priceFen: 21900, stock: 0 }
  ]
}
const feed: PageSummary[] = [
  { slug: 'summer-linen', title: '夏日亚麻：把风穿在身上', cover: '/media/cover-linen.png', share: { title: '夏日亚麻：把风穿在身上', imageUrl: '/media/cover-linen.png' }, publishedAt: '2026-06-18T09:00:00+08:00' },
  { slug: 'clay', title: '泥土与火：一只杯子的七天', cover: '/media/cover-clay.png', share: { title: '泥土与火：一只杯子的七天', imageUrl: '/media/cover-clay.png' }, publishedAt: '2026-06-10T09:00:00+08:00' }
]
const cart: CartDto = {
  items: [
    { skuId: 'sku-indigo-m', qty: 1, productId: 'p-tee', title: '亚麻短袖衫', attrs: { 颜色: '黛青', 尺码: 'M' }, image: '/media/tee-indigo.png', priceFen: 21900, lineFen: 21900, maxQty: 6 },
    { skuId: 'sku-mug', qty: 2, productId: 'p-mug', title: '粗陶马克杯', attrs: { 釉色: '米白' }, image: '/media/mug.png', priceFen: 8800, lineFen: 17600, maxQty: 20 }
  ],
  totalFen: 39500,
  payableCount: 3,
  payableLines: 2,
  hasProblems: false
}
const ADDRESS = { name: '林小满', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', detail: '文三路 90 号 东部软件园 3 幢 501' }
const order: OrderDto = {
  id: 'o-1',
  outTradeNo: 'ordX7kQ2fLp9ZmN4rTs8_1',
  status: 'shipped',
  totalFen: 39500,
  discountFen: 0,
  payableFen: 39500,
  items: [
    { skuId: 'sku-indigo-m', title: '亚麻短袖衫', attrs: { 颜色: '黛青', 尺码: 'M' }, priceFen: 21900, qty: 1, image: '/media/tee-indigo.png' },
    { skuId: 'sku-mug', title: '粗陶马克杯', attrs: { 釉色: '米白' }, priceFen: 8800, qty: 2, image: '/media/mug.png' }
  ],
  address: ADDRESS,
  attribution: { shareId: null, sharerId: null, contentSlug: null, depth: null, scene: null },
  createdAt: '2026-01-01T10:03:00+08:00',
  expiresAt: '2026-01-01T10:18:00+08:00',
  paidAt: '2026-01-01T10:05:12+08:00',
  refundedFen: 0,
  shipments: [{ id: 'sh-1', logisticsType: 'express', carrier: { code: 'SF', name: '顺丰速运' }, trackingNo: 'SF1402398475521', items: [{ skuId: 'sku-indigo-m', qty: 1 }, { skuId: 'sku-mug', qty: 2 }], shippedAt: '2026-01-01T16:20:00+08:00' }],
  shippedAt: '2026-01-01T16:20:00+08:00',
  autoCompleteAt: '2026-01-11T16:20:00+08:00',
  refunds: []
}
const older: OrderDto = { ...order, id: 'o-2', outTradeNo: 'ordB3nV8cWq1HsK6pLd2_1', status: 'completed', completedAt: '2026-01-09T12:00:00+08:00', createdAt: '2025-12-20T21:14:00+08:00', totalFen: 17600, items: [order.items[1]] }

async function answer(route: Route, pictures: Map<string, Buffer>) {
  const req = route.request()
  if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS })
  const p = new URL(req.url()).pathname
  const json = (body: unknown, status = 200) => route.fulfill({ status, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (p === '/sandbox/login-code') return json({ code: 'c1', openid: 'o1' })
  if (p === '/api/v1/auth/login') return json({ token: 't1', user: { id: 'u1' } })
  if (p === '/api/v1/events') return json({ accepted: 1, duplicates: 0, rejected: [] })
  if (p === '/api/v1/pages') return json({ items: feed, nextCursor: null })
  if (p === '/api/v1/products/p-tee') return json({ product: tee })
  if (p === '/api/v1/cart') return json(cart)
  if (p === '/api/v1/orders') return json({ items: [order, older], nextCursor: null })
  if (p === '/api/v1/orders/o-1') return json({ order })
  if (p.startsWith('/media/')) return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png' }, body: pictures.get(p) ?? [...pictures.values()][0] })
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
    const pictures = new Map<string, Buffer>()
    // Seeds chosen so the two colours get visibly different placeholder palettes.
    const seeds: Record<string, string> = { 'tee-oat': 'sand', 'tee-indigo': 'tee-dai', mug: 'mug', 'cover-linen': 'cover-linen', 'cover-clay': 'cover-clay' }
    for (const [file, seed] of Object.entries(seeds)) pictures.set(`/media/${file}.png`, await pngOf(scratch, seed))
    await scratch.close()

    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.route(`${API}/**`, (r) => answer(r, pictures))
    await context.route(`${SANDBOX}/**`, (r) => answer(r, pictures))
    const page = await context.newPage()
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    const shot = async (name: string) => {
      await page.waitForTimeout(500)
      const file = path.join(OUT, `polish-${name}.png`)
      await page.screenshot({ path: file })
      console.log(`wrote ${file}`)
    }

    await page.goto(`${site.url}/#/pages/index/index`)
    await page.getByText('夏日亚麻：把风穿在身上').waitFor()
    await shot('home')

    await page.goto(`${site.url}/#/pages/product/index?id=p-tee`)
    await page.getByText('选择规格与数量').click()
    await page.locator('.sku__chip', { hasText: '黛青' }).click()
    await page.locator('.sku__chip', { hasText: 'M' }).first().click()
    await shot('product-sheet')
    await page.locator('.sku__close').click()
    await page.locator('.product__row-value', { hasText: '颜色：黛青，尺码：M' }).waitFor()
    await shot('product')

    // Into the cart from the product page; the (faked) server answers the priced cart.
    await page.locator('.product__bar-btn--cart').click()
    await page.locator('.sku__confirm--cart').click()
    await page.waitForTimeout(500)
    await page.goto(`${site.url}/#/pages/cart/index`)
    await page.getByText('粗陶马克杯').first().waitFor()
    await shot('cart')

    // Buy now from the product page: the checkout without an address, then the tap on submit.
    await page.goto(`${site.url}/#/pages/product/index?id=p-tee&v=2`)
    await page.locator('.product__bar-btn--buy').click()
    await page.locator('.sku__chip', { hasText: '燕麦' }).click()
    await page.locator('.sku__chip', { hasText: 'L' }).first().click()
    await page.locator('.sku__confirm--buy').click()
    await page.getByText('提交订单并支付').waitFor()
    await page.getByText('提交订单并支付').click()
    await page.getByText('请先填写收货地址').waitFor()
    await shot('checkout-address')

    await page.goto(`${site.url}/#/pkg-orders/list/index`)
    await page.getByText('订单号 ordX 7kQ2 fLp9 ZmN4 rTs8 _1').waitFor()
    await shot('order-list')
    await page.locator('.orders__tab', { hasText: '待付款' }).click()
    await page.getByText('这个状态下没有订单').waitFor()
    await shot('empty-orders')

    await page.goto(`${site.url}/#/pkg-orders/detail/index?id=o-1`)
    await page.getByText('物流信息', { exact: true }).waitFor()
    await shot('order-detail')
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('.taro_page, .taro_router')) el.scrollTop = el.scrollHeight
      window.scrollTo(0, document.body.scrollHeight)
    })
    await shot('order-detail-bottom')
  } finally {
    await browser.close()
    await site.close()
  }
  if (problems.length > 0) console.log(problems.join('\n'))
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
