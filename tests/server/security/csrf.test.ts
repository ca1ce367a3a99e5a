// Attack: every staff write, bodiless ones included, needs
// Content-Type: application/json, judged on the matched route (not the raw
// URL), and a cross-site Sec-Fetch-Site or Origin is refused.
import { describeEachDb } from '../helpers/each-db'
import { seedPage } from '../helpers/seed'
import { createTestApp, type TestApp } from '../helpers/test-app'

describeEachDb('CSRF on staff writes', (dialect) => {
  let t: TestApp
  let pageId: string
  beforeAll(async () => {
    t = await createTestApp({ dialect })
    pageId = (await seedPage(t, 'csrf-page')).id
  })
  afterAll(() => t.close())

  test('bodiless publish, unpublish, preview and restore without a Content-Type: 415, nothing changes', async () => {
    for (const path of ['publish', 'unpublish', 'preview', 'versions/1/restore']) {
      const res = await t.call('POST', `/api/admin/pages/${pageId}/${path}`, { cookie: t.adminCookie })
      expect([path, res.status, res.json.error.code]).toEqual([path, 415, 'UNSUPPORTED_MEDIA_TYPE'])
    }
    const page = await t.call('GET', `/api/admin/pages/${pageId}`, { cookie: t.adminCookie })
    expect(page.json.page.publishedAt ?? null).toBeNull()
  })

  test('a form post to an encoded admin path (/api/%61dmin/…) is judged by its route: 415', async () => {
    const form = '--x\r\nContent-Disposition: form-data; name="at"\r\n\r\n2030-01-01T00:00:00Z\r\n--x--\r\n'
    const res = await t.call('POST', `/api/%61dmin/pages/${pageId}/publish`, {
      cookie: t.adminCookie,
      body: form,
      headers: { 'content-type': 'multipart/form-data; boundary=x' }
    })
    expect(res.status).toBe(415)
    const plain = await t.call('POST', `/api/%61dmin/pages/${pageId}/unpublish`, { cookie: t.adminCookie, body: 'x', headers: { 'content-type': 'text/plain' } })
    expect(plain.status).toBe(415)
  })

  test('a cross-site Sec-Fetch-Site or a foreign Origin is refused (403 CROSS_SITE), same-origin passes', async () => {
    const cross = await t.call('POST', `/api/admin/pages/${pageId}/preview`, {
      cookie: t.adminCookie,
      body: {},
      headers: { 'sec-fetch-site': 'cross-site' }
    })
    expect([cross.status, cross.json.error.code]).toEqual([403, 'CROSS_SITE'])
    const foreign = await t.call('POST', `/api/admin/pages/${pageId}/preview`, {
      cookie: t.adminCookie,
      body: {},
      headers: { origin: 'https://evil.example' }
    })
    expect([foreign.status, foreign.json.error.code]).toEqual([403, 'CROSS_SITE'])
    const same = await t.call('POST', `/api/admin/pages/${pageId}/preview`, {
      cookie: t.adminCookie,
      body: {},
      headers: { origin: t.url, 'sec-fetch-site': 'same-origin' }
    })
    expect(same.status).toBe(200)
  })
})
