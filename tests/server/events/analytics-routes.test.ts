// Who may read the reports, and how a bad window or page is refused.
import { describeEachDb } from '../helpers/each-db'
import { editorCookie } from '../helpers/seed'
import { createTestApp, type TestApp } from '../helpers/test-app'

describeEachDb('analytics routes', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  const paths = ['funnel', 'content', 'sharers', 'daily'].map((p) => `/api/admin/analytics/${p}`)

  test('without a staff session: 401, also with a shopper-looking bearer token', async () => {
    for (const path of paths) {
      const res = await t.call('GET', path, { token: 'some-shopper-token' })
      expect([path, res.status, res.json.error.code]).toEqual([path, 401, 'UNAUTHENTICATED'])
    }
  })

  test('editors and admins both read them; an empty shop answers zeros', async () => {
    const editor = await editorCookie(t)
    for (const cookie of [editor, t.adminCookie]) {
      const funnel = await t.call('GET', paths[0]!, { cookie })
      expect(funnel.status).toBe(200)
      expect(funnel.json.steps).toEqual(
        ['content_view', 'add_to_cart', 'checkout_start', 'order_created', 'order_paid'].map((name) => ({ name, users: 0 }))
      )
      expect((await t.call('GET', paths[1]!, { cookie })).json).toEqual({ rows: [] })
      expect((await t.call('GET', paths[2]!, { cookie })).json).toEqual({ rows: [] })
    }
  })

  test('the default window is the 30 days before now; daily lists each of its days', async () => {
    const res = await t.call('GET', `${paths[3]}?from=${encodeURIComponent('2025-05-01T00:00:00+08:00')}&to=${encodeURIComponent('2025-05-04T00:00:00+08:00')}`, {
      cookie: t.adminCookie
    })
    expect(res.json.rows).toEqual([
      { day: '2025-05-01', paidOrders: 0, paidFen: 0 },
      { day: '2025-05-02', paidOrders: 0, paidFen: 0 },
      { day: '2025-05-03', paidOrders: 0, paidFen: 0 }
    ])
    const dflt = await t.call('GET', paths[3]!, { cookie: t.adminCookie })
    expect(dflt.json.rows).toHaveLength(31) // 30 days in UTC days, the first one partial
  })

  test('a bad window or page is a 400 naming the problem', async () => {
    const bad = async (query: string) => {
      const res = await t.call('GET', `${paths[0]}?${query}`, { cookie: t.adminCookie })
      return [res.status, res.json.error.code]
    }
    expect(await bad('from=yesterday')).toEqual([400, 'INVALID_WINDOW'])
    expect(await bad(`from=${encodeURIComponent('2025-05-01T00:00:00')}`)).toEqual([400, 'INVALID_WINDOW']) // no offset
    expect(await bad(`from=${encodeURIComponent('2025-05-02T00:00:00Z')}&to=${encodeURIComponent('2025-05-01T00:00:00Z')}`)).toEqual([400, 'INVALID_WINDOW'])
    expect(await bad('contentSlug=Not%20A%20Slug')).toEqual([400, 'INVALID_SLUG'])
    const long = await t.call('GET', `${paths[3]}?from=${encodeURIComponent('2020-01-01T00:00:00Z')}&to=${encodeURIComponent('2025-01-01T00:00:00Z')}`, {
      cookie: t.adminCookie
    })
    expect([long.status, long.json.error.code]).toEqual([400, 'INVALID_WINDOW'])
  })
})
