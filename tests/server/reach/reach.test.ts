/**
 * Reach through real HTTP, the real WeChat sandbox and a real database (both
 * dialects): campaigns made against the sandbox (links, scheme, short link,
 * the code PNG decoded), renewed before their 30 days end (on read and by the
 * jobs runner), the landing page by user agent, server-issued shares and their
 * ownership, scene resolution, the profile's text check, product search,
 * last-touch attribution over share and campaign opens with the 7-day window,
 * and the channel report's figures.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { runDueJobs } from '../../../src/server/jobs'
import { createShop, type Shop, type Shopper } from '../commerce/helpers/shop'
import { payInSandbox, placeOrder } from '../commerce/helpers/orders'
import { describeEachDb } from '../helpers/each-db'
import { EDITOR, editorCookie, seedPage, seedProduct } from '../helpers/seed'
import { ADMIN, type Json } from '../helpers/test-app'

const PAGES = ['pages/index/index', 'pages/cart/index', 'pages/content/index', 'pages/product/index', 'pages/checkout/index']
const DAY = 86_400_000
const HOUR = 3_600_000
const UA = {
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1',
  weibo: 'Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/101.0.4951.74 Mobile Safari/537.36 Weibo (vivo-V2227A__weibo__13.6.1__android__android13)',
  qq: 'Mozilla/5.0 (iPhone; CPU iPhone OS 16_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/8.9.28.635 V1_IPH_SQ_8.9.28_1_APP_A Pixel/1170',
  desktop: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36'
}

function decode(png: Buffer): URL {
  const img = PNG.sync.read(png)
  const found = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)
  if (!found) throw new Error('no QR code in the PNG')
  return new URL(found.data)
}

async function png(shop: Shop, path: string, opts: { cookie?: string; token?: string } = {}): Promise<{ status: number; body: Buffer; json?: Json }> {
  const headers: Record<string, string> = {}
  if (opts.cookie) headers.cookie = opts.cookie
  if (opts.token) headers.authorization = `Bearer ${opts.token}`
  const res = await fetch(`${shop.t.url}${path}`, { headers })
  const body = Buffer.from(await res.arrayBuffer())
  let json: Json
  if (!(res.headers.get('content-type') ?? '').startsWith('image/')) json = JSON.parse(body.toString('utf8'))
  return { status: res.status, body, json }
}

let seq = 0

describeEachDb('reach', (dialect) => {
  let shop: Shop
  let productId: string
  let skuId: string
  let editor: string

  beforeAll(async () => {
    shop = await createShop({ dialect, sandbox: { pages: PAGES, h5Url: 'http://shop.test/' } })
    const product = await seedProduct(shop.t, { title: '春日帆布包', skus: [{ attrs: { 颜色: '米白' }, priceFen: 19900, stock: 1000 }] })
    productId = product.id
    skuId = product.skus[0]!.id
    await seedPage(shop.t, 'spring', { productId, publish: true })
    await seedPage(shop.t, 'winter', { productId, publish: true })
    editor = await editorCookie(shop.t)
  })
  afterAll(() => shop.close())
  // Tests move the clock by days: staff sessions are made anew for each.
  beforeEach(async () => {
    editor = await shop.t.login(EDITOR.email, EDITOR.password)
    shop.t.adminCookie = await shop.t.login(ADMIN.email, ADMIN.password)
  })

  const send = async (who: Shopper, type: string, fields: Record<string, unknown>, opts: { ts?: number; session?: string } = {}) => {
    const res = await shop.call('POST', '/api/v1/events', {
      token: who.token,
      body: { events: [{ id: `ev${++seq}`, type, ts: opts.ts ?? shop.clock.now().getTime(), anonId: `a-${who.userId}`, sessionId: opts.session ?? `s-${who.userId}`, ...fields }] }
    })
    expect(res.status).toBe(200)
    return res.json
  }
  const campaign = async (body: Record<string, unknown>, cookie = editor): Promise<Json> => {
    const res = await shop.call('POST', '/api/admin/campaigns', { cookie, body })
    expect(res.status).toBe(201)
    return res.json.campaign
  }
  const order = async (who: Shopper, attribution?: Record<string, unknown>) => {
    const res = await placeOrder(shop, who, [{ skuId, qty: 1 }], attribution ? { body: { attribution } } : {})
    expect(res.status).toBe(201)
    return res.json.order
  }

  describe('campaigns', () => {
    test('an editor makes a Weibo campaign for a page: URL Link, scheme, short link, landing URL and a code of scene c=CODE', async () => {
      const c = await campaign({ name: '微博春季上新', channel: 'weibo', target: { contentSlug: 'spring' } })
      expect(c).toEqual(expect.objectContaining({ name: '微博春季上新', channel: 'weibo', target: { contentSlug: 'spring' } }))
      expect(c.code).toMatch(/^[0-9a-z]{8}$/)
      expect(c.landingUrl).toBe(`${shop.baseUrl}/l/${c.code}`)
      expect(c.scheme).toMatch(/^weixin:\/\/dl\/business\/\?t=/)
      expect(c.shortLink).toMatch(/^#小程序:\/\//)
      expect(Date.parse(c.urlLinkExpiresAt)).toBe(shop.clock.now().getTime() + 30 * DAY)
      const sent = shop.sandbox.mp.calls('generate_urllink').at(-1)!
      expect(sent.body).toEqual(expect.objectContaining({ path: 'pages/content/index', query: `c=${c.code}&slug=spring`, expire_interval: 30 }))

      const code = await png(shop, new URL(c.qrImageUrl).pathname, { cookie: editor })
      expect(code.status).toBe(200)
      const scanned = decode(code.body)
      expect(scanned.searchParams.get('scene')).toBe(`c=${c.code}`)
      expect(scanned.searchParams.get('page')).toBe('pages/content/index')
      // Made once: the download and the creation's warm-up share one WeChat call.
      const calls = shop.sandbox.mp.calls('getwxacodeunlimit').length
      expect((await png(shop, new URL(c.qrImageUrl).pathname, { cookie: editor })).status).toBe(200)
      expect(shop.sandbox.mp.calls('getwxacodeunlimit').length).toBe(calls)

      const one = await shop.call('GET', `/api/admin/campaigns/${c.id}`, { cookie: editor })
      expect(one.json.campaign).toEqual({ ...c, figures: { opens: 0, newUsers: 0, addToCarts: 0, orders: 0, paidOrders: 0, paidFen: 0, refundedFen: 0 } })
      const list = await shop.call('GET', '/api/admin/campaigns', { cookie: editor })
      expect(list.json.items.map((i: Json) => i.id)).toContain(c.id)
      const audit = await shop.call('GET', '/api/admin/audit', { cookie: shop.t.adminCookie })
      expect(audit.json.items).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'campaign.create', target: { type: 'campaign', id: c.id } })]))
    })

    test('a product campaign stands without a short link when WeChat refuses one; unknown targets and bad input are refused', async () => {
      shop.sandbox.mp.fail('genwxashortlink', 43104)
      const c = await campaign({ name: '短信召回', channel: 'sms', target: { productId } })
      expect(c.shortLink).toBeUndefined()
      expect(c.target).toEqual({ productId })
      expect(shop.sandbox.mp.calls('generate_urllink').at(-1)!.body).toEqual(expect.objectContaining({ path: 'pages/product/index', query: `c=${c.code}&id=${productId}` }))
      const noPage = await shop.call('POST', '/api/admin/campaigns', { cookie: editor, body: { name: 'x', channel: 'weibo', target: { contentSlug: 'nowhere' } } })
      expect([noPage.status, noPage.json.error.code]).toEqual([404, 'PAGE_NOT_FOUND'])
      const bad = await shop.call('POST', '/api/admin/campaigns', { cookie: editor, body: { name: 'x', channel: 'tv', target: { productId } } })
      expect(bad.status).toBe(400)
      expect((await shop.call('GET', '/api/admin/campaigns/cmp_nope', { cookie: editor })).json.error.code).toBe('CAMPAIGN_NOT_FOUND')
      expect((await shop.call('GET', '/api/admin/campaigns')).status).toBe(401)
    })
  })

  describe('the landing page /l/:code', () => {
    let c: Json
    beforeAll(async () => {
      c = await campaign({ name: '微博 <专场>', channel: 'weibo', target: { contentSlug: 'spring' } })
    })
    const landing = (code: string, ua: string) => fetch(`${shop.t.url}/l/${code}`, { headers: { 'user-agent': ua } })

    test('a phone jumps to the URL Link, with a big 打开小程序 button', async () => {
      const res = await landing(c.code, UA.iphone)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/text\/html/)
      const html = await res.text()
      expect(html).toContain(`href="${c.urlLink}"`)
      expect(html).toContain('打开小程序')
      expect(html).toContain(`location.href=${JSON.stringify(c.urlLink)}`)
      expect(html).toContain('微博 &lt;专场&gt;')
      expect(html).not.toContain('<专场>')
    })

    test('Weibo and QQ in-app browsers get guidance to open in the browser, and no automatic jump', async () => {
      for (const ua of [UA.weibo, UA.qq]) {
        const html = await (await landing(c.code, ua)).text()
        expect(html).toContain('在浏览器打开')
        expect(html).not.toContain('location.href')
        expect(html).toContain(`/l/${c.code}/code.png`)
      }
    })

    test('a desktop gets the H5 shop page and the code to scan; the code is public and decodes to the campaign', async () => {
      const html = await (await landing(c.code, UA.desktop)).text()
      expect(html).toContain(`${shop.baseUrl}/#/pages/content/index?c=${c.code}&amp;slug=spring&amp;scene=1194`)
      expect(html).not.toContain('location.href')
      const code = await png(shop, `/l/${c.code}/code.png`)
      expect(code.status).toBe(200)
      expect(decode(code.body).searchParams.get('scene')).toBe(`c=${c.code}`)
    })

    test('an unknown code is a 404 page', async () => {
      for (const code of ['nosuchcode', 'bad-code!']) {
        const res = await landing(code, UA.iphone)
        expect(res.status).toBe(404)
        expect(await res.text()).toContain('活动不存在')
      }
    })
  })

  describe('shares and scenes', () => {
    test('a server-issued share belongs to its shopper: someone else announcing it is SHARE_ID_TAKEN, only the owner gets its code', async () => {
      const sharer = await shop.shopper()
      const other = await shop.shopper()
      expect((await shop.call('POST', '/api/v1/shares', { body: { contentSlug: 'spring', channel: 'poster' } })).status).toBe(401)
      const res = await shop.call('POST', '/api/v1/shares', { token: sharer.token, body: { contentSlug: 'spring', channel: 'poster' } })
      expect(res.status).toBe(201)
      const { id, scene } = res.json.share
      expect(id).toMatch(/^[0-9A-Za-z]{8,10}$/)
      expect(scene).toBe(`s=${id}`)

      const stolen = await send(other, 'share', { shareId: id, channel: 'chat', contentSlug: 'spring' })
      expect(stolen.rejected).toEqual([expect.objectContaining({ index: 0, code: 'SHARE_ID_TAKEN' })])
      expect(await send(sharer, 'share', { shareId: id, channel: 'poster', contentSlug: 'spring' })).toEqual(expect.objectContaining({ accepted: 1, rejected: [] }))

      const code = await png(shop, `/api/v1/shares/${id}/code.png`, { token: sharer.token })
      expect(code.status).toBe(200)
      const url = decode(code.body)
      expect([url.searchParams.get('scene'), url.searchParams.get('page')]).toEqual([`s=${id}`, 'pages/content/index'])
      const calls = shop.sandbox.mp.calls('getwxacodeunlimit').length
      expect((await png(shop, `/api/v1/shares/${id}/code.png`, { token: sharer.token })).status).toBe(200)
      expect(shop.sandbox.mp.calls('getwxacodeunlimit').length).toBe(calls)
      const refused = await png(shop, `/api/v1/shares/${id}/code.png`, { token: other.token })
      expect([refused.status, refused.json.error.code]).toEqual([403, 'SHARE_NOT_OWNED'])
      const missing = await png(shop, '/api/v1/shares/Zz9Zz9Zz9Z/code.png', { token: sharer.token })
      expect([missing.status, missing.json.error.code]).toEqual([404, 'SHARE_NOT_FOUND'])
    })

    test('scenes resolve to the share or the campaign and what they point at', async () => {
      const sharer = await shop.shopper()
      const share = (await shop.call('POST', '/api/v1/shares', { token: sharer.token, body: { productId, channel: 'poster' } })).json.share
      expect((await shop.call('GET', `/api/v1/scenes/${share.scene}`)).json).toEqual({ shareId: share.id, productId })
      // A client-made id announced with a `share` event resolves too.
      const made = `cm${++seq}x`
      expect(await send(sharer, 'share', { shareId: made, channel: 'chat', contentSlug: 'winter' })).toEqual(expect.objectContaining({ accepted: 1 }))
      expect((await shop.call('GET', `/api/v1/scenes/s=${made}`)).json).toEqual({ shareId: made, contentSlug: 'winter' })
      const c = await campaign({ name: '线下', channel: 'offline', target: { productId } })
      expect((await shop.call('GET', `/api/v1/scenes/c=${c.code}`)).json).toEqual({ campaignCode: c.code, productId })
      for (const scene of ['s=nobody1', 'c=nocampaign', 'x=1', 'plain']) {
        const res = await shop.call('GET', `/api/v1/scenes/${scene}`)
        expect([res.status, res.json.error.code]).toEqual([404, 'SCENE_NOT_FOUND'])
      }
      expect((await shop.call('GET', '/api/v1/scenes/a-b')).status).toBe(400)
    })
  })

  describe('profile and search', () => {
    test('a name passes msg_sec_check; a risky one is 422 CONTENT_RISKY and nothing is saved', async () => {
      const who = await shop.shopper()
      const ok = await shop.call('PUT', '/api/v1/me/profile', { token: who.token, body: { name: '小茶', avatarUrl: '/media/abc.png' } })
      expect(ok.status).toBe(200)
      expect(ok.json.profile).toEqual({ name: '小茶', avatarUrl: '/media/abc.png' })
      const risky = await shop.call('PUT', '/api/v1/me/profile', { token: who.token, body: { name: '这里有违禁词' } })
      expect([risky.status, risky.json.error.code]).toEqual([422, 'CONTENT_RISKY'])
      expect(shop.sandbox.mp.calls('msg_sec_check').at(-1)!.body).toEqual(expect.objectContaining({ openid: who.openid, content: '这里有违禁词', scene: 1 }))
      const again = await shop.call('PUT', '/api/v1/me/profile', { token: who.token, body: { avatarUrl: '/media/def.png' } })
      expect(again.json.profile).toEqual({ name: '小茶', avatarUrl: '/media/def.png' })
      // The sharers report names them by their profile.
      await send(who, 'share', { shareId: `pf${++seq}x`, channel: 'chat', contentSlug: 'spring' })
      const to = encodeURIComponent(new Date(shop.clock.now().getTime() + HOUR).toISOString())
      const sharers = (await shop.call('GET', `/api/admin/analytics/sharers?to=${to}`, { cookie: editor })).json.rows
      expect(sharers.find((r: Json) => r.userId === who.userId)).toEqual(expect.objectContaining({ name: '小茶', avatarUrl: '/media/def.png', shares: 1 }))
      expect((await shop.call('PUT', '/api/v1/me/profile', { body: { name: 'x' } })).status).toBe(401)
    })

    test('products on sale are searched by title, paged', async () => {
      await seedProduct(shop.t, { title: '帆布托特包 大号', skus: [{ attrs: {}, priceFen: 9900, stock: 3 }] })
      await seedProduct(shop.t, { title: '已下架帆布包', skus: [] }).catch(() => undefined)
      const first = await shop.call('GET', '/api/v1/products?q=帆布&limit=1')
      expect(first.status).toBe(200)
      expect(first.json.items).toHaveLength(1)
      expect(first.json.nextCursor).toEqual(expect.any(String))
      const second = await shop.call('GET', `/api/v1/products?q=帆布&limit=1&cursor=${first.json.nextCursor}`)
      const titles = [...first.json.items, ...second.json.items].map((p: Json) => p.title)
      expect(titles.sort()).toEqual(['春日帆布包', '帆布托特包 大号'].sort())
      expect((await shop.call('GET', '/api/v1/products?q=100%25')).json.items).toEqual([])
      expect((await shop.call('GET', '/api/v1/products?cursor=garbage')).json.error.code).toBe('INVALID_CURSOR')
    })
  })

  describe('last-touch attribution and the channel report', () => {
    test('a campaign open after a share open wins; a share open after a campaign open wins', async () => {
      const sharer = await shop.shopper()
      const c = await campaign({ name: '短信', channel: 'sms', target: { contentSlug: 'winter' } })
      const shareId = (await shop.call('POST', '/api/v1/shares', { token: sharer.token, body: { contentSlug: 'spring', channel: 'chat' } })).json.share.id
      const now = shop.clock.now().getTime()

      const a = await shop.shopper()
      await send(a, 'share_open', { shareId, scene: 1047, channel: 'poster' }, { ts: now - 2 * HOUR })
      await send(a, 'campaign_open', { campaignCode: c.code, scene: 1194, channel: 'sms' }, { ts: now - HOUR })
      expect((await order(a)).attribution).toEqual({ shareId: null, sharerId: null, contentSlug: 'winter', depth: null, scene: 1194, channel: 'sms', campaignCode: c.code })

      const b = await shop.shopper()
      await send(b, 'campaign_open', { campaignCode: c.code, scene: 1194, channel: 'sms' }, { ts: now - 2 * HOUR })
      await send(b, 'share_open', { shareId, scene: 1047 }, { ts: now - HOUR })
      expect((await order(b)).attribution).toEqual({ shareId, sharerId: sharer.userId, contentSlug: 'spring', depth: 1, scene: 1047, channel: 'poster' })

      // Opening one's own share never counts: the campaign before it stands.
      await send(sharer, 'campaign_open', { campaignCode: c.code, scene: 1194 }, { ts: now - 2 * HOUR })
      await send(sharer, 'share_open', { shareId, scene: 1154 }, { ts: now - HOUR })
      expect((await order(sharer)).attribution).toEqual(expect.objectContaining({ shareId: null, channel: 'sms', campaignCode: c.code }))
    })

    test('a campaign open counts for 7 days and not a millisecond more', async () => {
      const c = await campaign({ name: '海报', channel: 'poster', target: { productId } })
      const who = await shop.shopper()
      const openedAt = shop.clock.now().getTime()
      await send(who, 'campaign_open', { campaignCode: c.code, scene: 1047 }, { ts: openedAt })
      shop.clock.set(new Date(openedAt + 7 * DAY))
      expect((await order(who)).attribution).toEqual(expect.objectContaining({ channel: 'poster', campaignCode: c.code }))
      shop.clock.set(new Date(openedAt + 7 * DAY + 1))
      const late = await order(who, { contentSlug: 'spring' })
      expect(late.attribution).toEqual({ shareId: null, sharerId: null, contentSlug: 'spring', depth: null, scene: null })
      // An unknown campaign code never attributes.
      await send(who, 'campaign_open', { campaignCode: 'nosuch01', scene: 1194 })
      expect((await order(who)).attribution.channel).toBeUndefined()
    })

    test('the channel report counts opens, new users, add-to-carts, orders, paid and refunded by channel and campaign', async () => {
      const c = await campaign({ name: '微博报表', channel: 'weibo', target: { contentSlug: 'spring' } })
      const from = new Date(shop.clock.now().getTime() - HOUR).toISOString()
      const buyer = await shop.shopper()
      const browser = await shop.shopper()
      await send(buyer, 'campaign_open', { campaignCode: c.code, scene: 1194, channel: 'weibo' }, { session: 'sess-buyer' })
      await send(buyer, 'add_to_cart', { productId, skuId, qty: 1, contentSlug: 'spring' }, { session: 'sess-buyer' })
      await send(browser, 'app_launch', { scene: 1001 }, { ts: shop.clock.now().getTime() - DAY, session: 'old' })
      await send(browser, 'campaign_open', { campaignCode: c.code, scene: 1194 }, { session: 'sess-browser' })
      // Another session's add-to-cart (no open in it) counts for nobody.
      await send(browser, 'add_to_cart', { productId, skuId, qty: 1 }, { session: 'sess-other' })

      const paid = await order(buyer)
      expect(paid.attribution).toEqual(expect.objectContaining({ channel: 'weibo', campaignCode: c.code }))
      await payInSandbox(shop, buyer, paid.id)
      await order(buyer)
      const refund = await shop.call('POST', `/api/admin/orders/${paid.id}/refund`, { cookie: shop.t.adminCookie, body: { amountFen: 5000, reason: '补差价' } })
      expect(refund.status).toBe(200)
      const to = new Date(shop.clock.now().getTime() + HOUR).toISOString()

      const report = async (query: string) => {
        let rows: Json[] = []
        for (let i = 0; i < 200; i++) {
          rows = (await shop.call('GET', `/api/admin/analytics/channels?${query}`, { cookie: editor })).json.rows
          const row = rows.find((r: Json) => r.campaignCode === c.code)
          if (row?.refundedFen === 5000) return rows
          await new Promise((r) => setTimeout(r, 25))
        }
        return rows
      }
      const rows = await report(`from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`)
      expect(rows.find((r: Json) => r.campaignCode === c.code)).toEqual({
        channel: 'weibo', campaignCode: c.code, campaignName: '微博报表',
        opens: 2, newUsers: 1, addToCarts: 1, orders: 2, paidOrders: 1, paidFen: 19900, refundedFen: 5000, netPaidFen: 14900, discountFen: 0, rewardsGranted: 0
      })
      const winter = await shop.call('GET', `/api/admin/analytics/channels?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&contentSlug=winter`, { cookie: editor })
      expect(winter.json.rows.find((r: Json) => r.campaignCode === c.code)).toBeUndefined()
      // The content report names the page by its title beside the slug.
      const content = await shop.call('GET', `/api/admin/analytics/content?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { cookie: editor })
      expect(content.json.rows.find((r: Json) => r.slug === 'spring')).toEqual(expect.objectContaining({ slug: 'spring', title: '页面 spring', addToCarts: 1 }))
      const fig = (await shop.call('GET', `/api/admin/campaigns/${c.id}`, { cookie: editor })).json.campaign.figures
      expect(fig).toEqual({ opens: 2, newUsers: 1, addToCarts: 1, orders: 2, paidOrders: 1, paidFen: 19900, refundedFen: 5000 })
    })
  })

  // Last: it moves the clock by weeks.
  describe('link renewal', () => {
    test('the URL Link is renewed when fewer than 3 days are left: on read, and by the jobs runner', async () => {
      const c = await campaign({ name: '邮件', channel: 'email', target: { contentSlug: 'winter' } })
      shop.clock.advance(26 * DAY)
      editor = await shop.t.login(EDITOR.email, EDITOR.password)
      const early = (await shop.call('GET', `/api/admin/campaigns/${c.id}`, { cookie: editor })).json.campaign
      expect(early.urlLink).toBe(c.urlLink)
      shop.clock.advance(2 * DAY)
      editor = await shop.t.login(EDITOR.email, EDITOR.password)
      const renewed = (await shop.call('GET', `/api/admin/campaigns/${c.id}`, { cookie: editor })).json.campaign
      expect(renewed.urlLink).not.toBe(c.urlLink)
      expect(Date.parse(renewed.urlLinkExpiresAt)).toBe(shop.clock.now().getTime() + 30 * DAY)

      shop.clock.advance(28 * DAY)
      const tick = await runDueJobs(shop.t.deps)
      expect(tick.campaignLinks?.renewed).toEqual(expect.arrayContaining([c.code]))
      editor = await shop.t.login(EDITOR.email, EDITOR.password)
      const after = (await shop.call('GET', `/api/admin/campaigns/${c.id}`, { cookie: editor })).json.campaign
      expect(after.urlLink).not.toBe(renewed.urlLink)
      expect(Date.parse(after.urlLinkExpiresAt)).toBe(shop.clock.now().getTime() + 30 * DAY)

      // WeChat refusing a renewal keeps the old link; the runner tries again 10 minutes later, not every tick.
      const campaigns = (await shop.call('GET', '/api/admin/campaigns', { cookie: editor })).json.items.length
      shop.clock.advance(28 * DAY)
      // Every due campaign's first call is refused (one generate_urllink call each).
      shop.sandbox.mp.fail('generate_urllink', 45009, campaigns)
      const refused = (await runDueJobs(shop.t.deps)).campaignLinks
      expect(refused?.renewed).toEqual([])
      expect(refused?.failed).toEqual(expect.arrayContaining([c.code]))
      expect((await runDueJobs(shop.t.deps)).campaignLinks).toBeUndefined()
      shop.clock.advance(11 * 60_000)
      expect((await runDueJobs(shop.t.deps)).campaignLinks?.renewed).toEqual(expect.arrayContaining([c.code]))
    })
  })
})
