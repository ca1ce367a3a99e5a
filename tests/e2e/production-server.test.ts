// Production as the README describes it: after `npm run build`, `NODE_ENV=production npm run server`
// serves the API, the admin web (/admin/) and the H5 shop (/) from one process. Chromium opens
// all three through it; the answers carry the hosting headers (index.html revalidated, hashed
// bundles cached for a year, brotli). npm test builds the H5 shop before jest; the admin is built here
// when missing or stale.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page, Response } from 'playwright-core'
import { ensureAdminBuild } from './helpers/admin-build'
import { bridge, BUILT_API_BASE } from './helpers/api-bridge'
import { launchBrowser, openPhonePage, screenshot } from './helpers/browser'
import { adminClient, ADMIN } from './helpers/real-stack'
import { poll } from '../helpers/poll'

const ROOT = path.resolve(__dirname, '../..')

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

let dir: string
let server: ChildProcess
let output = ''
let api: string
let browser: Browser

beforeAll(async () => {
  if (!fs.existsSync(path.join(ROOT, 'dist-h5/index.html'))) throw new Error('dist-h5/index.html missing: run `npm run build` (or build:h5) first')
  ensureAdminBuild()
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shop-prod-'))
  const port = await freePort()
  api = `http://127.0.0.1:${port}`
  // npm's own script, in its own process group so the whole tree (npm → sh → tsx → node) stops together.
  server = spawn('npm', ['run', 'server'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? os.homedir(),
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_BASE_URL: api,
      DATABASE_URL: `sqlite:${path.join(dir, 'shop.db')}`,
      MEDIA_DIR: path.join(dir, 'media'),
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: 'production-test-secret',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password
    }
  })
  server.stdout!.on('data', (d) => (output += String(d)))
  server.stderr!.on('data', (d) => (output += String(d)))
  const healthy = async () => {
    if (server.exitCode !== null) throw new Error(`npm run server exited (${server.exitCode})`)
    return fetch(`${api}/healthz`).then((r) => r.ok, () => false)
  }
  await poll(healthy, { what: 'npm run server to answer /healthz', timeoutMs: 120_000, everyMs: 250 }).catch((e: Error) => {
    throw new Error(`${e.message}\n${output}`)
  })
  browser = await launchBrowser()

  // Something to show: a published page, made through the staff API of this same process.
  const admin = await adminClient(api)
  const { page } = await admin.post<{ page: { id: string } }>('/api/admin/pages', { slug: 'linen-season', title: '亚麻季', blocks: [{ type: 'text', text: '风从衣服里穿过去。' }] })
  await admin.post(`/api/admin/pages/${page.id}/publish`)
})

afterAll(async () => {
  await browser?.close()
  if (server?.exitCode === null) {
    const exited = new Promise((r) => server.once('exit', r))
    process.kill(-server.pid!, 'SIGTERM')
    await exited
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** Every answer the page got from this server, by path. */
function recordResponses(page: Page): Map<string, Response> {
  const seen = new Map<string, Response>()
  page.on('response', (r) => {
    const url = new URL(r.url())
    if (url.origin === api) seen.set(url.pathname, r)
  })
  return seen
}

test('the server started with no warning about missing builds', () => {
  expect(output).not.toMatch(/not built/)
})

test('the API answers in the browser', async () => {
  const page = await browser.newPage()
  const res = await page.goto(`${api}/api/v1/pages`)
  expect(res!.status()).toBe(200)
  expect(res!.headers()['content-type']).toMatch(/^application\/json/)
  expect(JSON.parse(await page.locator('body').innerText())).toEqual(expect.objectContaining({ items: [expect.objectContaining({ slug: 'linen-season', title: '亚麻季' })] }))
  await page.close()
})

test('the admin web at /admin/: log in and see the published page', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const seen = recordResponses(page)
  await page.goto(`${api}/admin/`)
  await page.getByLabel('邮箱').fill(ADMIN.email)
  await page.getByLabel('密码').fill(ADMIN.password)
  await page.getByRole('button', { name: '登录' }).click()
  await page.getByRole('heading', { name: '内容页面' }).waitFor()
  await page.getByText('亚麻季').first().waitFor()
  await screenshot(page, 'production-admin')

  const index = seen.get('/admin/')!
  expect(index.headers()['cache-control']).toBe('no-cache')
  const bundles = [...seen].filter(([p]) => /^\/admin\/assets\/.+\.js$/.test(p))
  expect(bundles.length).toBeGreaterThan(0)
  for (const [, r] of bundles) {
    expect(r.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers()['content-encoding']).toBe('br')
  }
  expect(errors).toEqual([])
  await context.close()
})

test('the H5 shop at /: the home page lists the published page', async () => {
  const { page, problems } = await openPhonePage(browser)
  // The shop calls the API base baked in at build time; here that is this same server.
  await bridge(page, BUILT_API_BASE, api)
  const seen = recordResponses(page)
  await page.goto(`${api}/#/pages/index/index`)
  await page.locator('.home__brand-name', { hasText: '山茶' }).waitFor()
  await page.getByText('亚麻季').first().waitFor()
  await screenshot(page, 'production-shop')

  expect(seen.get('/')!.headers()['cache-control']).toBe('no-cache')
  const bundles = [...seen].filter(([p]) => /^\/js\/.+\.[0-9a-f]{8}\.js$/.test(p))
  expect(bundles.length).toBeGreaterThan(0)
  for (const [, r] of bundles) {
    expect(r.headers()['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(r.headers()['content-encoding']).toBe('br')
  }
  expect(problems).toEqual([])
})
