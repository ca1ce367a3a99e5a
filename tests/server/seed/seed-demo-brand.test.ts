// The demo seed behind `npm start`: on an empty database it creates what the
// README promises (staff, ≥8 products with SKUs and real images, 3 published
// pages using every block type, a playable clip), all served by the real
// HTTP app; on a database with content it adds nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BLOCK_TYPES, productIdsOf, type Block } from '@core/content'
import { buildApp } from '../../../src/server/app'
import { loadConfig } from '../../../src/server/config'
import { DEMO_ADMIN, DEMO_EDITOR, ensureDemoStaff } from '../../../src/server/seed/demo-staff'
import { seedDemoBrand, type SeedReport } from '../../../src/server/seed/seed-demo-brand'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, ADMIN, type TestApp } from '../helpers/test-app'
import { createTestDb } from '../helpers/test-db'

const SEED_TIMEOUT = 180_000

function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

async function bytesOf(t: TestApp, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${path}`, { headers })
  return { status: res.status, type: res.headers.get('content-type'), headers: res.headers, body: Buffer.from(await res.arrayBuffer()) }
}

async function counts(t: TestApp) {
  const db = t.deps.db
  const n = async (table: 'products' | 'skus' | 'pages' | 'pageVersions' | 'media' | 'staff') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)
  return { products: await n('products'), skus: await n('skus'), pages: await n('pages'), versions: await n('pageVersions'), media: await n('media'), staff: await n('staff') }
}

describeEachDb('seedDemoBrand', (dialect) => {
  let t: TestApp
  let report: SeedReport
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    report = await seedDemoBrand(t.deps)
  }, SEED_TIMEOUT)
  afterAll(async () => {
    // NOTE: now and then a keep-alive socket of the many fetches here escapes Fastify's
    // idle-connection close and holds app.close() for the 72 s keep-alive timeout.
    t.app.server.closeAllConnections()
    await t.close()
  })

  test('reports what it made: the configured admin kept, the editor created, 10 products, 3 pages', () => {
    expect(report).toMatchObject({
      seeded: true,
      staff: [
        { email: ADMIN.email, role: 'admin', created: false },
        { email: DEMO_EDITOR.email, role: 'editor', created: true }
      ],
      products: 10,
      pages: ['slow-living', 'tea-time', 'spring-linen']
    })
  })

  test('the editor logs in with the printed demo password and is an editor', async () => {
    const cookie = await t.login(DEMO_EDITOR.email, DEMO_EDITOR.password)
    const me = await t.call('GET', '/api/admin/session', { cookie })
    expect(me.json.staff).toMatchObject({ email: DEMO_EDITOR.email, role: 'editor' })
    // Editors may not manage staff: the role is real, not a label.
    expect((await t.call('GET', '/api/admin/staff', { cookie })).status).toBe(403)
  })

  test('products: SKUs in integer fen, stock from plenty to sold out, 600×600 PNG photos served under /media/', async () => {
    const list = await t.call('GET', '/api/admin/products?limit=50', { cookie: t.adminCookie })
    expect(list.status).toBe(200)
    const products = list.json.items as { id: string; title: string; images: string[]; skus: { priceFen: number; stock: number; attrs: Record<string, string> }[] }[]
    expect(products).toHaveLength(10)
    const skus = products.flatMap((p) => p.skus)
    expect(skus.length).toBe(report.seeded ? report.skus : -1)
    expect(skus.every((s) => Number.isInteger(s.priceFen) && s.priceFen > 0)).toBe(true)
    expect(skus.filter((s) => s.stock === 0)).toHaveLength(1)
    expect(skus.some((s) => s.stock > 0 && s.stock < 10)).toBe(true)
    const shirt = products.find((p) => p.title === '水洗亚麻短袖衬衫')!
    expect(shirt.skus).toHaveLength(12)
    expect(shirt.skus.find((s) => s.stock === 0)?.attrs).toEqual({ 颜色: '雾蓝', 尺码: 'XL' })
    for (const p of products) {
      expect(p.images.length).toBeGreaterThanOrEqual(1)
      const img = await bytesOf(t, p.images[0]!)
      expect(img.status).toBe(200)
      expect(img.type).toBe('image/png')
      expect(pngSize(img.body)).toEqual({ width: 600, height: 600 })
      expect(img.body.length).toBeLessThan(120_000)
    }
  })

  test('three published pages, each using every block type, with their products resolved', async () => {
    const list = await t.call('GET', '/api/v1/pages')
    expect(list.status).toBe(200)
    expect((list.json.items as { slug: string }[]).map((p) => p.slug).sort()).toEqual(['slow-living', 'spring-linen', 'tea-time'])
    for (const slug of ['slow-living', 'spring-linen', 'tea-time']) {
      const res = await t.call('GET', `/api/v1/pages/${slug}`)
      expect(res.status).toBe(200)
      const { page, products } = res.json as { page: { title: string; cover: string; blocks: Block[] }; products: Record<string, unknown> }
      expect(new Set(page.blocks.map((b) => b.type))).toEqual(new Set(BLOCK_TYPES))
      const ids = productIdsOf(page.blocks)
      expect(ids.length).toBeGreaterThan(0)
      expect(Object.keys(products).sort()).toEqual([...new Set(ids)].sort())
      expect(page.cover).toMatch(/^\/media\/[0-9a-f]{32}\.png$/)
      expect(pngSize((await bytesOf(t, page.cover)).body)).toEqual({ width: 750, height: 880 })
    }
  })

  test('the clip is a real MP4 (H.264) served with byte ranges, with a PNG poster', async () => {
    const page = (await t.call('GET', '/api/v1/pages/tea-time')).json.page as { blocks: { type: string; src?: string; poster?: string }[] }
    const video = page.blocks.find((b) => b.type === 'video')!
    expect(video.src).toMatch(/^\/media\/[0-9a-f]{32}\.mp4$/)
    const whole = await bytesOf(t, video.src!)
    expect(whole.status).toBe(200)
    expect(whole.type).toBe('video/mp4')
    expect(whole.body.subarray(4, 8).toString('latin1')).toBe('ftyp')
    expect(whole.body.includes(Buffer.from('avcC'))).toBe(true)
    const part = await bytesOf(t, video.src!, { range: 'bytes=0-99' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 0-99/${whole.body.length}`)
    expect(part.body).toEqual(whole.body.subarray(0, 100))
    expect(pngSize((await bytesOf(t, video.poster!)).body)).toEqual({ width: 750, height: 422 })
  })

  test('a second run adds nothing', async () => {
    const before = await counts(t)
    expect(before).toMatchObject({ products: 10, pages: 3, versions: 3, staff: 2 })
    expect(await seedDemoBrand(t.deps)).toEqual({ seeded: false, reason: 'the database already has products or pages' })
    expect(await counts(t)).toEqual(before)
  })
})

describeEachDb('seedDemoBrand aborted while drawing', (dialect) => {
  test('writes nothing, so the next start still finds an empty database', async () => {
    const t = await createTestApp({ dialect })
    try {
      const before = await counts(t)
      const stop = new AbortController()
      stop.abort(new Error('SIGINT during startup'))
      await expect(seedDemoBrand(t.deps, { signal: stop.signal })).rejects.toThrow('SIGINT during startup')
      // The signal comes after the third picture: drawing stops there and nothing is written.
      const midway = new AbortController()
      const drawn: number[] = []
      const onDrawn = (count: number) => {
        drawn.push(count)
        if (count === 3) midway.abort(new Error('SIGINT while drawing'))
      }
      await expect(seedDemoBrand(t.deps, { signal: midway.signal, onDrawn })).rejects.toThrow('SIGINT while drawing')
      expect(drawn).toEqual([1, 2, 3])
      expect(await counts(t)).toEqual(before)
      expect(before).toMatchObject({ products: 0, pages: 0, media: 0 })
    } finally {
      await t.close()
    }
  }, SEED_TIMEOUT)
})

describeEachDb('ensureDemoStaff without ADMIN_EMAIL', (dialect) => {
  test('creates the demo admin and editor once; both log in with the printed passwords', async () => {
    const db = await createTestDb(dialect)
    const mediaDir = mkdtempSync(join(tmpdir(), 'shop-media-'))
    const config = loadConfig({ WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'test-secret', DATABASE_URL: db.url, MEDIA_DIR: mediaDir })
    const app = await buildApp({ config, db: db.database, log: { level: 'silent' } })
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' })
      const first = await ensureDemoStaff(app.deps)
      expect(first.staff).toEqual([
        { email: DEMO_ADMIN.email, role: 'admin', created: true },
        { email: DEMO_EDITOR.email, role: 'editor', created: true }
      ])
      const again = await ensureDemoStaff(app.deps)
      expect(again.staff.map((s) => s.created)).toEqual([false, false])
      for (const [who, role] of [[DEMO_ADMIN, 'admin'], [DEMO_EDITOR, 'editor']] as const) {
        const res = await fetch(`${url}/api/admin/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: who.email, password: who.password })
        })
        expect(res.status).toBe(200)
        expect(((await res.json()) as { staff: { role: string } }).staff.role).toBe(role)
      }
    } finally {
      await app.close()
      await db.drop()
      rmSync(mediaDir, { recursive: true, force: true })
    }
  })
})
