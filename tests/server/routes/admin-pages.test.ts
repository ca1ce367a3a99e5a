// Staff content: drafts validated by core's block schema (field paths,
// unknown types refused), publish / unpublish, versions with restore,
// preview links. The shopper side is read to prove what is live.
import { describeEachDb } from '../helpers/each-db'
import { editorCookie, pageBody, seedPage, seedProduct } from '../helpers/seed'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'
import { MINUTE } from '../helpers/test-clock'

describeEachDb('content pages (staff)', (dialect) => {
  let t: TestApp
  let productId: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    productId = (await seedProduct(t)).id
  })
  afterAll(() => t.close())

  // Staff writes are JSON, bodiless ones as {} (the CSRF rule).
  const admin = (method: string, url: string, body?: unknown) =>
    t.call(method, url, { cookie: t.adminCookie, body: body ?? (method === 'GET' ? undefined : {}) })

  test('POST makes a draft (not public); GET and the list show it with fallbacks', async () => {
    const res = await admin('POST', '/api/admin/pages', pageBody('winter-sale', productId))
    expect(res.status).toBe(201)
    const page = res.json.page
    expect(page).toEqual(
      expect.objectContaining({
        id: expect.stringMatching(/^pg_/),
        slug: 'winter-sale',
        cover: null,
        status: 'draft',
        publishedVersion: null,
        effective: { cover: '/media/hero.jpg', share: { title: '页面 winter-sale', imageUrl: '/media/hero.jpg' } }
      })
    )
    expect(page.blocks).toHaveLength(3)
    expect((await admin('GET', `/api/admin/pages/${page.id}`)).json).toEqual({ page })
    expect((await admin('GET', '/api/admin/pages')).json.items.map((p: Json) => p.id)).toContain(page.id)
    const shopper = await t.call('GET', '/api/v1/pages/winter-sale')
    expect(shopper.status).toBe(404)
    expect(shopper.json.error.code).toBe('PAGE_NOT_FOUND')
  })

  test('an unknown block type is refused with its field path, and nothing is stored', async () => {
    const body = pageBody('with-unknown', undefined, {
      blocks: [{ type: 'text', text: 'ok' }, { type: 'gallery', images: [] }]
    })
    const res = await admin('POST', '/api/admin/pages', body)
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('UNKNOWN_BLOCK_TYPE')
    expect(res.json.error.details).toEqual([expect.objectContaining({ path: 'blocks.1.type' })])
    const list = await admin('GET', '/api/admin/pages?limit=100')
    expect(list.json.items.map((p: Json) => p.slug)).not.toContain('with-unknown')
  })

  test('bad page input: every problem with its path', async () => {
    const cases: Array<[unknown, string, string]> = [
      [pageBody('Bad Slug'), 'slug', 'INVALID_PAGE'],
      [pageBody('ok-slug', undefined, { title: '' }), 'title', 'INVALID_PAGE'],
      [pageBody('ok-slug', undefined, { blocks: [{ type: 'hero' }] }), 'blocks.0.image', 'INVALID_PAGE'],
      [pageBody('ok-slug', undefined, { blocks: [{ type: 'text', text: '<b>hi</b>' }] }), 'blocks.0.text', 'INVALID_PAGE'],
      [pageBody('ok-slug', undefined, { cover: 'javascript:alert(1)' }), 'cover', 'INVALID_PAGE'],
      [pageBody('ok-slug', 'prd_doesnotexist'), 'blocks.2.productId', 'UNKNOWN_PRODUCT'],
      [
        pageBody('ok-slug', undefined, { blocks: [{ type: 'product-grid', productIds: [productId, 'prd_nope'] }] }),
        'blocks.0.productIds.1',
        'UNKNOWN_PRODUCT'
      ],
      [pageBody('winter-sale'), 'slug', 'SLUG_TAKEN']
    ]
    for (const [body, path, code] of cases) {
      const res = await admin('POST', '/api/admin/pages', body)
      expect([path, res.status, res.json.error.code]).toEqual([path, code === 'SLUG_TAKEN' ? 409 : 400, code])
      expect(res.json.error.details.map((d: Json) => d.path)).toContain(path)
    }
    const list = await admin('GET', '/api/admin/pages?limit=100')
    expect(list.json.items.map((p: Json) => p.slug)).not.toContain('ok-slug')
  })

  test('publish now → live for shoppers; later draft edits stay hidden until the next publish', async () => {
    const page = await seedPage(t, 'spring', { productId })
    const pub = await admin('POST', `/api/admin/pages/${page.id}/publish`, {})
    expect(pub.status).toBe(200)
    expect(pub.json.page).toEqual(
      expect.objectContaining({ status: 'published', publishedVersion: 1, publishedAt: t.clock.now().toISOString() })
    )
    expect((await t.call('GET', '/api/v1/pages/spring')).json.page.title).toBe('页面 spring')

    await admin('PUT', `/api/admin/pages/${page.id}`, pageBody('spring', productId, { title: '草稿标题' }))
    expect((await t.call('GET', '/api/v1/pages/spring')).json.page.title).toBe('页面 spring')
    const again = await t.call('POST', `/api/admin/pages/${page.id}/publish`, { cookie: t.adminCookie, body: {} })
    expect(again.json.page.publishedVersion).toBe(2)
    expect((await t.call('GET', '/api/v1/pages/spring')).json.page.title).toBe('草稿标题')
  })

  test('unpublish takes the page offline; repeating it is harmless', async () => {
    const page = await seedPage(t, 'short-lived', { publish: true })
    expect((await t.call('GET', '/api/v1/pages/short-lived')).status).toBe(200)
    const res = await admin('POST', `/api/admin/pages/${page.id}/unpublish`)
    expect(res.status).toBe(200)
    expect(res.json.page).toEqual(expect.objectContaining({ status: 'draft', publishedVersion: null, publishedAt: null }))
    expect((await t.call('GET', '/api/v1/pages/short-lived')).status).toBe(404)
    expect((await admin('POST', `/api/admin/pages/${page.id}/unpublish`)).status).toBe(200)
  })

  test('versions: every publish keeps one; restore brings one back into the draft', async () => {
    const page = await seedPage(t, 'versioned')
    await admin('POST', `/api/admin/pages/${page.id}/publish`, {})
    t.clock.advance(MINUTE)
    await admin('PUT', `/api/admin/pages/${page.id}`, pageBody('versioned', undefined, { title: '第二版' }))
    await admin('POST', `/api/admin/pages/${page.id}/publish`, {})

    const versions = await admin('GET', `/api/admin/pages/${page.id}/versions`)
    expect(versions.status).toBe(200)
    expect(versions.json.items).toEqual([
      expect.objectContaining({ version: 2, title: '第二版', live: true }),
      expect.objectContaining({ version: 1, title: '页面 versioned', live: false })
    ])
    const v1 = await admin('GET', `/api/admin/pages/${page.id}/versions/1`)
    expect(v1.json.page.title).toBe('页面 versioned')

    const restored = await admin('POST', `/api/admin/pages/${page.id}/versions/1/restore`)
    expect(restored.status).toBe(200)
    expect(restored.json.page).toEqual(expect.objectContaining({ title: '页面 versioned', publishedVersion: 2 }))
    // Restoring edits the draft only; the shopper still sees version 2 until it is published.
    expect((await t.call('GET', '/api/v1/pages/versioned')).json.page.title).toBe('第二版')
    const third = await admin('POST', `/api/admin/pages/${page.id}/publish`, {})
    expect(third.json.page.publishedVersion).toBe(3)
    expect((await t.call('GET', '/api/v1/pages/versioned')).json.page.title).toBe('页面 versioned')

    expect((await admin('POST', `/api/admin/pages/${page.id}/versions/9/restore`)).status).toBe(404)
    expect((await admin('POST', `/api/admin/pages/${page.id}/versions/zero/restore`)).status).toBe(400)
    const actions = (await admin('GET', `/api/admin/audit?targetId=${page.id}`)).json.items.map((e: Json) => e.action)
    expect(actions).toEqual(expect.arrayContaining(['page.create', 'page.publish', 'page.update', 'page.restore']))
  })

  test('preview: a short-lived token serves the draft; expired or foreign tokens do not', async () => {
    const page = await seedPage(t, 'secret-draft', { productId })
    const res = await admin('POST', `/api/admin/pages/${page.id}/preview`)
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/),
      url: `http://shop.test/api/v1/pages/secret-draft?preview=${res.json.token}`,
      expiresAt: expect.any(String)
    })
    const seen = await t.call('GET', `/api/v1/pages/secret-draft?preview=${res.json.token}`)
    expect(seen.status).toBe(200)
    expect(seen.headers.get('cache-control')).toBe('no-store')
    expect(seen.json.page.title).toBe('页面 secret-draft')
    expect(Object.keys(seen.json.products)).toEqual([productId])

    expect((await t.call('GET', '/api/v1/pages/secret-draft')).status).toBe(404)
    expect((await t.call('GET', `/api/v1/pages/spring?preview=${res.json.token}`)).status).toBe(404)
    expect((await t.call('GET', '/api/v1/pages/secret-draft?preview=forged')).status).toBe(403)
    t.clock.advance(31 * MINUTE)
    const late = await t.call('GET', `/api/v1/pages/secret-draft?preview=${res.json.token}`)
    expect(late.status).toBe(403)
    expect(late.json.error.code).toBe('PREVIEW_EXPIRED')
  })

  test('publish input and unknown pages', async () => {
    const page = await seedPage(t, 'edge-cases')
    for (const body of [{ at: 'tomorrow' }, { at: '2025-06-01T10:00:00' }, { at: 12 }, []]) {
      const res = await admin('POST', `/api/admin/pages/${page.id}/publish`, body)
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('VALIDATION_FAILED')
    }
    expect((await admin('GET', `/api/admin/pages/${page.id}/versions`)).json.items).toEqual([])
    for (const [method, url] of [
      ['GET', '/api/admin/pages/pg_missing'],
      ['PUT', '/api/admin/pages/pg_missing'],
      ['POST', '/api/admin/pages/pg_missing/publish'],
      ['POST', '/api/admin/pages/pg_missing/unpublish'],
      ['POST', '/api/admin/pages/pg_missing/preview'],
      ['GET', '/api/admin/pages/pg_missing/versions']
    ] as const) {
      const res = await admin(method, url, method === 'PUT' ? pageBody('whatever') : undefined)
      expect([url, res.status, res.json.error.code]).toEqual([url, 404, 'PAGE_NOT_FOUND'])
    }
    const badPut = await admin('PUT', `/api/admin/pages/${page.id}`, pageBody('edge-cases', undefined, { blocks: [{ type: 'poll' }] }))
    expect(badPut.status).toBe(400)
    expect(badPut.json.error.details).toEqual([expect.objectContaining({ path: 'blocks.0.type' })])
    expect((await admin('GET', `/api/admin/pages/${page.id}`)).json.page.blocks).toEqual(page.blocks)
    expect((await admin('GET', `/api/admin/pages/${page.id}/versions/0`)).status).toBe(400)
    expect((await admin('GET', `/api/admin/pages/${page.id}/versions/7`)).json.error.code).toBe('VERSION_NOT_FOUND')
    expect((await admin('GET', '/api/admin/pages?cursor=nope')).json.error.code).toBe('INVALID_CURSOR')
    const slugClash = await admin('PUT', `/api/admin/pages/${page.id}`, pageBody('spring'))
    expect(slugClash.status).toBe(409)
    expect((await admin('GET', `/api/admin/pages/${page.id}`)).json.page.slug).toBe('edge-cases')
  })

  test('an editor may edit, publish and preview pages', async () => {
    const cookie = await editorCookie(t)
    const created = await t.call('POST', '/api/admin/pages', { cookie, body: pageBody('by-editor') })
    expect(created.status).toBe(201)
    const pub = await t.call('POST', `/api/admin/pages/${created.json.page.id}/publish`, { cookie, body: {} })
    expect(pub.status).toBe(200)
    expect((await t.call('GET', '/api/v1/pages/by-editor')).status).toBe(200)
  })
})
