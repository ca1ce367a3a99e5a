// Every way the server answers an error leaves with a code of the ErrorCode
// union and, for codes that come from Results, the status of the one table.
import Fastify, { type FastifyInstance } from 'fastify'
import { ERROR_CODES } from '@core/error-codes'
import { err } from '@core/result'
import { AppError, must } from '../../src/server/http/app-error'
import { installErrorHandler, onFrameworkError } from '../../src/server/http/error-handler'
import { STATUS_OF_CODE } from '../../src/server/http/status-of-code'

describe('error answers', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    app = Fastify({ frameworkErrors: onFrameworkError })
    installErrorHandler(app)
    app.get('/app-error', () => {
      throw new AppError(409, 'SLUG_TAKEN', 'taken')
    })
    app.get('/result/:code', (req) => must(err((req.params as { code: (typeof ERROR_CODES)[number] }).code, 'from a Result')))
    app.get('/bug', () => {
      throw new TypeError('a bug')
    })
    app.get('/client-error', () => {
      throw Object.assign(new Error('teapot'), { statusCode: 418 })
    })
    app.post('/json', () => ({ ok: true }))
    await app.ready()
  })
  afterAll(() => app.close())

  const codeOf = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code

  test('a Result code answers the status of the table', async () => {
    for (const code of ['ORDER_NOT_FOUND', 'REFUND_EXCEEDS_PAID', 'VALIDATION_FAILED', 'PAY_UNAVAILABLE', 'IDEMPOTENCY_KEY_REUSED'] as const) {
      const res = await app.inject({ method: 'GET', url: `/result/${code}` })
      expect([res.statusCode, codeOf(res.body)]).toEqual([STATUS_OF_CODE[code], code])
    }
  })

  test('framework, not-found, unmapped and bug answers all carry a code of the union', async () => {
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/app-error' }),
      app.inject({ method: 'GET', url: '/nowhere' }),
      app.inject({ method: 'GET', url: '/bug' }),
      app.inject({ method: 'GET', url: '/client-error' }),
      app.inject({ method: 'GET', url: '/%ZZ' }),
      app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'application/json' }, payload: '{"a":' })
    ])
    expect(answers.map((r) => [r.statusCode, codeOf(r.body)])).toEqual([
      [409, 'SLUG_TAKEN'],
      [404, 'ROUTE_NOT_FOUND'],
      [500, 'INTERNAL'],
      [418, 'BAD_REQUEST'],
      [400, 'BAD_URL'],
      [400, 'INVALID_JSON']
    ])
    for (const r of answers) expect(ERROR_CODES).toContain(codeOf(r.body))
  })
})
