import { startMp, type MpHarness } from './helpers/mp'

let h: MpHarness
beforeEach(async () => {
  h = await startMp()
})
afterEach(() => h.close())

const stable = (body: Record<string, unknown>) => h.call('/cgi-bin/stable_token', body, null)
const good = () => ({ grant_type: 'client_credential', appid: h.keys.appid, secret: h.keys.secret })
const deliveryList = (token?: string | null) => h.call('/cgi-bin/express/delivery/open_msg/get_delivery_list', {}, token)

describe('POST /cgi-bin/stable_token', () => {
  it('hands out a 7200 s token, and the same one again in normal mode', async () => {
    const first = await stable(good())
    expect(first.expires_in).toBe(7200)
    expect(first.access_token).toMatch(/^\d+_[A-Za-z0-9_-]{100,}$/)
    expect(first.errcode).toBeUndefined()
    h.clock.advance(600_000)
    const again = await stable(good())
    expect(again).toEqual({ access_token: first.access_token, expires_in: 6600 })
  })

  it.each([
    ['a wrong grant_type', 40002, { grant_type: 'authorization_code' }],
    ['another appid', 40013, { appid: 'wx0000000000000000' }],
    ['a wrong secret', 40125, { secret: '0'.repeat(32) }],
    ['a force_refresh that is not a boolean', 47001, { force_refresh: 'yes' }]
  ])('refuses %s with %i', async (_name, errcode, change) => {
    const r = await stable({ ...good(), ...change })
    expect(r.errcode).toBe(errcode)
    expect(r.errmsg).toMatch(/rid: /)
    expect(r.access_token).toBeUndefined()
  })

  it('answers a body that is not JSON with 47001', async () => {
    expect((await h.call('/cgi-bin/stable_token', 'grant_type=client_credential', null)).errcode).toBe(47001)
  })

  it('renews in the last 5 minutes; the old token keeps working until it expires', async () => {
    const first = (await stable(good())).access_token
    h.clock.advance(7200_000 - 240_000)
    const second = await stable(good())
    expect(second.access_token).not.toBe(first)
    expect(second.expires_in).toBe(7200)
    expect((await deliveryList(first)).errcode).toBe(0)
    h.clock.advance(240_000)
    expect((await deliveryList(first)).errcode).toBe(42001)
    expect((await deliveryList(second.access_token)).errcode).toBe(0)
  })

  it('force_refresh issues a new token; the old one works 5 more minutes; within 30 s it gives the same one back', async () => {
    const first = (await stable(good())).access_token
    h.clock.advance(60_000)
    const forced = (await stable({ ...good(), force_refresh: true })).access_token
    expect(forced).not.toBe(first)
    h.clock.advance(10_000)
    expect((await stable({ ...good(), force_refresh: true })).access_token).toBe(forced)
    expect((await deliveryList(first)).errcode).toBe(0)
    h.clock.advance(300_000)
    expect((await deliveryList(first)).errcode).toBe(42001)
    expect((await deliveryList(forced)).errcode).toBe(0)
  })

  it('allows 20 forced refreshes a day, then answers 45009', async () => {
    for (let i = 0; i < 20; i++) {
      h.clock.advance(31_000)
      expect((await stable({ ...good(), force_refresh: true })).access_token).toBeTruthy()
    }
    h.clock.advance(31_000)
    expect((await stable({ ...good(), force_refresh: true })).errcode).toBe(45009)
    h.clock.advance(86_400_000)
    expect((await stable({ ...good(), force_refresh: true })).access_token).toBeTruthy()
  })
})

describe('the access_token check of every server API', () => {
  it('answers 41001 without a token, 40001 for an unknown one, 42001 once expired', async () => {
    expect((await deliveryList(null)).errcode).toBe(41001)
    expect((await deliveryList('86_madeup')).errcode).toBe(40001)
    const token = await h.token()
    h.clock.advance(7200_000)
    expect((await deliveryList(token)).errcode).toBe(42001)
  })

  it('POST /sandbox/mp/expire-token makes the current token answer 42001; stable_token then hands out a new one', async () => {
    const token = await h.token()
    const r = await fetch(h.url + '/sandbox/mp/expire-token', { method: 'POST' })
    expect(await r.json()).toEqual({ expired: 1 })
    expect((await deliveryList(token)).errcode).toBe(42001)
    const fresh = (await stable(good())).access_token
    expect(fresh).not.toBe(token)
    expect((await deliveryList(fresh)).errcode).toBe(0)
  })
})

describe('POST /cgi-bin/express/delivery/open_msg/get_delivery_list', () => {
  it('lists WeChat carrier ids with Chinese names', async () => {
    const r = await deliveryList()
    expect(r.errcode).toBe(0)
    expect(r.count).toBe(r.delivery_list.length)
    expect(r.count).toBeGreaterThanOrEqual(20)
    const byId = Object.fromEntries(r.delivery_list.map((c: { delivery_id: string; delivery_name: string }) => [c.delivery_id, c.delivery_name]))
    expect(byId).toMatchObject({ SF: '顺丰速运', YTO: '圆通速递', ZTO: '中通快递', STO: '申通快递', YD: '韵达速递', JTSD: '极兔速递', JD: '京东物流', DBL: '德邦快递' })
    expect(byId.EMS).toMatch(/邮政|EMS/)
  })
})
