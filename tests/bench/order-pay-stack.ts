/**
 * The order-pay bench's stack, shared with its profiling harness
 * (order-pay-profile.ts): the WeChat sandbox in a child process (`npm run
 * sandbox`'s entry point, this run's keys and port), the backend in this
 * process on a fresh SQLite file (logging off), one product with plenty of
 * stock, and N shoppers logged in through the sandbox.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { loadConfig } from '../../src/server/config'
import { openDatabase, type Database } from '../../src/server/db/database'
import { migrateToLatest } from '../../src/server/db/migrate'
import { createProduct } from '../../src/server/flows/catalog/create-product'
import type { RegisterRoutes } from '../../src/server/routes/route'
import { backendEnvFor, generateSandboxKeys, writeKeysDir, type SandboxKeys } from '../../src/sandbox/keys'

export interface OrderPayStack {
  app: FastifyInstance
  database: Database
  keys: SandboxKeys
  base: string
  sandboxUrl: string
  tokens: string[]
  productId: string
  skuId: string
  close(): Promise<void>
}

export async function freePort(): Promise<number> {
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

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  return { status: res.status, json: await res.json() }
}

export async function startOrderPayStack(opts: {
  shoppers: number
  /** Wraps the opened database before the app is built (e.g. to log statements). */
  wrapDatabase?: (d: Database) => Database
  extraRoutes?: RegisterRoutes[]
}): Promise<OrderPayStack> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-order-pay-'))
  const keysDir = join(dir, 'keys')
  const keys = generateSandboxKeys()
  writeKeysDir(keysDir, keys)
  const sandbox = await startSandbox(keysDir)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const config = loadConfig({
    ...backendEnvFor(keysDir, sandbox.url),
    DATABASE_URL: `sqlite:${join(dir, 'shop.db')}`,
    MEDIA_DIR: join(dir, 'media'),
    PUBLIC_BASE_URL: base
  })
  const opened = openDatabase(config.databaseUrl)
  await migrateToLatest(opened)
  const database = opts.wrapDatabase ? opts.wrapDatabase(opened) : opened
  const app = await buildApp({ config, db: database, log: { level: 'silent' }, extraRoutes: opts.extraRoutes })
  const close = async () => {
    await app.close()
    await opened.close()
    sandbox.child.kill('SIGTERM')
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await app.listen({ port, host: '127.0.0.1' })
    const product = await createProduct(app.deps, 'bench', {
      title: '基准围巾',
      description: '基准测试商品',
      images: ['/media/scarf.jpg'],
      skus: [{ attrs: { 颜色: '驼色' }, priceFen: 19900, stock: 10_000_000 }]
    })
    const tokens: string[] = []
    for (let i = 0; i < opts.shoppers; i++) {
      const { code } = (await postJson(`${sandbox.url}/sandbox/login-code`, {})).json as { code: string }
      const login = await postJson(`${base}/api/v1/auth/login`, { code })
      if (login.status !== 200) throw new Error(`bench login failed: ${login.status} ${JSON.stringify(login.json)}`)
      tokens.push((login.json as { token: string }).token)
    }
    return { app, database, keys, base, sandboxUrl: sandbox.url, tokens, productId: product.id, skuId: product.skus[0]!.id, close }
  } catch (e) {
    await close()
    throw e
  }
}
