import Taro from '@tarojs/taro'
import { __reset, __storage } from '../../setup/taro'
import { api, ApiError } from '../../../src/app/services/api'
import { currentToken, currentUserId } from '../../../src/app/services/auth'
import { anonId } from '../../../src/app/services/identity'
import { resetLaunchCache } from '../../../src/app/services/launch'
import { apiError, fakeBackend } from '../helpers/fake-backend'

const originalEnv = process.env.TARO_ENV
beforeEach(() => __reset())
afterEach(() => {
  process.env.TARO_ENV = originalEnv
})

test('a call that needs the shopper logs in first (H5: the sandbox plays wx.login) and sends the anonId', async () => {
  const backend = fakeBackend().withLogin('u1', 'tok-1').on('GET', '/api/v1/cart', { body: { items: [], totalFen: 0, payableCount: 0 } })
  await api.get('/api/v1/cart', { auth: 'required' })

  const [codeCall] = backend.callsTo('POST', '/sandbox/login-code')
  expect(codeCall.url).toBe('http://sandbox.test/sandbox/login-code')
  const [login] = backend.callsTo('POST', '/api/v1/auth/login')
  expect(login.body).toEqual({ code: 'code-1', anonId: anonId() })
  expect(backend.callsTo('GET', '/api/v1/cart')[0].headers.Authorization).toBe('Bearer tok-1')
  expect(currentToken()).toBe('tok-1')
  expect(currentUserId()).toBe('u1')

  // The same browser stays the same shopper: the next login asks the sandbox for that openid.
  __storage.delete('auth:token')
  await api.get('/api/v1/cart', { auth: 'required' })
  expect(backend.callsTo('POST', '/sandbox/login-code')[1].body).toEqual({ openid: 'openid-test-1' })
})

test('on weapp the login code comes from Taro.login', async () => {
  process.env.TARO_ENV = 'weapp'
  const backend = fakeBackend().withLogin().on('GET', '/api/v1/orders', { body: { items: [], nextCursor: null } })
  await api.get('/api/v1/orders', { auth: 'required' })
  expect(Taro.login).toHaveBeenCalled()
  expect(backend.callsTo('POST', '/sandbox/login-code')).toHaveLength(0)
  expect(backend.callsTo('POST', '/api/v1/auth/login')[0].body).toMatchObject({ code: 'test-code' })
})

test('a refused token (401) triggers one silent re-login and the call is retried with the new token', async () => {
  __storage.set('auth:token', JSON.stringify({ token: 'expired', userId: 'u1' }))
  const backend = fakeBackend()
    .withLogin('u1', 'fresh')
    .on('GET', '/api/v1/orders/o-1', (c) => (c.headers.Authorization === 'Bearer fresh' ? { body: { order: { id: 'o-1' } } } : apiError(401, 'UNAUTHORIZED', 'token expired')))
  const answer = await api.get<{ order: { id: string } }>('/api/v1/orders/o-1', { auth: 'required' })
  expect(answer.order.id).toBe('o-1')
  expect(backend.callsTo('GET', '/api/v1/orders/o-1').map((c) => c.headers.Authorization)).toEqual(['Bearer expired', 'Bearer fresh'])
  expect(backend.callsTo('POST', '/api/v1/auth/login')).toHaveLength(1)
})

test('a second 401 reaches the caller instead of looping', async () => {
  const backend = fakeBackend().withLogin().on('GET', '/api/v1/cart', apiError(401, 'UNAUTHORIZED', 'no'))
  await expect(api.get('/api/v1/cart', { auth: 'required' })).rejects.toMatchObject({ status: 401 })
  expect(backend.callsTo('GET', '/api/v1/cart')).toHaveLength(2)
})

test('concurrent calls share one login', async () => {
  const backend = fakeBackend().withLogin().on('GET', '/api/v1/cart', { body: { items: [] } })
  await Promise.all([api.get('/api/v1/cart', { auth: 'required' }), api.get('/api/v1/cart', { auth: 'required' })])
  expect(backend.callsTo('POST', '/api/v1/auth/login')).toHaveLength(1)
})

test('errors carry the server code and a readable message; network failures are friendly', async () => {
  fakeBackend().on('POST', '/api/v1/orders', apiError(409, 'OUT_OF_STOCK', '库存不足', { skuId: 's1' }))
  __storage.set('auth:token', JSON.stringify({ token: 't', userId: 'u' }))
  const refused = await api.post('/api/v1/orders', {}, { auth: 'required' }).catch((e) => e)
  expect(refused).toBeInstanceOf(ApiError)
  expect(refused).toMatchObject({ status: 409, code: 'OUT_OF_STOCK', message: '库存不足', details: { skuId: 's1' } })

  ;(Taro.request as unknown as jest.Mock).mockImplementationOnce(async () => { throw { errMsg: 'request:fail timeout' } })
  await expect(api.get('/api/v1/pages')).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络不太顺畅，请检查网络后重试' })
})

test('in Moments single-page mode there is no login: the call fails with a clear reason', async () => {
  process.env.TARO_ENV = 'weapp'
  ;(Taro.getEnterOptionsSync as jest.Mock).mockReturnValue({ path: 'pages/content/index', query: {}, scene: 1154 })
  resetLaunchCache()
  const backend = fakeBackend()
  await expect(api.get('/api/v1/cart', { auth: 'required' })).rejects.toMatchObject({ code: 'LOGIN_UNAVAILABLE' })
  expect(backend.calls).toHaveLength(0)
  ;(Taro.getEnterOptionsSync as jest.Mock).mockReturnValue({ path: 'pages/index/index', query: {}, scene: 1001 })
  resetLaunchCache()
})
