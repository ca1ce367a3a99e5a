// Production hosting through the real HTTP app: the built admin at /admin/ and
// the H5 shop at / (STATIC_DIR), hashed assets cached for a year, index.html
// revalidated, brotli/gzip as asked, a missing build as one warning line; and
// TRUST_PROXY deciding whether request.ip comes from X-Forwarded-For.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app'
import { parseTrustProxy } from '../../src/server/config-hosting'
import { cacheControlFor, IMMUTABLE } from '../../src/server/http/static-sites'
import { createTestDb, type TestDb } from './helpers/test-db'
import { testConfig } from './helpers/test-app'

const BUNDLE = `console.log(${JSON.stringify('山茶 '.repeat(2000))})\n`

function fakeBuilds(): string {
  const dir = mkdtempSync(join(tmpdir(), 'shop-static-'))
  const put = (p: string, text: string) => {
    mkdirSync(join(dir, p, '..'), { recursive: true })
    writeFileSync(join(dir, p), text)
  }
  put('dist-admin/index.html', '<!doctype html><title>管理后台</title><script src="./assets/index-B5x_k2Qe.js"></script>')
  put('dist-admin/assets/index-B5x_k2Qe.js', BUNDLE)
  put('dist-h5/index.html', '<!doctype html><title>品牌好物</title><script src="/js/app.3f9a1c2e.js"></script>')
  put('dist-h5/js/app.3f9a1c2e.js', BUNDLE)
  return dir
}

let db: TestDb
const dirs: string[] = []
const apps: FastifyInstance[] = []
beforeAll(async () => {
  db = await createTestDb('sqlite')
})
afterAll(async () => {
  for (const app of apps) await app.close()
  await db.drop()
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

async function start(env: Record<string, string>, opts: { sites?: boolean; lines?: string[] } = {}) {
  const media = mkdtempSync(join(tmpdir(), 'shop-media-'))
  dirs.push(media)
  const stream = new Writable({ write: (chunk, _enc, done) => (opts.lines?.push(...String(chunk).trim().split('\n')), done()) })
  const app = await buildApp({
    config: testConfig({ DATABASE_URL: db.url, MEDIA_DIR: media, ...env }),
    db: db.database,
    log: { level: 'warn', stream },
    sites: opts.sites,
    extraRoutes: [(a) => a.get('/test/ip', async (request) => ({ ip: request.ip }))]
  })
  apps.push(app)
  return app.listen({ port: 0, host: '127.0.0.1' })
}

describe('built front ends', () => {
  let url: string
  beforeAll(async () => {
    const staticDir = fakeBuilds()
    dirs.push(staticDir)
    url = await start({ STATIC_DIR: staticDir }, { sites: true })
  })

  test('the admin at /admin/ and the shop at /, index.html never cached', async () => {
    const bare = await fetch(`${url}/admin`, { redirect: 'manual' })
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/admin/')

    const admin = await fetch(`${url}/admin/`)
    expect(admin.status).toBe(200)
    expect(admin.headers.get('content-type')).toMatch(/^text\/html/)
    expect(admin.headers.get('cache-control')).toBe('no-cache')
    expect(await admin.text()).toContain('管理后台')

    const shop = await fetch(`${url}/`)
    expect(shop.status).toBe(200)
    expect(shop.headers.get('cache-control')).toBe('no-cache')
    expect(await shop.text()).toContain('品牌好物')
  })

  test('hashed bundles are immutable for a year and compressed as the browser asks', async () => {
    const br = await fetch(`${url}/admin/assets/index-B5x_k2Qe.js`, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(br.status).toBe(200)
    expect(br.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i)
    expect(await br.text()).toBe(BUNDLE)

    const gzip = await fetch(`${url}/js/app.3f9a1c2e.js`, { headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers.get('cache-control')).toBe(IMMUTABLE)
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(await gzip.text()).toBe(BUNDLE)

    const plain = await fetch(`${url}/js/app.3f9a1c2e.js`, { headers: { 'accept-encoding': 'identity' } })
    expect(plain.headers.get('content-encoding')).toBeNull()
    expect(await plain.text()).toBe(BUNDLE)
  })

  test('the API beside them is untouched: JSON, and unknown files are 404', async () => {
    const health = await fetch(`${url}/healthz`)
    expect(health.status).toBe(200)
    const pages = await fetch(`${url}/api/v1/pages`)
    expect(pages.status).toBe(200)
    expect(await pages.json()).toEqual(expect.objectContaining({ items: [] }))
    expect((await fetch(`${url}/js/nothing.12345678.js`)).status).toBe(404)
    expect((await fetch(`${url}/admin/assets/missing-AbCdEf12.js`)).status).toBe(404)
  })
})

test('a missing build is one warning line per site, and its paths answer 404', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'shop-static-empty-'))
  dirs.push(empty)
  const lines: string[] = []
  const url = await start({ STATIC_DIR: empty }, { sites: true, lines })
  const warnings = lines.map((l) => JSON.parse(l) as { level: number; msg: string }).filter((l) => l.level === 40)
  expect(warnings.map((w) => w.msg)).toEqual([
    `admin web not built (no ${join(empty, 'dist-admin', 'index.html')}): run \`npm run build\` or set STATIC_DIR`,
    `H5 shop not built (no ${join(empty, 'dist-h5', 'index.html')}): run \`npm run build\` or set STATIC_DIR`
  ])
  expect((await fetch(`${url}/admin/`)).status).toBe(404)
  expect((await fetch(`${url}/`)).status).toBe(404)
  expect((await fetch(`${url}/healthz`)).status).toBe(200)
})

test('cache rules: only content-hashed names in build folders are immutable', () => {
  expect(cacheControlFor('/b/dist-admin/assets/index-B5x_k2Qe.js')).toBe(IMMUTABLE)
  expect(cacheControlFor('/b/dist-h5/css/app.0b1c2d3e.css')).toBe(IMMUTABLE)
  expect(cacheControlFor('/b/dist-h5/index.html')).toBe('no-cache')
  expect(cacheControlFor('/b/dist-h5/favicon.ico')).toBe('no-cache')
  expect(cacheControlFor('/b/dist-h5/js/app.js')).toBe('no-cache')
})

describe('TRUST_PROXY', () => {
  const ipSeen = async (env: Record<string, string>, forwardedFor?: string) => {
    const url = await start(env)
    const res = await fetch(`${url}/test/ip`, { headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} })
    return ((await res.json()) as { ip: string }).ip
  }

  test('unset: the connecting address, whatever X-Forwarded-For says', async () => {
    expect(await ipSeen({}, '203.0.113.7')).toBe('127.0.0.1')
  })

  test('a hop count: the address the balancer saw, not one the client made up', async () => {
    expect(await ipSeen({ TRUST_PROXY: '1' }, '203.0.113.7')).toBe('203.0.113.7')
    // A client sending its own X-Forwarded-For gets it prepended; one hop trusts only the balancer's entry.
    expect(await ipSeen({ TRUST_PROXY: '1' }, '198.51.100.1, 203.0.113.7')).toBe('203.0.113.7')
    expect(await ipSeen({ TRUST_PROXY: '1' })).toBe('127.0.0.1')
  })

  test('a CIDR list: trusted only when the connection comes from inside it', async () => {
    expect(await ipSeen({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.0/8' }, '203.0.113.7')).toBe('203.0.113.7')
    expect(await ipSeen({ TRUST_PROXY: '10.0.0.0/8' }, '203.0.113.7')).toBe('127.0.0.1')
  })

  test('parsing: off, hops, lists; nonsense is refused', () => {
    expect(parseTrustProxy(undefined)).toBe(false)
    expect(parseTrustProxy('0')).toBe(false)
    expect(parseTrustProxy('2')).toBe(2)
    expect(parseTrustProxy('10.0.0.0/8,::1, loopback')).toEqual(['10.0.0.0/8', '::1', 'loopback'])
    for (const bad of ['true', '*', '10.0.0.0/33', '300.1.1.1', 'abc', '11']) expect(parseTrustProxy(bad)).toEqual({ error: expect.stringContaining('TRUST_PROXY') })
    expect(() => testConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be/)
  })
})
