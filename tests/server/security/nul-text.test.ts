// Attack: U+0000 in any text is bad input, refused field by field
// (PostgreSQL cannot store it in text and answered 500, losing whole event
// batches); good events of a batch are kept.
import { describeEachDb } from '../helpers/each-db'
import { pageBody, productBody } from '../helpers/seed'
import { createTestApp, type TestApp } from '../helpers/test-app'
import { ev } from '../events/event-helpers'

describeEachDb('U+0000 in text', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  test('an event carrying U+0000 is rejected on its own; the good events of the batch are stored', async () => {
    const now = t.clock.now().getTime()
    const res = await t.call('POST', '/api/v1/events', {
      body: {
        events: [
          ev('nul1', 'page_view', 'anonNul', now, { page: 'pages/index/index\u0000' }),
          ev('nul2', 'content_view', 'anonNul', now, { contentSlug: 'winter' }),
          ev('nul3', 'app_launch', 'anonNul', now, { props: { 'k\u0000': 'v', note: 'a\u0000b' } })
        ]
      }
    })
    expect(res.status).toBe(200)
    expect(res.json.accepted).toBe(1)
    expect(res.json.rejected.map((r: { index: number; code: string }) => [r.index, r.code])).toEqual([
      [0, 'INVALID_EVENT'],
      [2, 'INVALID_EVENT']
    ])
    expect(res.json.rejected[0].message).toMatch(/page/)
    const rows = await t.deps.db.selectFrom('events').select('id').where('anonId', '=', 'anonNul').execute()
    expect(rows.map((r) => r.id)).toEqual(['nul2'])
  })

  test('a page, a product and a login with U+0000: 400 VALIDATION_FAILED naming the field', async () => {
    const cases: Array<[string, string, unknown, string]> = [
      ['POST', '/api/admin/pages', pageBody('nul-page', undefined, { title: '标题\u0000' }), 'title'],
      ['POST', '/api/admin/products', productBody({ description: '说明\u0000' }), 'description'],
      ['POST', '/api/admin/session', { email: 'admin@shop.test\u0000', password: 'x' }, 'email']
    ]
    for (const [method, path, body, field] of cases) {
      const res = await t.call(method, path, { cookie: t.adminCookie, body })
      expect([path, res.status, res.json.error.code]).toEqual([path, 400, 'VALIDATION_FAILED'])
      expect(res.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path: field })]))
    }
  })
})
