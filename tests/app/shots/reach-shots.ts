// Photographs the reach pages in the H5 build (dist-h5, `npm run build:h5` first) at phone
// size, the API answered by page.route: 首页 with the search entry, search results, a
// product page with 生成海报 / 复制链接, and its poster. The poster's PNG (the page's data URL)
// is decoded with jsqr: the code drawn on it must read as the share's scene. Not a jest
// test: `npx tsx tests/app/shots/reach-shots.ts [outDir]` writes reach-*.png.
import fs from 'node:fs'
import path from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import QRCode from 'qrcode'
import type { Page, Route } from 'playwright-core'
import type { Product } from '../../../src/core/contract/catalog'
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

const tee: Product = {
  id: 'p-tee',
  title: '亚麻短袖衫 · 法国亚麻水洗宽松款，夏天里最轻的一件',
  description: '法国亚麻，水洗后更软。',
  images: ['/media/tee.png'],
  skus: [
    { id: 'sku-oat-m', attrs: { 尺码: 'M' }, priceFen: 19900, stock: 12 },
    { id: 'sku-oat-l', attrs: { 尺码: 'L' }, priceFen: 21900, stock: 3 }
  ]
}
const mug: Product = { id: 'p-mug', title: '粗陶马克杯', description: '', images: ['/media/mug.png'], skus: [{ id: 'sku-mug', attrs: {}, priceFen: 8800, stock: 0 }] }
const feed: PageSummary[] = [
  { slug: 'summer-linen', title: '夏日亚麻：把风穿在身上', cover: '/media/cover.png', share: { title: '夏日亚麻', imageUrl: '/media/cover.png' }, publishedAt: '2026-06-18T09:00:00+08:00' }
]
const SCENE = 's=Post0001'

async function answer(route: Route, pictures: Map<string, Buffer>, code: Buffer) {
  const req = route.request()
  if (req.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: CORS })
  const p = new URL(req.url()).pathname
  const json = (body: unknown, status = 200) => route.fulfill({ status, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (p === '/sandbox/login-code') return json({ code: 'c1', openid: 'o1' })
  if (p === '/api/v1/auth/login') return json({ token: 't1', user: { id: 'u1' } })
  if (p === '/api/v1/events') return json({ accepted: 1, duplicates: 0, rejected: [] })
  if (p === '/api/v1/pages') return json({ items: feed, nextCursor: null })
  if (p === '/api/v1/cart') return json({ items: [], totalFen: 0, payableCount: 0, payableLines: 0, hasProblems: false })
  if (p === '/api/v1/products/p-tee') return json({ product: tee })
  if (p === '/api/v1/products') return json({ items: [tee, mug], nextCursor: null })
  if (p === '/api/v1/shares') return json({ share: { id: 'Post0001', scene: SCENE } }, 201)
  if (p === '/api/v1/shares/Post0001/code.png') {
    if (req.headers().authorization !== 'Bearer t1') return json({ error: { code: 'SHARE_NOT_OWNED', message: 'not yours' } }, 403)
    return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png' }, body: code })
  }
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
    for (const name of ['tee', 'mug', 'cover', 'me']) pictures.set(`/media/${name}.png`, await pngOf(scratch, name))
    await scratch.close()
    const code = await QRCode.toBuffer(SCENE, { type: 'png', width: 430, margin: 2 })

    const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })
    await context.route(`${API}/**`, (r) => answer(r, pictures, code))
    await context.route(`${SANDBOX}/**`, (r) => answer(r, pictures, code))
    const page = await context.newPage()
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`))
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`)
    })
    const shot = async (name: string) => {
      await page.waitForTimeout(400)
      const file = path.join(OUT, `reach-${name}.png`)
      await page.screenshot({ path: file })
      console.log(`wrote ${file}`)
    }

    await page.goto(`${site.url}/#/pages/index/index`)
    await page.getByText('夏日亚麻：把风穿在身上').waitFor()
    // A profile saved earlier on this phone (Taro H5 keeps {data} in localStorage): the poster shows it.
    await page.evaluate(() => localStorage.setItem('me:profile', JSON.stringify({ data: JSON.stringify({ name: '林小满', avatarUrl: '/media/me.png', userId: 'u1' }) })))
    await shot('home')

    await page.locator('.home__search').click()
    await page.locator('.search__input input, input.search__input').first().fill('亚麻')
    await page.locator('.search__go').click()
    await page.getByText('粗陶马克杯').waitFor()
    await shot('search')

    await page.goto(`${site.url}/#/pages/product/index?id=p-tee`)
    await page.getByText('生成海报').waitFor()
    await shot('product')
    await page.getByText('生成海报').click()
    const poster = page.locator('.poster__image img, img.poster__image').first()
    await poster.waitFor()
    await shot('poster')

    // The poster's code must decode to the share's scene.
    const src = await poster.getAttribute('src')
    if (!src?.startsWith('data:image/png;base64,')) throw new Error(`poster src is not a PNG data URL: ${src?.slice(0, 40)}`)
    const png = PNG.sync.read(Buffer.from(src.split(',')[1], 'base64'))
    const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    console.log(`poster ${png.width}×${png.height} px; its code reads ${JSON.stringify(read?.data)}`)
    if (read?.data !== SCENE) problems.push(`the poster's code reads ${read?.data}, not ${SCENE}`)
  } finally {
    await browser.close()
    await site.close()
  }
  if (problems.length) {
    console.error(problems.join('\n'))
    process.exitCode = 1
  }
}

void main()
