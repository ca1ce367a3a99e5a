// Issue 18, the staff side of content: the new blocks validated on save
// (product ids with their paths, a slide's page), the shopper read carrying
// every product they name, a scheduled end (unpublishAt) fired by the jobs
// runner on an injected clock, version diffs, duplicates and templates.
import { runDueJobs } from '../../../src/server/jobs'
import { describeEachDb } from '../helpers/each-db'
import { pageBody, seedPage, seedProduct } from '../helpers/seed'
import { createTestApp, type Json, type TestApp } from '../helpers/test-app'
import { HOUR, MINUTE } from '../helpers/test-clock'

describeEachDb('content editor: new blocks, scheduled end, diff, duplicate, templates', (dialect) => {
  let t: TestApp
  let coat: string
  let bag: string
  let scarf: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    coat = (await seedProduct(t, { title: '羊毛大衣', images: ['/media/coat.jpg'] })).id
    bag = (await seedProduct(t, { title: '帆布包', images: ['/media/bag.jpg'] })).id
    scarf = (await seedProduct(t, { title: '羊绒围巾', images: ['/media/scarf.jpg'] })).id
  })
  afterAll(() => t.close())

  const admin = (method: string, url: string, body?: unknown) =>
    t.call(method, url, { cookie: t.adminCookie, body: body ?? (method === 'GET' ? undefined : {}) })

  const lookbook = (slug: string, over: Record<string, unknown> = {}) =>
    pageBody(slug, undefined, {
      blocks: [
        { type: 'shop-the-look', image: '/media/look.jpg', title: '通勤', hotspots: [{ x: 0.3, y: 0.4, productId: coat }, { x: 0.7, y: 0.8, productId: bag }] },
        { type: 'carousel', slides: [{ image: '/media/s1.jpg', productId: scarf }, { image: '/media/s2.jpg' }] },
        { type: 'countdown', until: '2030-01-01T10:00:00+08:00', title: '开售', productId: scarf },
        { type: 'divider' },
        { type: 'quote', text: '穿得舒服，才好看', by: '主理人' }
      ],
      ...over
    })

  test('new blocks save and publish; the shopper page carries every product they name', async () => {
    const res = await admin('POST', '/api/admin/pages', lookbook('look-1'))
    expect(res.status).toBe(201)
    expect(res.json.page.blocks.map((b: Json) => b.type)).toEqual(['shop-the-look', 'carousel', 'countdown', 'divider', 'quote'])
    expect(res.json.page.unpublishAt).toBeNull()
    expect((await admin('POST', `/api/admin/pages/${res.json.page.id}/publish`)).status).toBe(200)
    const read = await t.call('GET', '/api/v1/pages/look-1')
    expect(read.status).toBe(200)
    expect(Object.keys(read.json.products).sort()).toEqual([coat, bag, scarf].sort())
    expect(read.json.products[coat].title).toBe('羊毛大衣')
  })

  test('unknown products in hotspots, slides and countdowns are refused with their paths; a slide links a known page', async () => {
    const bad = lookbook('bad-look', {
      blocks: [
        { type: 'shop-the-look', image: '/media/look.jpg', hotspots: [{ x: 0.1, y: 0.1, productId: coat }, { x: 0.2, y: 0.2, productId: 'prd_nope' }] },
        { type: 'carousel', slides: [{ image: '/media/s1.jpg', productId: 'prd_gone' }] },
        { type: 'countdown', until: '2030-01-01T10:00:00+08:00', productId: 'prd_later' }
      ]
    })
    const res = await admin('POST', '/api/admin/pages', bad)
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('UNKNOWN_PRODUCT')
    expect(res.json.error.details.map((d: Json) => d.path)).toEqual(['blocks.0.hotspots.1.productId', 'blocks.1.slides.0.productId', 'blocks.2.productId'])

    const linking = (slug: string, pageSlug: string) =>
      pageBody(slug, undefined, { blocks: [{ type: 'carousel', slides: [{ image: '/media/s1.jpg', pageSlug }] }] })
    const unknown = await admin('POST', '/api/admin/pages', linking('links-nowhere', 'no-such-page'))
    expect([unknown.status, unknown.json.error.code]).toEqual([400, 'INVALID_PAGE'])
    expect(unknown.json.error.details).toEqual([expect.objectContaining({ path: 'blocks.0.slides.0.pageSlug' })])
    expect((await admin('POST', '/api/admin/pages', linking('links-look', 'look-1'))).status).toBe(201)
    expect((await admin('POST', '/api/admin/pages', linking('links-itself', 'links-itself'))).status).toBe(201)

    const malformed = await admin('POST', '/api/admin/pages', pageBody('bad-spot', undefined, { blocks: [{ type: 'shop-the-look', image: '/media/a.jpg', hotspots: [{ x: 1.5, y: 0, productId: coat }] }] }))
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'INVALID_PAGE'])
    expect(malformed.json.error.details.map((d: Json) => d.path)).toContain('blocks.0.hotspots.0.x')
  })

  test('unpublishAt: set on publish, shown in the list, the jobs runner takes the page offline at that time', async () => {
    const page = await seedPage(t, 'weekend-sale')
    const start = t.clock.now()
    const end = new Date(start.getTime() + 2 * HOUR).toISOString()
    const early = await admin('POST', `/api/admin/pages/${page.id}/publish`, { unpublishAt: start.toISOString() })
    expect([early.status, early.json.error.code, early.json.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'unpublishAt'])
    const pub = await admin('POST', `/api/admin/pages/${page.id}/publish`, { unpublishAt: end })
    expect(pub.status).toBe(200)
    expect(pub.json.page).toEqual(expect.objectContaining({ status: 'published', unpublishAt: end }))
    const listed = (await admin('GET', '/api/admin/pages?limit=100')).json.items.find((p: Json) => p.id === page.id)
    expect(listed).toEqual(expect.objectContaining({ publishedAt: start.toISOString(), unpublishAt: end }))

    t.clock.advance(2 * HOUR - MINUTE)
    expect((await runDueJobs(t.deps)).unpublished).toBeUndefined()
    expect((await t.call('GET', '/api/v1/pages/weekend-sale')).status).toBe(200)
    t.clock.advance(MINUTE)
    expect((await runDueJobs(t.deps)).unpublished).toEqual([page.id])
    expect((await t.call('GET', '/api/v1/pages/weekend-sale')).status).toBe(404)
    expect((await admin('GET', `/api/admin/pages/${page.id}`)).json.page).toEqual(
      expect.objectContaining({ status: 'draft', publishedVersion: null, unpublishAt: null })
    )
    expect((await runDueJobs(t.deps)).unpublished).toBeUndefined()
    const audit = await t.deps.db.selectFrom('auditLog').selectAll().where('targetId', '=', page.id).where('action', '=', 'page.unpublish').execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actorId).toBeNull()
  })

  test('a scheduled publish with a scheduled end: live between the two, one jobs tick each', async () => {
    const page = await seedPage(t, 'flash')
    const at = new Date(t.clock.now().getTime() + HOUR).toISOString()
    const end = new Date(t.clock.now().getTime() + 3 * HOUR).toISOString()
    const wrong = await admin('POST', `/api/admin/pages/${page.id}/publish`, { at: end, unpublishAt: at })
    expect(wrong.status).toBe(400)
    const res = await admin('POST', `/api/admin/pages/${page.id}/publish`, { at, unpublishAt: end })
    expect(res.json.page).toEqual(expect.objectContaining({ status: 'scheduled', scheduledAt: at, unpublishAt: end }))
    t.clock.advance(HOUR)
    expect((await runDueJobs(t.deps)).published).toEqual([page.id])
    expect((await t.call('GET', '/api/v1/pages/flash')).status).toBe(200)
    t.clock.advance(2 * HOUR)
    expect((await runDueJobs(t.deps)).unpublished).toEqual([page.id])
    expect((await t.call('GET', '/api/v1/pages/flash')).status).toBe(404)

    // null clears a scheduled end.
    const again = await admin('POST', `/api/admin/pages/${page.id}/publish`, { unpublishAt: new Date(t.clock.now().getTime() + HOUR).toISOString() })
    expect(again.json.page.unpublishAt).not.toBeNull()
    const cleared = await admin('POST', `/api/admin/pages/${page.id}/publish`, { unpublishAt: null })
    expect(cleared.json.page).toEqual(expect.objectContaining({ status: 'published', unpublishAt: null }))
  })

  test('a kept end before a new publish time is refused; a new end replaces it', async () => {
    const page = await seedPage(t, 'comeback', { publish: true })
    const start = t.clock.now().getTime()
    expect((await admin('POST', `/api/admin/pages/${page.id}/publish`, { unpublishAt: new Date(start + HOUR).toISOString() })).status).toBe(200)
    // Scheduling a new version after the kept end, without saying what becomes of the end, is refused.
    const later = new Date(start + 2 * HOUR).toISOString()
    const refused = await admin('POST', `/api/admin/pages/${page.id}/publish`, { at: later })
    expect([refused.status, refused.json.error.code, refused.json.error.details[0].path]).toEqual([400, 'VALIDATION_FAILED', 'unpublishAt'])
    const end = new Date(start + 3 * HOUR).toISOString()
    const scheduled = await admin('POST', `/api/admin/pages/${page.id}/publish`, { at: later, unpublishAt: end })
    expect(scheduled.json.page).toEqual(expect.objectContaining({ status: 'published', scheduledAt: later, unpublishAt: end }))
    t.clock.advance(HOUR)
    expect((await runDueJobs(t.deps)).unpublished).toBeUndefined()
    t.clock.advance(HOUR)
    expect((await runDueJobs(t.deps)).published).toEqual([page.id])
    t.clock.advance(HOUR)
    expect((await runDueJobs(t.deps)).unpublished).toEqual([page.id])
    expect((await t.call('GET', '/api/v1/pages/comeback')).status).toBe(404)
  })

  test('diff between versions, and a version against the draft: blocks added, removed, edited with field changes', async () => {
    const created = await admin('POST', '/api/admin/pages', lookbook('diffed'))
    const id = created.json.page.id
    await admin('POST', `/api/admin/pages/${id}/publish`)
    const body = lookbook('diffed', { title: '第二版' })
    const blocks = body.blocks as Json[]
    blocks[0] = { ...blocks[0], hotspots: [{ x: 0.35, y: 0.4, productId: coat }, { x: 0.7, y: 0.8, productId: bag }] }
    blocks.splice(3, 1) // the divider goes
    blocks.push({ type: 'text', text: '新的一段' })
    expect((await admin('PUT', `/api/admin/pages/${id}`, body)).status).toBe(200)
    await admin('POST', `/api/admin/pages/${id}/publish`)

    const diff = await admin('GET', `/api/admin/pages/${id}/versions/1/diff/2`)
    expect(diff.status).toBe(200)
    expect(diff.json.from).toBe(1)
    expect(diff.json.to).toBe(2)
    expect(diff.json.fields).toEqual([{ path: 'title', before: '页面 diffed', after: '第二版' }])
    expect(diff.json.summary).toEqual({ added: 1, removed: 1, edited: 1, unchanged: 3 })
    expect(diff.json.blocks).toEqual(
      expect.arrayContaining([
        { kind: 'edited', fromIndex: 0, index: 0, type: 'shop-the-look', changes: [{ path: 'hotspots.0.x', before: 0.3, after: 0.35 }] },
        expect.objectContaining({ kind: 'removed', fromIndex: 3, type: 'divider' }),
        expect.objectContaining({ kind: 'added', index: 4, type: 'text', block: { type: 'text', text: '新的一段' } })
      ])
    )
    const same = await admin('GET', `/api/admin/pages/${id}/versions/2/diff/draft`)
    expect(same.json).toEqual(expect.objectContaining({ to: 'draft', fields: [], blocks: [], summary: { added: 0, removed: 0, edited: 0, unchanged: 5 } }))
    expect((await admin('GET', `/api/admin/pages/${id}/versions/1/diff/9`)).json.error.code).toBe('VERSION_NOT_FOUND')
    expect((await admin('GET', `/api/admin/pages/${id}/versions/1/diff/latest`)).status).toBe(400)
  })

  test('duplicate: a draft copy under a free slug, nothing live', async () => {
    const source = await seedPage(t, 'dup-me', { publish: true, productId: coat })
    const first = await admin('POST', `/api/admin/pages/${source.id}/duplicate`)
    expect(first.status).toBe(201)
    expect(first.json.page).toEqual(
      expect.objectContaining({ slug: 'dup-me-copy', title: '页面 dup-me（副本）', status: 'draft', publishedVersion: null, unpublishAt: null })
    )
    expect(first.json.page.blocks).toEqual(source.blocks)
    const second = await admin('POST', `/api/admin/pages/${source.id}/duplicate`)
    expect(second.json.page.slug).toBe('dup-me-copy-2')
    expect((await admin('GET', `/api/admin/pages/${first.json.page.id}/versions`)).json.items).toEqual([])
    expect((await admin('POST', '/api/admin/pages/pg_nope/duplicate')).status).toBe(404)
  })

  test('templates: listed; a page made from one is a valid draft, filled with the chosen or newest products', async () => {
    const list = await admin('GET', '/api/admin/page-templates')
    expect(list.json.items.map((i: Json) => i.id)).toEqual(['launch', 'lookbook', 'story'])
    const launch = await admin('POST', '/api/admin/pages/from-template', { templateId: 'launch', slug: 'new-coat', productIds: [coat] })
    expect(launch.status).toBe(201)
    const page = launch.json.page
    expect(page).toEqual(expect.objectContaining({ slug: 'new-coat', title: '新品即将开售', status: 'draft' }))
    expect(page.blocks.find((b: Json) => b.type === 'countdown')).toEqual(expect.objectContaining({ productId: coat, until: expect.stringMatching(/T10:00:00\+08:00$/) }))
    expect(page.blocks[0].image).toBe('/media/coat.jpg')
    expect(launch.json.notes).toContain('请确认倒计时的开售时间')
    // Saved as is, it passes the editor's own validation.
    expect((await admin('PUT', `/api/admin/pages/${page.id}`, { slug: page.slug, title: page.title, blocks: page.blocks })).status).toBe(200)

    const look = await admin('POST', '/api/admin/pages/from-template', { templateId: 'lookbook', slug: 'auto-look' })
    expect(look.status).toBe(201)
    const hotspots = look.json.page.blocks[0].hotspots.map((h: Json) => h.productId)
    expect(hotspots).toHaveLength(2)
    for (const id of hotspots) expect([coat, bag, scarf]).toContain(id)

    expect((await admin('POST', '/api/admin/pages/from-template', { templateId: 'story', slug: 'auto-look' })).status).toBe(409)
    const unknown = await admin('POST', '/api/admin/pages/from-template', { templateId: 'story', slug: 'story-x', productIds: ['prd_nope'] })
    expect([unknown.status, unknown.json.error.code, unknown.json.error.details[0].path]).toEqual([400, 'UNKNOWN_PRODUCT', 'productIds.0'])
    expect((await admin('POST', '/api/admin/pages/from-template', { templateId: 'nope', slug: 'x-y' })).status).toBe(404)
  })
})
