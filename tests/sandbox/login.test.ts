import type { SandboxKeys } from '../../src/sandbox/keys'
import type { Sandbox } from '../../src/sandbox/sandbox'
import { postJson, startSandbox } from './helpers/harness'
import type { Json } from './helpers/merchant'

let sandbox: Sandbox
let url: string
let keys: SandboxKeys
let clock = Date.now()

beforeAll(async () => {
  ;({ sandbox, url, keys } = await startSandbox({ now: () => clock }))
})
afterAll(() => sandbox.close())
beforeEach(() => {
  clock = Date.now()
})

async function session(code: string, over: Record<string, string> = {}) {
  const q = new URLSearchParams({ appid: keys.appid, secret: keys.secret, js_code: code, grant_type: 'authorization_code', ...over })
  const res = await fetch(`${url}/sns/jscode2session?${q}`)
  expect(res.status).toBe(200) // WeChat answers errors with 200 too
  return JSON.parse(await res.text()) as Json
}

async function newCode(body: Record<string, unknown> = {}): Promise<{ code: string; openid: string }> {
  const r = await postJson(`${url}/sandbox/login-code`, body)
  expect(r.status).toBe(200)
  return { code: r.json.code, openid: r.json.openid }
}

describe('jscode2session', () => {
  it('exchanges a fresh code for openid and session_key, once', async () => {
    const { code, openid } = await newCode()
    const first = await session(code)
    expect(first.openid).toBe(openid)
    expect(first.openid).toMatch(/^o[A-Za-z0-9_-]{27}$/)
    expect(Buffer.from(first.session_key, 'base64')).toHaveLength(16)
    expect(first).not.toHaveProperty('errcode')
    expect(first).not.toHaveProperty('unionid')

    const again = await session(code)
    expect(again.errcode).toBe(40163)
    expect(again.errmsg).toMatch(/^code been used, rid: /)
  })

  it('gives every wx.login of a new shopper a new openid, and the same one for a given openid', async () => {
    const a = await session((await newCode()).code)
    const b = await session((await newCode()).code)
    expect(a.openid).not.toBe(b.openid)
    const same1 = await session((await newCode({ openid: 'oTestShopper0001' })).code)
    const same2 = await session((await newCode({ openid: 'oTestShopper0001' })).code)
    expect([same1.openid, same2.openid]).toEqual(['oTestShopper0001', 'oTestShopper0001'])
    expect(same1.session_key).not.toBe(same2.session_key)
  })

  it('refuses an unknown code with 40029 and a code older than 5 minutes the same way', async () => {
    expect((await session('not-a-code')).errcode).toBe(40029)
    const { code } = await newCode()
    clock += 5 * 60_000 + 1000
    expect((await session(code)).errcode).toBe(40029)
  })

  it('checks appid, secret, grant_type and js_code before the code', async () => {
    const { code, openid } = await newCode()
    expect((await session(code, { appid: 'wx0000000000000000' })).errcode).toBe(40013)
    expect((await session(code, { secret: 'wrong' })).errcode).toBe(40125)
    expect((await session(code, { grant_type: 'client_credential' })).errcode).toBe(40002)
    expect((await session('')).errcode).toBe(41008)
    // None of those used the code up.
    expect((await session(code)).openid).toBe(openid)
  })

  it.each([
    [40226, 'code blocked'],
    [40029, 'invalid code'],
    [40163, 'code been used']
  ])('answers a code requested with fail %i with that errcode, every time', async (errcode, text) => {
    const { code } = await newCode({ fail: errcode })
    for (let i = 0; i < 2; i++) {
      const r = await session(code)
      expect(r.errcode).toBe(errcode)
      expect(r.errmsg).toContain(text)
      expect(r).not.toHaveProperty('openid')
    }
  })

  it.each([-1, 45011])('treats forced %i as transient: the retry with the same code succeeds', async (errcode) => {
    const { code, openid } = await newCode({ fail: errcode })
    expect((await session(code)).errcode).toBe(errcode)
    expect((await session(code)).openid).toBe(openid)
  })

  it('answers 45011 past 100 calls a minute for one shopper', async () => {
    const openid = 'oQuotaShopper0001'
    for (let i = 0; i < 100; i++) expect((await session((await newCode({ openid })).code)).openid).toBe(openid)
    const over = await session((await newCode({ openid })).code)
    expect(over.errcode).toBe(45011)
    clock += 61_000
    expect((await session((await newCode({ openid })).code)).openid).toBe(openid)
  })

  it('refuses a bad login-code request', async () => {
    expect((await postJson(`${url}/sandbox/login-code`, { fail: 12345 })).status).toBe(400)
    expect((await postJson(`${url}/sandbox/login-code`, { openid: 'x' })).status).toBe(400)
  })
})

describe('jscode2session with unionid', () => {
  it('adds unionid when the app is bound to an Open Platform account', async () => {
    const other = await startSandbox({ unionid: true })
    try {
      const { code, openid } = other.sandbox.loginCode()
      const q = new URLSearchParams({ appid: keys.appid, secret: keys.secret, js_code: code, grant_type: 'authorization_code' })
      const r = (await (await fetch(`${other.url}/sns/jscode2session?${q}`)).json()) as Record<string, string>
      expect(r.openid).toBe(openid)
      expect(r.unionid).toMatch(/^oU/)
    } finally {
      await other.sandbox.close()
    }
  })
})
