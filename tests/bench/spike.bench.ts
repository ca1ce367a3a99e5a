/**
 * The viral spike (issue #17): one published page, N shoppers at once
 * (default 200) each opening it again and again, the page read plus the
 * app's event batch on opening it; 5% of visits add to cart, 1% order and
 * pay through the WeChat sandbox; for 30 s. Then order + pay alone (no page
 * traffic, min(N, 20) shoppers) for the ratio. Run on SQLite (one process)
 * and on PostgreSQL (two processes behind the round-robin proxy; needs
 * TEST_DATABASE_URL, else that half is skipped and said so).
 *
 * Figures per stack: p50/p99 per operation, errors and 5xx, requests/s, the
 * servers' CPU ms per request and each process's RSS (peak), and the ratios:
 * order + pay p99 during the spike ÷ alone (target ≤ 3), order + pay p99 ÷
 * page read p99 during the spike. Zero errors, zero 5xx and RSS ≤ 200 MB per
 * instance are targets too.
 *
 *   npm run bench -- spike                                    # 200 shoppers, 30 s, both stacks
 *   SPIKE_SHOPPERS=20 SPIKE_SECONDS=5 npm run bench -- spike  # a smoke run
 *   SPIKE_DB=sqlite npm run bench -- spike                    # one stack only (sqlite | postgres)
 *   npx tsx tests/bench/spike.bench.ts --shoppers 20 --seconds 5 --db sqlite
 */
import { randomUUID } from 'node:crypto'
import { Worker } from 'node:worker_threads'
import { row, type BenchRow } from './bench-row'
import { SPIKE_WORKER, type LoadAnswer, type LoadInput, type Shopper } from './spike-load'
import { SPIKE_ADMIN, startSpikeStack, type SpikeStack } from './spike-stack'

export interface SpikeOptions {
  shoppers?: number
  durationSec?: number
  dbs?: Array<'sqlite' | 'postgres'>
}

export interface SpikeFigures {
  dialect: 'sqlite' | 'postgres'
  instances: number
  shoppers: number
  spike: LoadAnswer
  alone: LoadAnswer
  requestsPerSec: number
  cpuMsPerRequest: number
  rssMb: Array<{ now: number; peak: number }>
  /** Each instance's RSS after seeding and the warm-up, before the spike. */
  rssIdleMb: number[]
}

const SLUG = 'viral-look'
const BLOCKS = ['hero', 'text', 'image', 'product', 'product-grid', 'video']

async function adminOf(url: string) {
  const login = await fetch(`${url}/api/admin/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(SPIKE_ADMIN) })
  if (!login.ok) throw new Error(`admin login → ${login.status}: ${await login.text()}`)
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${route}`, { method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${route} → ${res.status}: ${text}`)
    return JSON.parse(text) as T
  }
}

interface ProductAnswer {
  product: { id: string; skus: Array<{ id: string }> }
}

/** Four products (one with ample stock for the orders), a six-block page over them, published. */
async function seedShop(url: string): Promise<{ cartSkuId: string; orderSkuId: string }> {
  const admin = await adminOf(url)
  const products: ProductAnswer['product'][] = []
  for (let i = 0; i < 4; i++) {
    const { product } = await admin<ProductAnswer>('POST', '/api/admin/products', {
      title: `爆款 ${i}`,
      description: '基准测试商品',
      images: [`/media/p${i}.jpg`],
      skus: [
        { attrs: { 颜色: '黑', 尺码: 'M' }, priceFen: 19900 + i, stock: 1_000_000 },
        { attrs: { 颜色: '白', 尺码: 'L' }, priceFen: 21900 + i, stock: 50 }
      ]
    })
    products.push(product)
  }
  const ids = products.map((p) => p.id)
  const { page } = await admin<{ page: { id: string } }>('POST', '/api/admin/pages', {
    slug: SLUG,
    title: '刷屏的那一页',
    blocks: [
      { type: 'hero', image: '/media/hero.jpg', title: '新品', subtitle: '秋冬' },
      { type: 'text', text: '第一段。\n\n第二段。' },
      { type: 'image', image: '/media/look.jpg', caption: '搭配' },
      { type: 'product', productId: ids[0] },
      { type: 'product-grid', productIds: ids, title: '全部' },
      { type: 'video', src: '/media/v.mp4', poster: '/media/poster.jpg' }
    ]
  })
  await admin('POST', `/api/admin/pages/${page.id}/publish`, {})
  return { cartSkuId: products[1]!.skus[0]!.id, orderSkuId: products[0]!.skus[0]!.id }
}

async function loginShoppers(stack: SpikeStack, n: number): Promise<Shopper[]> {
  const shoppers: Shopper[] = []
  for (let start = 0; start < n; start += 20) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(20, n - start) }, async (_, k) => {
        const i = start + k
        const anonId = `spike-${randomUUID()}`
        const { code } = stack.sandbox.loginCode()
        const res = await fetch(`${stack.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, anonId }) })
        if (res.status !== 200) throw new Error(`shopper login → ${res.status}: ${await res.text()}`)
        const { token } = (await res.json()) as { token: string }
        return { token, anonId, ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }
      })
    )
    shoppers.push(...batch)
  }
  return shoppers
}

function runLoad(input: LoadInput): Promise<LoadAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(SPIKE_WORKER, { eval: true, workerData: input })
    worker.once('message', (m) => resolve(m as LoadAnswer))
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`spike load worker exited ${code}`)))
  })
}

export async function measureSpike(dialect: 'sqlite' | 'postgres', shoppers: number, durationSec: number): Promise<SpikeFigures> {
  const stack = await startSpikeStack({ dialect, instances: 2, pgUrl: process.env.TEST_DATABASE_URL })
  try {
    const { cartSkuId, orderSkuId } = await seedShop(stack.url)
    const people = await loginShoppers(stack, shoppers)
    const base: Omit<LoadInput, 'phase' | 'durationSec' | 'shoppers'> = {
      base: stack.url,
      sandbox: stack.sandbox.url,
      slug: SLUG,
      blocks: BLOCKS,
      cartSkuId,
      orderSkuId,
      cartShare: 0.05,
      orderShare: 0.01
    }
    // A short warm-up (JIT, statement caches), not counted.
    await runLoad({ ...base, phase: 'spike', shoppers: people.slice(0, Math.min(20, shoppers)), durationSec: Math.min(3, durationSec) })
    const rssIdleMb = stack.instances.map((i) => i.rssMb().now)
    const cpuBefore = stack.instances.map((i) => i.cpuMs())
    const spike = await runLoad({ ...base, phase: 'spike', shoppers: people, durationSec })
    const cpuMs = stack.instances.reduce((n, i, k) => n + i.cpuMs() - cpuBefore[k]!, 0)
    const rssMb = stack.instances.map((i) => i.rssMb())
    const alone = await runLoad({ ...base, phase: 'orders', shoppers: people.slice(0, Math.min(20, shoppers)), durationSec: Math.max(3, Math.round(durationSec / 3)) })
    const figures: SpikeFigures = {
      dialect,
      instances: stack.instances.length,
      shoppers,
      spike,
      alone,
      requestsPerSec: Math.round(spike.requests / spike.elapsedSec),
      cpuMsPerRequest: Math.round((cpuMs / Math.max(1, spike.requests)) * 1000) / 1000,
      rssMb,
      rssIdleMb
    }
    print(figures)
    return figures
  } finally {
    await stack.close()
  }
}

function print(f: SpikeFigures): void {
  console.log(`spike on ${f.dialect} (${f.instances} instance${f.instances > 1 ? 's behind the round-robin proxy' : ''}), ${f.shoppers} shoppers, ${f.spike.elapsedSec.toFixed(1)} s`)
  console.log('operation            count   p50 ms   p99 ms   errors   5xx')
  const line = (name: string, o: LoadAnswer['ops'][string] | undefined) =>
    o && console.log(`${name.padEnd(18)} ${String(o.count).padStart(7)} ${String(o.p50Ms).padStart(8)} ${String(o.p99Ms).padStart(8)} ${String(o.errors).padStart(8)} ${String(o.status5xx).padStart(5)}`)
  for (const [name, o] of Object.entries(f.spike.ops)) line(name, o)
  line('order + pay alone', f.alone.ops['order + pay'])
  for (const [name, o] of [...Object.entries(f.spike.ops), ['order + pay alone', f.alone.ops['order + pay']] as const]) {
    if (o?.firstError) console.log(`  first error (${name}): ${o.firstError}`)
  }
  console.log(`page reads answered 304: ${f.spike.notModified}`)
  console.log(`throughput ${f.requestsPerSec} req/s; server CPU ${f.cpuMsPerRequest} ms/request; RSS per instance ${f.rssMb.map((r, i) => `${r.now} MB (peak ${r.peak}, ${f.rssIdleMb[i]} before the spike)`).join(', ')}`)
}

const sumOf = (a: LoadAnswer, key: 'errors' | 'status5xx') => Object.values(a.ops).reduce((n, o) => n + o[key], 0)

function rowsOf(f: SpikeFigures): BenchRow[] {
  const at = (name: string) => `${f.dialect}${f.instances > 1 ? ` ×${f.instances}` : ''} ${name}`
  const rows: BenchRow[] = []
  for (const [op, o] of Object.entries(f.spike.ops)) {
    rows.push(row(at(`${op} p50`), o.p50Ms, 'ms'), row(at(`${op} p99`), o.p99Ms, 'ms'))
  }
  const orderSpike = f.spike.ops['order + pay']?.p99Ms ?? NaN
  const orderAlone = f.alone.ops['order + pay']?.p99Ms ?? NaN
  const pageP99 = f.spike.ops['page read']?.p99Ms ?? NaN
  rows.push(row(at('order + pay p99 alone'), orderAlone, 'ms'))
  if (Number.isFinite(orderSpike) && Number.isFinite(orderAlone)) {
    rows.push(row(at('order + pay p99 in the spike ÷ alone'), Math.round((orderSpike / orderAlone) * 100) / 100, '×', { atMost: 3 }))
  }
  if (Number.isFinite(orderSpike) && Number.isFinite(pageP99)) {
    rows.push(row(at('order + pay p99 ÷ page read p99 (spike)'), Math.round((orderSpike / pageP99) * 100) / 100, '×'))
  }
  rows.push(
    row(at('throughput'), f.requestsPerSec, 'req/s'),
    row(at('server CPU'), f.cpuMsPerRequest, 'ms/request'),
    row(at('errors'), sumOf(f.spike, 'errors') + sumOf(f.alone, 'errors'), 'requests', { atMost: 0 }),
    row(at('5xx answers'), sumOf(f.spike, 'status5xx') + sumOf(f.alone, 'status5xx'), 'requests', { atMost: 0 })
  )
  f.rssMb.forEach((r, i) => rows.push(row(at(`RSS peak, instance ${i + 1}`), r.peak, 'MB', { atMost: 200 })))
  return rows
}

function optionsFromEnv(): Required<SpikeOptions> {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i >= 0 ? process.argv[i + 1] : undefined
  }
  const shoppers = Number(arg('shoppers') ?? process.env.SPIKE_SHOPPERS ?? 200)
  const durationSec = Number(arg('seconds') ?? process.env.SPIKE_SECONDS ?? 30)
  const db = arg('db') ?? process.env.SPIKE_DB
  const dbs: Array<'sqlite' | 'postgres'> = db === 'sqlite' || db === 'postgres' ? [db] : ['sqlite', 'postgres']
  if (!(shoppers >= 1) || !(durationSec >= 1)) throw new Error('spike: shoppers and seconds must be at least 1')
  return { shoppers, durationSec, dbs }
}

export async function run(opts: SpikeOptions = {}): Promise<BenchRow[]> {
  const o = { ...optionsFromEnv(), ...opts }
  const rows: BenchRow[] = []
  for (const dialect of o.dbs) {
    if (dialect === 'postgres' && !process.env.TEST_DATABASE_URL) {
      console.warn('spike on PostgreSQL SKIPPED: set TEST_DATABASE_URL (e.g. postgres://root@127.0.0.1:5432/test)')
      continue
    }
    rows.push(...rowsOf(await measureSpike(dialect, o.shoppers, o.durationSec)))
  }
  return rows
}

if (require.main === module) {
  run().then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (e: unknown) => {
      console.error(e)
      process.exit(1)
    }
  )
}
