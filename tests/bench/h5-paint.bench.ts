/**
 * The app's first screen in the H5 build (dist-h5, `npm run build:h5`), in
 * Debian's Chromium with the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate),
 * phone viewport, a fresh browser context per load (nothing cached):
 *
 *   content page  #/pages/content/index?slug=…, a published six-block page over
 *                 four products, read from a real backend (SQLite, in this process)
 *   baseline      #/pages/cart/index with an empty cart: the same bundle and Taro
 *                 runtime drawing a page from local state, no request before its
 *                 first paint — the nearest thing to a bare Taro page the build has
 *                 without shipping an extra page to shoppers
 *
 * Figures: median first contentful paint of each over RUNS loads, the ratio
 * content ÷ baseline (target ≤ 1.5), and the content page's time until its first
 * block's text is on screen. The built API base is forwarded to the backend as in
 * the e2e tests (tests/e2e/helpers/api-bridge.ts).
 *
 *   npm run bench -- h5-paint          (H5_PAINT_RUNS=7 for more loads)
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { createProduct } from '../../src/server/flows/catalog/create-product'
import { createPage } from '../../src/server/flows/content/create-page'
import { publishPage } from '../../src/server/flows/content/publish-page'
import { bridge, BUILT_API_BASE } from '../e2e/helpers/api-bridge'
import { launchBrowser } from '../e2e/helpers/browser'
import { serveDir } from '../e2e/helpers/static-server'
import { row, type BenchRow } from './bench-row'

const DIST_H5 = path.resolve(__dirname, '../../dist-h5')
const SLUG = 'first-screen'
const THROTTLE = 4

export interface PaintFigures {
  runs: number
  contentFcpMs: number
  baselineFcpMs: number
  contentVisibleMs: number
  ratio: number
  requestsBeforeContent: string[]
  scriptKb: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return Math.round(s[Math.floor(s.length / 2)]! * 10) / 10
}

async function load(browser: Browser, url: string, apiUrl: string, waitFor: string) {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  const page = await context.newPage()
  await bridge(page, BUILT_API_BASE, apiUrl)
  const requests: Array<{ url: string; at: number }> = []
  const t0 = Date.now()
  page.on('request', (r) => requests.push({ url: r.url(), at: Date.now() - t0 }))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE })
  await page.goto(url)
  await page.locator(waitFor).first().waitFor({ timeout: 60_000 })
  const visibleMs = await page.evaluate(() => performance.now())
  // FCP has happened by now (something is on screen); read it from the paint timeline.
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const entry = performance.getEntriesByName('first-contentful-paint')[0]
        if (entry) return resolve(entry.startTime)
        new PerformanceObserver((list) => resolve(list.getEntries()[0]!.startTime)).observe({ type: 'paint', buffered: true })
      })
  )
  // By name: index.html preloads the entry page's chunks, so most scripts arrive as initiatorType 'link'.
  const scripts = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => /\.js(\?|$)/.test(e.name)).reduce((n, e) => n + e.decodedBodySize, 0)
  )
  await context.close()
  return { fcp, visibleMs, requests, scripts }
}

export async function measurePaint(runs = Number(process.env.H5_PAINT_RUNS ?? 5)): Promise<PaintFigures> {
  if (!fs.existsSync(path.join(DIST_H5, 'index.html'))) throw new Error(`${DIST_H5}/index.html missing: run \`npm run build:h5\` first`)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-paint-'))
  const config = loadConfig({ WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-secret', DATABASE_URL: `sqlite:${path.join(dir, 'shop.db')}`, MEDIA_DIR: path.join(dir, 'media') })
  const database = openDatabase(config.databaseUrl)
  await migrateToLatest(database)
  const app = await buildApp({ config, db: database, log: { level: 'silent' } })
  const site = await serveDir(DIST_H5)
  const browser = await launchBrowser()
  try {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const p = await createProduct(app.deps, 'bench', {
        title: `首屏商品 ${i}`,
        description: '基准测试商品',
        images: [],
        skus: [{ attrs: { 颜色: '黑' }, priceFen: 19900 + i, stock: 50 }]
      })
      ids.push(p.id)
    }
    const page = await createPage(app.deps, 'bench', {
      slug: SLUG,
      title: '首屏',
      blocks: [
        { type: 'text', text: '秋冬新品上市。\n\n第二段。' },
        { type: 'product', productId: ids[0] },
        { type: 'product-grid', productIds: ids, title: '全部' },
        { type: 'quote', text: '穿得舒服，才是好看。', by: '主理人' },
        { type: 'divider' },
        { type: 'text', text: '结尾。' }
      ]
    })
    if (!page.ok) throw new Error(`bench page refused: ${page.error.code}`)
    const published = await publishPage(app.deps, 'bench', page.value.id, undefined)
    if (!published.ok) throw new Error(`bench publish failed: ${published.error.code}`)
    const apiUrl = await app.listen({ port: 0, host: '127.0.0.1' })

    const content: Awaited<ReturnType<typeof load>>[] = []
    const baseline: Awaited<ReturnType<typeof load>>[] = []
    // Alternate, so drift in the machine's load hits both alike; one warm-up each first.
    for (let i = 0; i <= runs; i++) {
      const c = await load(browser, `${site.url}/#/pages/content/index?slug=${SLUG}`, apiUrl, 'text=秋冬新品上市')
      const b = await load(browser, `${site.url}/#/pages/cart/index`, apiUrl, 'text=购物车还是空的')
      if (i > 0) {
        content.push(c)
        baseline.push(b)
      }
    }
    const last = content[content.length - 1]!
    const figures: PaintFigures = {
      runs,
      contentFcpMs: median(content.map((c) => c.fcp)),
      baselineFcpMs: median(baseline.map((b) => b.fcp)),
      contentVisibleMs: median(content.map((c) => c.visibleMs)),
      ratio: 0,
      requestsBeforeContent: last.requests.filter((r) => !r.url.startsWith('data:')).map((r) => `${r.at} ms ${r.url.replace(site.url, '').replace(BUILT_API_BASE, '[api]')}`),
      scriptKb: Math.round(last.scripts / 1024)
    }
    figures.ratio = Math.round((figures.contentFcpMs / figures.baselineFcpMs) * 100) / 100
    print(figures)
    return figures
  } finally {
    await browser.close()
    await site.close()
    await app.close()
    await database.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

function print(f: PaintFigures): void {
  console.log(`h5-paint: Chromium, CPU ÷${THROTTLE}, median of ${f.runs} cold loads each`)
  console.log(`content page FCP ${f.contentFcpMs} ms, first block visible ${f.contentVisibleMs} ms; baseline (cart, empty) FCP ${f.baselineFcpMs} ms; ratio ${f.ratio}`)
  console.log(`scripts ${f.scriptKb} KB (decoded); requests of the last content load:`)
  for (const r of f.requestsBeforeContent) console.log(`  ${r}`)
}

export async function run(): Promise<BenchRow[]> {
  const f = await measurePaint()
  return [
    row('content page FCP (CPU ÷4)', f.contentFcpMs, 'ms'),
    row('content page first block visible (CPU ÷4)', f.contentVisibleMs, 'ms'),
    row('baseline page FCP (cart, empty; CPU ÷4)', f.baselineFcpMs, 'ms'),
    row('content FCP ÷ baseline FCP', f.ratio, '×', { atMost: 1.5 }),
    row('H5 scripts loaded (decoded)', f.scriptKb, 'KB')
  ]
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
