/**
 * The backend wired to the REAL WeChat sandbox, both on loopback: the
 * backend's WECHATPAY_* and WECHAT_* variables come from backendEnvFor (a keys
 * dir written from generateSandboxKeys). PUBLIC_BASE_URL is a small
 * forwarding proxy on a fixed port (as a load balancer would be), so the
 * sandbox's notifications reach whichever app instance is up, also after a
 * restart. Backend and sandbox share one TestClock, so signatures stay
 * inside the 300 s window when tests move time.
 *
 *   const shop = await createShop({ dialect })
 *   const buyer = await shop.shopper()           // wx.login code → our token
 *   const product = await seedProduct(shop.t, …)
 *   await shop.restart()                         // app restart, same data and PUBLIC_BASE_URL
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest, createServer as createHttpServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { backendEnvFor, generateSandboxKeys, writeKeysDir, sandboxOptionsFromKeys, type SandboxKeys } from '../../../../src/sandbox/keys'
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../../src/sandbox/sandbox'
import { createTestApp, type CallOptions, type CallResult, type TestApp } from '../../helpers/test-app'
import { TestClock } from '../../helpers/test-clock'
import type { DialectName } from '../../helpers/test-db'

let cachedKeys: SandboxKeys | undefined
/** One key set per test file: RSA generation is the slow part. */
export function shopKeys(): SandboxKeys {
  cachedKeys ??= generateSandboxKeys()
  return cachedKeys
}

/** Forwards every request, bytes untouched, to the current app; 502 while none is up. */
async function forwardTo(target: () => string | undefined): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createHttpServer((req, res) => {
    const base = target()
    if (!base) return void res.writeHead(502).end()
    const upstream = httpRequest(`${base}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => res.writeHead(502).end())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export interface Shopper {
  token: string
  userId: string
  openid: string
}

export interface Shop {
  t: TestApp
  sandbox: Sandbox
  keys: SandboxKeys
  clock: TestClock
  /** PUBLIC_BASE_URL: the proxy in front of the backend. */
  baseUrl: string
  shopper(): Promise<Shopper>
  call(method: string, url: string, opts?: CallOptions): Promise<CallResult>
  restart(): Promise<void>
  close(): Promise<void>
}

export interface ShopOptions {
  dialect: DialectName
  env?: Record<string, string>
  sandbox?: Partial<SandboxOptions>
  /** Leave the backend unreachable for notifications (to test reconciliation). */
  unreachable?: boolean
  /** false: configure login only, no WECHATPAY_* (pay routes answer 503 PAY_NOT_CONFIGURED). */
  pay?: boolean
}

export async function createShop(opts: ShopOptions): Promise<Shop> {
  const keys = shopKeys()
  const clock = new TestClock(new Date())
  const keysDir = mkdtempSync(join(tmpdir(), 'shop-keys-'))
  writeKeysDir(keysDir, keys)
  const sandbox = createSandbox({
    ...sandboxOptionsFromKeys(keys),
    timeFactor: 0.001,
    refundDelayMs: 20,
    now: () => clock.now().getTime(),
    ...opts.sandbox
  })
  const { url: sandboxUrl } = await sandbox.listen(0)
  const current: { app?: TestApp } = {}
  const proxy = await forwardTo(() => current.app?.url)
  const baseUrl = proxy.url
  const app = await createTestApp({
    dialect: opts.dialect,
    clock,
    env: {
      ...Object.fromEntries(
        Object.entries(backendEnvFor(keysDir, sandboxUrl)).filter(([name]) => opts.pay !== false || !name.startsWith('WECHATPAY_'))
      ),
      PUBLIC_BASE_URL: opts.unreachable ? 'http://127.0.0.1:9' : baseUrl,
      ...opts.env
    }
  })
  current.app = app
  return {
    t: app,
    sandbox,
    keys,
    clock,
    baseUrl,
    call: (method, url, o) => app.call(method, url, o),
    async shopper() {
      const { code, openid } = sandbox.loginCode()
      const res = await app.call('POST', '/api/v1/auth/login', { body: { code } })
      if (res.status !== 200) throw new Error(`shopper login failed: ${res.status} ${JSON.stringify(res.json)}`)
      return { token: res.json.token, userId: res.json.user.id, openid }
    },
    restart: () => app.restart(),
    async close() {
      await sandbox.close()
      await app.close()
      await proxy.close()
      rmSync(keysDir, { recursive: true, force: true })
    }
  }
}
