/**
 * GET /api/v1/pages/:slug against an empty route of the same server,
 * side by side in one run: autocannon, 50 connections, ~10 s each (after a
 * short warm-up). The page has 6 blocks and resolves 4 products with their
 * SKUs (3 queries a request). SQLite file database, logging off for both
 * routes, load generated from a worker thread so it does not share the
 * server's event loop.
 *
 * Judged by page req/s ÷ empty req/s, target ≥ 0.5: the page read may cost
 * at most as much again as the framework's own floor.
 *
 *   npx tsx tests/bench/pages-read.bench.ts      # prints the table
 *   measurePagesRead()                           # → the figures
 *   run()                                        # → rows for `npm run bench`
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
// @ts-expect-error autocannon ships no types and @types/autocannon will not install beside Taro's peers
import autocannonUntyped from 'autocannon'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { createProduct } from '../../src/server/flows/catalog/create-product'
import { createPage } from '../../src/server/flows/content/create-page'
import { publishPage } from '../../src/server/flows/content/publish-page'
import type { RegisterRoutes } from '../../src/server/routes/route'
import { row, type BenchRow } from './bench-row'

export interface RouteFigures {
  path: string
  reqPerSec: number
  p99Ms: number
  requests: number
  errors: number
}

export interface PagesReadFigures {
  connections: number
  durationSec: number
  page: RouteFigures
  empty: RouteFigures
  /** page req/s ÷ empty req/s */
  throughputRatio: number
}

interface CannonResult {
  requests: { average: number; total: number }
  latency: { p99: number }
  errors: number
  non2xx: number
  timeouts: number
}
const autocannon = autocannonUntyped as (opts: {
  url: string
  connections: number
  duration: number
  workers?: number
}) => Promise<CannonResult>

const SLUG = 'bench-lookbook'

// Only in the bench's app instance: the floor a route cannot go below.
const emptyRoute: RegisterRoutes = (app) => {
  app.get('/api/v1/ping', async () => ({}))
}

async function measure(url: string, connections: number, duration: number): Promise<RouteFigures> {
  const path = new URL(url).pathname
  await autocannon({ url, connections, duration: 2, workers: 1 })
  const r = await autocannon({ url, connections, duration, workers: 1 })
  return {
    path,
    reqPerSec: Math.round(r.requests.average),
    p99Ms: r.latency.p99,
    requests: r.requests.total,
    errors: r.errors + r.non2xx + r.timeouts
  }
}

export async function measurePagesRead(opts: { connections?: number; durationSec?: number } = {}): Promise<PagesReadFigures> {
  const connections = opts.connections ?? 50
  const durationSec = opts.durationSec ?? 10
  const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'))
  const config = loadConfig({
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench-secret',
    DATABASE_URL: `sqlite:${join(dir, 'shop.db')}`,
    MEDIA_DIR: join(dir, 'media')
  })
  const database = openDatabase(config.databaseUrl)
  await migrateToLatest(database)
  const app = await buildApp({ config, db: database, log: { level: 'silent' }, extraRoutes: [emptyRoute] })
  try {
    const ids: string[] = []
    for (let i = 0; i < 4; i++) {
      const p = await createProduct(app.deps, 'bench', {
        title: `商品 ${i}`,
        description: '基准测试商品',
        images: [`/media/p${i}.jpg`],
        skus: [
          { attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 19900 + i, stock: 50 },
          { attrs: { 颜色: '白', 尺码: 'L' }, priceFen: 21900 + i, stock: 0 }
        ]
      })
      ids.push(p.id)
    }
    const page = await createPage(app.deps, 'bench', {
      slug: SLUG,
      title: '基准页面',
      blocks: [
        { type: 'hero', image: '/media/hero.jpg', title: '新品', subtitle: '秋冬' },
        { type: 'text', text: '第一段。\n\n第二段。' },
        { type: 'image', image: '/media/look.jpg', caption: '搭配' },
        { type: 'product', productId: ids[0] },
        { type: 'product-grid', productIds: ids, title: '全部' },
        { type: 'video', src: '/media/v.mp4', poster: '/media/poster.jpg' }
      ]
    })
    if (!page.ok) throw new Error(`bench page refused: ${page.error.code}`)
    const published = await publishPage(app.deps, 'bench', page.value.id, undefined)
    if (!published.ok) throw new Error(`bench publish failed: ${published.error.code}`)

    const base = await app.listen({ port: 0, host: '127.0.0.1' })
    const check = await fetch(`${base}/api/v1/pages/${SLUG}`)
    const body = (await check.json()) as { products?: Record<string, unknown> }
    if (check.status !== 200 || Object.keys(body.products ?? {}).length !== 4) {
      throw new Error(`bench page does not answer as expected: ${check.status}`)
    }

    const empty = await measure(`${base}/api/v1/ping`, connections, durationSec)
    const pageFigures = await measure(`${base}/api/v1/pages/${SLUG}`, connections, durationSec)
    const figures: PagesReadFigures = {
      connections,
      durationSec,
      page: pageFigures,
      empty,
      throughputRatio: Math.round((pageFigures.reqPerSec / empty.reqPerSec) * 100) / 100
    }
    print(figures)
    return figures
  } finally {
    await app.close()
    await database.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

function print(f: PagesReadFigures): void {
  console.log(`pages-read: autocannon ${f.connections} connections, ${f.durationSec} s each, SQLite`)
  console.log('route                          req/s     p99 ms   errors')
  for (const r of [f.page, f.empty]) {
    console.log(`${r.path.padEnd(30)} ${String(r.reqPerSec).padStart(6)} ${String(r.p99Ms).padStart(10)} ${String(r.errors).padStart(8)}`)
  }
  console.log(`ratio (page / empty req/s): ${f.throughputRatio}  (no target: reported side by side)`)
}

export async function run(opts: { connections?: number; durationSec?: number } = {}): Promise<BenchRow[]> {
  const f = await measurePagesRead(opts)
  return [
    row('GET /pages/:slug throughput', f.page.reqPerSec, 'req/s'),
    row('GET /pages/:slug p99 latency', f.page.p99Ms, 'ms'),
    row('empty route throughput', f.empty.reqPerSec, 'req/s'),
    row('page ÷ empty route throughput', f.throughputRatio, '×'),
    row('failed requests', f.page.errors + f.empty.errors, 'requests')
  ]
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
