/**
 * The OpenAPI document is generated from the routes' zod schemas: every
 * route must declare its answer (and its path parameters), so the document
 * covers the whole API and every answer is checked against its schema.
 */
import { createTestApp, type TestApp } from '../helpers/test-app'

type Operation = { parameters?: Array<{ in: string; name: string }>; responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
type OpenApi = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, unknown> } }

describe('the OpenAPI document at /api/docs', () => {
  let t: TestApp
  let doc: OpenApi
  beforeAll(async () => {
    t = await createTestApp({ dialect: 'sqlite' })
    const res = await t.call('GET', '/api/docs/json')
    expect(res.status).toBe(200)
    doc = res.json as OpenApi
  })
  afterAll(() => t.close())

  const operations = () =>
    Object.entries(doc.paths)
      .filter(([path]) => !path.startsWith('/api/docs'))
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })))

  it('is OpenAPI 3.1 and lists the API', () => {
    expect(doc.openapi).toBe('3.1.0')
    const names = operations().map((o) => `${o.method} ${o.path}`)
    expect(names).toEqual(expect.arrayContaining(['POST /api/v1/orders', 'GET /api/v1/orders/{id}', 'POST /api/admin/session', 'GET /healthz']))
    expect(names.length).toBeGreaterThan(60)
  })

  it('gives every route a schema for its successful answer', () => {
    const missing = operations()
      // 204 has no body by definition: declaring it is the whole schema.
      .filter(({ op }) => !Object.entries(op.responses ?? {}).some(([status, r]) => /^[23]/.test(status) && (r.content !== undefined || status === '204')))
      .map((o) => `${o.method} ${o.path}`)
    expect(missing).toEqual([])
  })

  it('declares every path parameter', () => {
    const missing = operations().flatMap(({ path, method, op }) =>
      [...path.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .filter((name) => !(op.parameters ?? []).some((p) => p.in === 'path' && p.name === name))
        .map((name) => `${method} ${path}: ${name}`)
    )
    expect(missing).toEqual([])
  })

  it('names the shared shapes once, as components', () => {
    expect(Object.keys(doc.components?.schemas ?? {})).toEqual(expect.arrayContaining(['ErrorBody', 'Order', 'Shipment', 'AfterSale']))
  })

  it('serves a browsable UI', async () => {
    const res = await t.call('GET', '/api/docs/')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(res.text).toMatch(/swagger/i)
  })
})

describe('answers are checked against their schema', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp({ dialect: 'sqlite' })
  })
  afterAll(() => t.close())

  it('refuses a request body that breaks the schema with 400 and the field named', async () => {
    const login = await t.call('POST', '/api/v1/auth/login', { body: { code: 'sandbox-contract-a' } })
    const token = (login.json as { token: string }).token
    const res = await t.call('POST', '/api/v1/orders', {
      token,
      headers: { 'idempotency-key': 'contract-check-1' },
      body: { items: [{ skuId: 'x', qty: 1 }], address: { name: '张三', phone: '13800138000', province: '上海市', city: '上海市', district: '黄浦区', detail: '南京东路 1 号' }, attribution: { scene: 'chat' } }
    })
    expect(res.status).toBe(400)
    expect(res.json).toEqual({ error: { code: 'VALIDATION_FAILED', message: 'The request is not valid', details: [expect.objectContaining({ path: 'attribution.scene' })] } })
  })
})
