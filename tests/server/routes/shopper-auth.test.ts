// Shopper login against the WeChat sandbox (the real jscode2session
// protocol) and a tiny fake for the answers the sandbox never gives:
// our own token, session_key kept on the server, anonId bound, WeChat's
// errcodes turned into clear 4xx/503 errors.
import { generateSandboxKeys, sandboxOptionsFromKeys } from '../../../src/sandbox/keys'
import { createSandbox, type Sandbox } from '../../../src/sandbox/sandbox'
import { describeEachDb } from '../helpers/each-db'
import { createTestApp, type TestApp, type Json } from '../helpers/test-app'
import { startWechatFake, type WechatFake } from '../helpers/wechat-fake'

const keys = generateSandboxKeys()

describeEachDb('POST /api/v1/auth/login (sandbox)', (dialect) => {
  let t: TestApp
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = createSandbox(sandboxOptionsFromKeys(keys))
    const { url } = await sandbox.listen(0)
    t = await createTestApp({ dialect, env: { WECHAT_APPID: keys.appid, WECHAT_SECRET: keys.secret, WECHAT_API_BASE: url } })
  })
  afterAll(async () => {
    await t.close()
    await sandbox.close()
  })

  const login = (body: unknown) => t.call('POST', '/api/v1/auth/login', { body })

  test('a wx.login code becomes our own token; session_key never leaves the server', async () => {
    const { code, openid } = sandbox.loginCode()
    const res = await login({ code })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{40,}$/), user: { id: expect.stringMatching(/^usr_/) } })
    const me = await t.call('GET', '/api/v1/me', { token: res.json.token })
    expect(me.json).toEqual({ user: res.json.user })

    const row = await t.deps.db.selectFrom('users').selectAll().where('openid', '=', openid).executeTakeFirstOrThrow()
    expect(row.sessionKey).not.toBe('')
    expect(res.text).not.toContain(row.sessionKey)
    expect(res.text).not.toContain(openid)
    // Only a hash of the token is stored.
    const sessions = await t.deps.db.selectFrom('shopperSessions').selectAll().where('userId', '=', row.id).execute()
    expect(sessions.map((s: Json) => s.tokenHash)).not.toContain(res.json.token)
  })

  test('the same shopper logging in again is the same user with a new token', async () => {
    const first = await login({ code: sandbox.loginCode({ openid: 'o_returning_shopper' }).code })
    const again = await login({ code: sandbox.loginCode({ openid: 'o_returning_shopper' }).code })
    expect(again.json.user).toEqual(first.json.user)
    expect(again.json.token).not.toBe(first.json.token)
    expect((await t.call('GET', '/api/v1/me', { token: first.json.token })).status).toBe(200)
  })

  test('anonId binds earlier anonymous activity to the user; a later claim keeps the first binding', async () => {
    const a = await login({ code: sandbox.loginCode().code, anonId: 'anon-device-1' })
    const b = await login({ code: sandbox.loginCode().code, anonId: 'anon-device-1' })
    const rows = await t.deps.db.selectFrom('anonBindings').selectAll().where('anonId', '=', 'anon-device-1').execute()
    expect(rows).toEqual([{ anonId: 'anon-device-1', userId: a.json.user.id, boundAt: expect.any(String) }])
    expect(b.status).toBe(200)
  })

  test('a used code is 400 CODE_USED', async () => {
    const { code } = sandbox.loginCode()
    expect((await login({ code })).status).toBe(200)
    const again = await login({ code })
    expect(again.status).toBe(400)
    expect(again.json.error.code).toBe('CODE_USED')
  })

  test.each([
    [40029, 400, 'INVALID_CODE'],
    [40163, 400, 'CODE_USED'],
    [45011, 429, 'WECHAT_RATE_LIMITED'],
    [40226, 403, 'LOGIN_BLOCKED'],
    [-1, 503, 'WECHAT_BUSY']
  ])('errcode %i → %i %s, and no user is made', async (errcode, status, code) => {
    const before = await t.deps.db.selectFrom('users').select('id').execute()
    const res = await login({ code: sandbox.loginCode({ fail: errcode }).code, anonId: `anon-fail-${Math.abs(errcode)}` })
    expect(res.status).toBe(status)
    expect(res.json.error).toEqual({ code, message: expect.any(String), details: expect.objectContaining({ errcode }) })
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toHaveLength(before.length)
    expect(await t.deps.db.selectFrom('anonBindings').selectAll().where('anonId', 'like', 'anon-fail-%').execute()).toEqual([])
  })

  test('tokens expire after 30 days; a forged token is 401', async () => {
    const res = await login({ code: sandbox.loginCode().code })
    expect((await t.call('GET', '/api/v1/me', { token: 'forged' })).status).toBe(401)
    expect((await t.call('GET', '/api/v1/me')).status).toBe(401)
    t.clock.advance(31 * 24 * 3600 * 1000)
    const late = await t.call('GET', '/api/v1/me', { token: res.json.token })
    expect(late.status).toBe(401)
    expect(late.json.error.code).toBe('UNAUTHENTICATED')
  })
})

describeEachDb('POST /api/v1/auth/login (WeChat misbehaving)', (dialect) => {
  let t: TestApp
  let fake: WechatFake
  beforeAll(async () => {
    fake = await startWechatFake()
    t = await createTestApp({ dialect, env: { WECHAT_API_BASE: fake.url } })
  })
  afterAll(async () => {
    await t.close()
    await fake.close()
  })

  test('the server sends appid, secret, js_code and grant_type', async () => {
    fake.answers.set('good', { body: { openid: 'o_fake', session_key: 'c2Vzc2lvbg==' } })
    expect((await t.call('POST', '/api/v1/auth/login', { body: { code: 'good' } })).status).toBe(200)
    const q = fake.calls[fake.calls.length - 1]!
    expect(Object.fromEntries(q)).toEqual({
      appid: 'wx-test-appid',
      secret: 'test-app-secret',
      js_code: 'good',
      grant_type: 'authorization_code'
    })
  })

  test('bad input is 400 and never reaches WeChat', async () => {
    const calls = fake.calls.length
    for (const body of [{}, { code: '' }, { code: 42 }, { code: 'x'.repeat(129) }, { code: 'abc', anonId: 'has space' }]) {
      const res = await t.call('POST', '/api/v1/auth/login', { body })
      expect(res.status).toBe(400)
      expect(res.json.error.code).toBe('VALIDATION_FAILED')
    }
    expect(fake.calls.length).toBe(calls)
  })

  test.each([
    ['http-500', 'WECHAT_UNAVAILABLE', { status: 500, body: 'oops' }],
    ['not-json', 'WECHAT_UNAVAILABLE', { body: '<html>gateway</html>' }],
    ['no-openid', 'WECHAT_UNAVAILABLE', { body: { session_key: 'x' } }],
    ['bad-secret', 'WECHAT_MISCONFIGURED', { body: { errcode: 40125, errmsg: 'invalid appsecret' } }],
    ['unknown-errcode', 'WECHAT_UNAVAILABLE', { body: { errcode: 99999, errmsg: '?' } }]
  ] as const)('%s → 503 %s', async (code, expected, answer) => {
    fake.answers.set(code, answer)
    const res = await t.call('POST', '/api/v1/auth/login', { body: { code } })
    expect(res.status).toBe(503)
    expect(res.json.error.code).toBe(expected)
    expect(res.text).not.toContain('test-app-secret')
  })

  test('WeChat unreachable → 503 WECHAT_UNAVAILABLE', async () => {
    const down = await createTestApp({ dialect, env: { WECHAT_API_BASE: 'http://127.0.0.1:9' } })
    try {
      const res = await down.call('POST', '/api/v1/auth/login', { body: { code: 'any' } })
      expect(res.status).toBe(503)
      expect(res.json.error.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await down.close()
    }
  })
})
