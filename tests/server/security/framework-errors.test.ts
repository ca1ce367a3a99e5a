// Attack: errors Fastify raises itself (a bad URL, bad JSON, a
// body too large, a content type nobody parses…) leave in the one error shape.
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp } from '../helpers/test-app'

describeEachDb('framework errors keep the error shape', (dialect) => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect })
  })
  afterAll(() => t.close())

  const shape = { code: expect.stringMatching(/^[A-Z_]+$/), message: expect.any(String), details: null }

  test('a malformed percent-encoding in the URL: 400 BAD_URL in the error shape', async () => {
    for (const path of ['/api/v1/pages/%ZZ', '/api/admin/pages/%E0%A4%A']) {
      const res = await t.call('GET', path)
      expect(res.status).toBe(400)
      expect(res.json).toEqual({ error: { ...shape, code: 'BAD_URL' } })
    }
  })

  test('bad JSON, empty JSON, a body too large, an unknown content type: all in the error shape', async () => {
    const cases: Array<[number, string, Parameters<TestApp['call']>[2]]> = [
      [400, 'INVALID_JSON', { body: '{"events":', headers: { 'content-type': 'application/json' } }],
      [400, 'INVALID_JSON', { body: '', headers: { 'content-type': 'application/json' } }],
      [413, 'PAYLOAD_TOO_LARGE', { body: JSON.stringify({ events: ['x'.repeat(600 * 1024)] }), headers: { 'content-type': 'application/json' } }],
      [415, 'UNSUPPORTED_MEDIA_TYPE', { body: 'a=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } }]
    ]
    for (const [status, code, opts] of cases) {
      const res = await t.call('POST', '/api/v1/events', opts)
      expect([res.status, res.json]).toEqual([status, { error: { ...shape, code } }])
    }
  })
})
