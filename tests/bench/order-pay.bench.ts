/**
 * Order + pay against GET /api/v1/products/:id, on the same server in one
 * run: 20 shoppers at once, each looping for ~8 s (after a warm-up). One
 * "order + pay" is what a shopper's checkout costs end to end: POST
 * /api/v1/orders (price, reserve stock, attribution, event), POST
 * /orders/:id/pay (signed JSAPI order at WeChat Pay, verified answer,
 * paySign), then the sandbox's pay confirmation, which sends the signed,
 * encrypted notification back and waits for our 204 (order paid).
 *
 * Backend in this process (SQLite file, logging off); the WeChat sandbox in
 * a child process and the load in a worker thread, so neither shares the
 * backend's event loop; all on loopback. Figures: p50/p99 of each, and the
 * order+pay ÷ product-read ratios (context: an order+pay is three requests,
 * two signed calls to WeChat Pay and a notification, so it is expected to
 * cost several product reads). Judged only by having no failed operation
 * and every order paid: latency on a shared 2-core machine is not a target.
 *
 *   npx tsx tests/bench/order-pay.bench.ts    # prints the table
 *   measureOrderPay()                         # → the figures
 *   run()                                     # → rows for `npm run bench`
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { createProduct } from '../../src/server/flows/catalog/create-product'
import { backendEnvFor, generateSandboxKeys, writeKeysDir } from '../../src/sandbox/keys'
import { row, type BenchRow } from './bench-row'
import { LOAD_WORKER, type LoadFigures } from './order-pay-load'

export interface OrderPayFigures {
  shoppers: number
  durationSec: number
  orderPay: LoadFigures
  product: LoadFigures
  /** order+pay p50 ÷ product p50 */
  p50Ratio: number
  /** order+pay p99 ÷ product p99 */
  p99Ratio: number
}

async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer()
    s.once('error', rej)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => res(port))
    })
  })
}

/** `npm run sandbox`'s entry point in a child process, with this run's keys and port. */
async function startSandbox(keysDir: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const entry = resolve(__dirname, '../../src/sandbox/main.ts')
  // NOTE: not process.execArgv: under `tsx -e …` it holds the eval'd code, which would run again in the child.
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, SANDBOX_KEYS_DIR: keysDir, SANDBOX_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const url = `http://127.0.0.1:${port}`
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('the sandbox did not start within 20 s')), 20_000)
    child.once('exit', (code) => fail(new Error(`the sandbox exited with ${code}`)))
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('listening on')) {
        clearTimeout(timer)
        ok()
      }
    })
  })
  return { url, child }
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

function runLoad(data: Record<string, unknown>): Promise<{ product: LoadFigures; orderPay: LoadFigures }> {
  return new Promise((ok, fail) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: data })
    worker.once('message', ok)
    worker.once('error', fail)
    worker.once('exit', (code) => code !== 0 && fail(new Error(`load worker exited with ${code}`)))
  })
}

export async function measureOrderPay(opts: { shoppers?: number; durationSec?: number } = {}): Promise<OrderPayFigures> {
  const shoppers = opts.shoppers ?? 20
  const durationSec = opts.durationSec ?? 8
  const dir = mkdtempSync(join(tmpdir(), 'bench-order-pay-'))
  const keysDir = join(dir, 'keys')
  writeKeysDir(keysDir, generateSandboxKeys())
  const sandbox = await startSandbox(keysDir)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const config = loadConfig({
    ...backendEnvFor(keysDir, sandbox.url),
    DATABASE_URL: `sqlite:${join(dir, 'shop.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    PUBLIC_BASE_URL: base
  })
  const database = openDatabase(config.databaseUrl)
  await migrateToLatest(database)
  const app = await buildApp({ config, db: database, log: { level: 'silent' } })
  try {
    await app.listen({ port, host: '127.0.0.1' })
    const product = await createProduct(app.deps, 'bench', {
      title: '基准围巾',
      description: '基准测试商品',
      images: ['/media/scarf.jpg'],
      skus: [{ attrs: { 颜色: '驼色' }, priceFen: 19900, stock: 10_000_000 }]
    })
    const tokens: string[] = []
    for (let i = 0; i < shoppers; i++) {
      const { code } = (await postJson(`${sandbox.url}/sandbox/login-code`, {})).json as { code: string }
      const login = await postJson(`${base}/api/v1/auth/login`, { code })
      if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${JSON.stringify(login.json)}`)
      tokens.push((login.json as { token: string }).token)
    }
    const load = await runLoad({ base, sandbox: sandbox.url, tokens, productId: product.id, skuId: product.skus[0]!.id, durationSec })
    const pending = await database.db.selectFrom('orders').select('id').where('status', '!=', 'paid').execute()
    if (pending.length > 0) throw new Error(`${pending.length} bench orders were not paid: the notify path lost some`)
    const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10
    const figures: OrderPayFigures = {
      shoppers,
      durationSec,
      orderPay: load.orderPay,
      product: load.product,
      p50Ratio: ratio(load.orderPay.p50Ms, load.product.p50Ms),
      p99Ratio: ratio(load.orderPay.p99Ms, load.product.p99Ms)
    }
    print(figures)
    return figures
  } finally {
    await app.close()
    await database.close()
    sandbox.child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
}

function print(f: OrderPayFigures): void {
  console.log(`order-pay: ${f.shoppers} concurrent shoppers, ${f.durationSec} s each, SQLite, WeChat sandbox on loopback`)
  console.log('operation                         done    errors   per s    p50 ms    p99 ms')
  for (const [name, r] of [['order + pay (3 calls)', f.orderPay], ['GET /api/v1/products/:id', f.product]] as const) {
    console.log(`${name.padEnd(30)} ${String(r.count).padStart(7)} ${String(r.errors).padStart(9)} ${String(r.perSec).padStart(7)} ${String(r.p50Ms).padStart(9)} ${String(r.p99Ms).padStart(9)}`)
  }
  console.log(`ratio order+pay / product: p50 ${f.p50Ratio}×, p99 ${f.p99Ratio}×`)
  for (const r of [f.orderPay, f.product]) if (r.firstError) console.log(`first error: ${r.firstError}`)
}

export async function run(opts: { shoppers?: number; durationSec?: number } = {}): Promise<BenchRow[]> {
  const f = await measureOrderPay(opts)
  return [
    row('order + pay p50 (20 shoppers)', f.orderPay.p50Ms, 'ms'),
    row('order + pay p99 (20 shoppers)', f.orderPay.p99Ms, 'ms'),
    row('order + pay throughput', f.orderPay.perSec, 'per s'),
    row('GET /products/:id p50 (20 shoppers)', f.product.p50Ms, 'ms'),
    row('GET /products/:id p99 (20 shoppers)', f.product.p99Ms, 'ms'),
    row('order+pay / product p50', f.p50Ratio, '×'),
    row('order+pay / product p99', f.p99Ratio, '×'),
    row('failed operations', f.orderPay.errors + f.product.errors, 'ops', { atMost: 0 })
  ]
}

if (require.main === module) {
  run().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
