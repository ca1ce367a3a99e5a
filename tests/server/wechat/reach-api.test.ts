// The backend's link, code and content-security calls over real HTTP against the real sandbox,
// through the app's own MpClient (shared access_token, token retry, metrics wrapper).
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import {
  generateScheme, generateShortLink, generateUrlLink, getUnlimitedCode, msgSecCheck, queryUrlLink
} from '../../../src/server/wechat/mp/reach-api'
import { createMpClient } from '../../../src/server/wechat/mp/client'
import { postForBinary } from '../../../src/server/wechat/mp/http'
import { createShop, type Shop } from '../commerce/helpers/shop'

const PAGES = ['pages/index/index', 'pages/cart/index', 'pages/content/index', 'pages/product/index', 'pages/checkout/index']

let shop: Shop
beforeAll(async () => {
  shop = await createShop({ dialect: 'sqlite', sandbox: { pages: PAGES, h5Url: 'http://shop.test/' } })
})
afterAll(() => shop.close())

const mp = () => shop.t.deps.mp
const DAY = 86_400_000

function decode(png: Buffer): string {
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR code in the PNG')
  return found.data
}

describe('generateUrlLink / queryUrlLink', () => {
  test('a 30-day link for a campaign page; WeChat keeps its path and query', async () => {
    const now = shop.clock.now()
    const r = await generateUrlLink(mp(), { path: 'pages/content/index', query: 'c=wb2405a&slug=spring', now })
    if (!r.ok) throw new Error(r.errmsg)
    expect(r.urlLink).toMatch(/\/wxaurl\/[A-Za-z0-9]{12}$/)
    expect(r.expiresAt.getTime()).toBe(now.getTime() + 30 * DAY)
    const info = await queryUrlLink(mp(), r.urlLink)
    if (!info.ok) throw new Error(info.errmsg)
    expect(info).toEqual(expect.objectContaining({ path: 'pages/content/index', query: 'c=wb2405a&slug=spring', envVersion: 'release' }))
    expect(info.expiresAt.getTime() - info.createdAt.getTime()).toBe(30 * DAY)
    const call = shop.sandbox.mp.calls('generate_urllink').at(-1)!
    expect(call.body).toEqual({ path: 'pages/content/index', query: 'c=wb2405a&slug=spring', expire_type: 1, expire_interval: 30, env_version: 'release' })
  })

  test('WeChat refusals come back with the errcode, a verdict and a staff message', async () => {
    const badPath = await generateUrlLink(mp(), { path: 'pages/nowhere/index', query: 'c=x' })
    expect(badPath).toEqual(expect.objectContaining({ ok: false, errcode: 40165, verdict: 'failed' }))
    if (badPath.ok) return
    expect(badPath.problem.message).toBe('小程序页面路径无效')
    const badQuery = await generateUrlLink(mp(), { path: 'pages/content/index', query: 'slug=春天' })
    expect(badQuery).toEqual(expect.objectContaining({ ok: false, errcode: 40212 }))
    const tooLong = await generateUrlLink(mp(), { path: 'pages/content/index', query: 'c=x', expireIntervalDays: 31 })
    expect(tooLong).toEqual(expect.objectContaining({ ok: false, errcode: 85401 }))
    const unknown = await queryUrlLink(mp(), 'https://wxaurl.cn/NoSuchLink1')
    expect(unknown).toEqual(expect.objectContaining({ ok: false, errcode: 85403 }))
  })

  test('the per-minute quota (45009) is a retry', async () => {
    shop.sandbox.mp.fail('generate_urllink', 45009)
    const r = await generateUrlLink(mp(), { path: 'pages/product/index', query: 'c=wb2405a&id=p1' })
    expect(r).toEqual(expect.objectContaining({ ok: false, errcode: 45009, verdict: 'retry' }))
  })
})

describe('generateScheme / generateShortLink', () => {
  test('an encrypted scheme and a short link, both recorded by WeChat', async () => {
    const now = shop.clock.now()
    const s = await generateScheme(mp(), { path: 'pages/product/index', query: 'c=sms01&id=p1', expireIntervalDays: 7, now })
    if (!s.ok) throw new Error(s.errmsg)
    expect(s.openlink).toMatch(/^weixin:\/\/dl\/business\/\?t=[A-Za-z0-9]{11}$/)
    expect(s.expiresAt.getTime()).toBe(now.getTime() + 7 * DAY)
    const short = await generateShortLink(mp(), { path: 'pages/product/index', query: 'c=sms01&id=p1', title: '春日帆布包' })
    if (!short.ok) throw new Error(short.errmsg)
    expect(short.link).toMatch(/^#小程序:\/\/[^/]+\/春日帆布包\/[A-Za-z0-9]{15}$/)
    const kinds = [...shop.sandbox.store.mp.reach.links.values()].map((l) => `${l.kind} ${l.path}?${l.query}`)
    expect(kinds).toEqual(expect.arrayContaining(['scheme pages/product/index?c=sms01&id=p1', 'shortlink pages/product/index?c=sms01&id=p1']))
  })

  test('a short link to a page that is not published is refused (40066)', async () => {
    expect(await generateShortLink(mp(), { path: 'pages/secret/index' })).toEqual(expect.objectContaining({ ok: false, errcode: 40066 }))
  })
})

describe('getUnlimitedCode', () => {
  test('a PNG whose code holds the scene and the page', async () => {
    const r = await getUnlimitedCode(mp(), { scene: 's=Ab3k9Zq', page: 'pages/content/index', width: 430 })
    if (!r.ok) throw new Error(r.errmsg)
    expect(r.contentType).toBe('image/png')
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG')
    const url = new URL(decode(r.png))
    expect(url.pathname).toBe('/wxacode/scan')
    expect(url.searchParams.get('scene')).toBe('s=Ab3k9Zq')
    expect(url.searchParams.get('page')).toBe('pages/content/index')
  })

  test('errors come as JSON and become failures: a 33-character scene (40169), an unknown page (41030)', async () => {
    expect(await getUnlimitedCode(mp(), { scene: 'c='.padEnd(33, 'x'), page: 'pages/content/index' }))
      .toEqual(expect.objectContaining({ ok: false, errcode: 40169, verdict: 'failed' }))
    expect(await getUnlimitedCode(mp(), { scene: 'c=abc', page: 'pages/gone/index' }))
      .toEqual(expect.objectContaining({ ok: false, errcode: 41030 }))
  })

  test('a refused access_token is replaced once and the image still comes', async () => {
    const before = shop.sandbox.mp.calls('stable_token').length
    await getUnlimitedCode(mp(), { scene: 'c=warm', page: 'pages/index/index' })
    shop.sandbox.mp.expireToken()
    const r = await getUnlimitedCode(mp(), { scene: 'c=after', page: 'pages/index/index' })
    expect(r.ok).toBe(true)
    expect(shop.sandbox.mp.calls('stable_token').length).toBeGreaterThan(before)
    expect(shop.sandbox.mp.calls('getwxacodeunlimit').slice(-2).map((c) => c.errcode)).toEqual([42001, 0])
  })
})

describe('msgSecCheck', () => {
  test('pass, review and risky by the sandbox words; a word added through the control API', async () => {
    const { openid } = await shop.shopper()
    expect(await msgSecCheck(mp(), { openid, content: '小茶' })).toEqual(expect.objectContaining({ ok: true, suggest: 'pass', label: 100 }))
    expect(await msgSecCheck(mp(), { openid, content: '加微信领券' })).toEqual(expect.objectContaining({ ok: true, suggest: 'review', label: 10001 }))
    expect(await msgSecCheck(mp(), { openid, content: '这里有违禁词' })).toEqual(expect.objectContaining({ ok: true, suggest: 'risky', label: 21000 }))
    const res = await fetch(`${shop.sandbox.url}/sandbox/mp/sec-words`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ word: '山寨', label: 20013 })
    })
    expect(res.status).toBe(200)
    expect(await msgSecCheck(mp(), { openid, content: '山寨包' })).toEqual(expect.objectContaining({ ok: true, suggest: 'risky', label: 20013 }))
    const sent = shop.sandbox.mp.calls('msg_sec_check').at(-1)!
    expect(sent.body).toEqual({ version: 2, scene: 1, openid, content: '山寨包' })
  })

  test('an openid WeChat does not know is an error (40003), not a verdict', async () => {
    expect(await msgSecCheck(mp(), { openid: 'oNotAShopper', content: '你好' })).toEqual(expect.objectContaining({ ok: false, errcode: 40003 }))
  })
})

describe('postForBinary (the image transport)', () => {
  test('an answer that is neither an image nor JSON, and no answer at all, are errcode null (a retry)', async () => {
    // The sandbox's scan page answers HTML.
    const html = await postForBinary(`${shop.sandbox.url}/wxacode/scan`, {})
    expect(html).toEqual(expect.objectContaining({ ok: false, errcode: null }))
    const closed = await postForBinary('http://127.0.0.1:9/wxa/getwxacodeunlimit', {}, 2000)
    expect(closed).toEqual(expect.objectContaining({ ok: false, errcode: null }))
    expect(closed.ok ? '' : closed.errmsg).toMatch(/could not be reached/)
  })

  test('WeChat unreachable: getUnlimitedCode fails with verdict retry and a staff message', async () => {
    const ctx = { db: shop.t.deps.db, clock: shop.t.deps.clock, ...shop.t.config.wechat, instanceId: 'offline', apiBase: 'http://127.0.0.1:9' }
    const r = await getUnlimitedCode(createMpClient(ctx), { scene: 'c=a', page: 'pages/index/index' })
    expect(r).toEqual(expect.objectContaining({ ok: false, errcode: null, verdict: 'retry' }))
    if (!r.ok) expect(r.problem.message).toMatch(/无法连接微信服务器/)
  })
})
