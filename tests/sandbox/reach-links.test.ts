// generate_urllink, query_urllink, generatescheme, queryscheme, genwxashortlink and the URL Link page,
// called with fetch as WeChat documents them (docs/wechat.md "Links, codes and msg_sec_check").
import { startMp, type MpHarness } from './helpers/mp'

const PAGES = ['pages/index/index', 'pages/content/index', 'pages/product/index']
const DAY_S = 86_400

let h: MpHarness
beforeEach(async () => {
  h = await startMp({ pages: PAGES, h5Url: 'http://shop.test:3000/' })
})
afterEach(() => h.close())

const nowS = () => Math.floor(h.clock.now() / 1000)
const urlLink = (body: Record<string, unknown>) => h.call('/wxa/generate_urllink', body)
const open = (link: string) => fetch(link, { redirect: 'manual' })

describe('POST /wxa/generate_urllink', () => {
  it('answers a link that query_urllink describes; expire_interval counts days from now', async () => {
    const r = await urlLink({ path: 'pages/content/index', query: 'c=wb2405a&slug=spring', expire_type: 1, expire_interval: 7 })
    expect(r).toEqual({ errcode: 0, errmsg: 'ok', url_link: expect.stringMatching(new RegExp(`^${h.url}/wxaurl/[A-Za-z0-9]{12}$`)) })
    const q = await h.call('/wxa/query_urllink', { url_link: r.url_link })
    expect(q.errcode).toBe(0)
    expect(q.url_link_info).toEqual({
      appid: h.keys.appid, path: 'pages/content/index', query: 'c=wb2405a&slug=spring',
      create_time: nowS(), expire_time: nowS() + 7 * DAY_S, env_version: 'release'
    })
    expect(q.url_link_quota).toEqual({ long_time_used: 1, long_time_limit: 500000 })
    // The same link with `?cq=` (or as a wxaurl.cn address) is the same link.
    expect((await h.call('/wxa/query_urllink', { url_link: `${r.url_link}?cq=p%3D17` })).url_link_info).toEqual(q.url_link_info)
  })

  it('takes expire_time in seconds, and gives a link without expiry the 30 days every link now has', async () => {
    const at = nowS() + 3 * DAY_S
    const timed = await urlLink({ path: 'pages/product/index', query: 'id=p1', expire_type: 0, expire_time: at })
    expect((await h.call('/wxa/query_urllink', { url_link: timed.url_link })).url_link_info.expire_time).toBe(at)
    const plain = await urlLink({})
    const info = (await h.call('/wxa/query_urllink', { url_link: plain.url_link })).url_link_info
    expect(info).toEqual(expect.objectContaining({ path: '', query: '', expire_time: nowS() + 30 * DAY_S }))
  })

  it.each([
    ['a path with a query', 40165, { path: 'pages/content/index?slug=a' }],
    ['a path with a leading /', 40165, { path: '/pages/content/index' }],
    ['a page that is not published', 40165, { path: 'pages/hidden/index' }],
    ['a query over 1024 characters', 40212, { query: `c=${'a'.repeat(1023)}` }],
    ['a query with raw Chinese', 40212, { query: 'slug=春天' }],
    ['a query with a space', 40212, { query: 'a=1 2' }],
    ['expire_interval of 31 days', 85401, { expire_type: 1, expire_interval: 31 }],
    ['expire_interval of 0', 85401, { expire_type: 1, expire_interval: 0 }],
    ['expire_time past 30 days', 85401, { expire_time: 'NOW+2592001' }],
    ['expire_time under a minute away', 85401, { expire_time: 'NOW+30' }],
    ['expire_time in milliseconds', 85401, { expire_time: 'MS' }],
    ['an unknown expire_type', 40097, { expire_type: 2 }],
    ['an unknown env_version', 40097, { env_version: 'beta' }]
  ])('refuses %s with %i', async (_name, errcode, change) => {
    const body: Record<string, unknown> = { path: 'pages/content/index', query: 'c=wb2405a', ...change }
    if (body.expire_time === 'MS') body.expire_time = h.clock.now() + 86_400_000
    else if (typeof body.expire_time === 'string') body.expire_time = nowS() + Number(body.expire_time.slice(4))
    const r = await urlLink(body)
    expect(r.errcode).toBe(errcode)
    expect(r.errmsg).toMatch(/rid: /)
    expect(r.url_link).toBeUndefined()
  })

  it('accepts exactly 30 days and the full query alphabet', async () => {
    const r = await urlLink({ path: 'pages/content/index', query: "c=wb1&x=!#$&'()*+,/:;=?@-._~%E6%98%A5", expire_time: nowS() + 30 * DAY_S })
    expect(r.errcode).toBe(0)
  })

  it('checks the access_token like every API, and answers unknown links with 85403', async () => {
    expect((await h.call('/wxa/generate_urllink', {}, null)).errcode).toBe(41001)
    expect((await h.call('/wxa/generate_urllink', {}, 'nope')).errcode).toBe(40001)
    expect((await h.call('/wxa/query_urllink', { url_link: 'https://wxaurl.cn/NoSuchOne123' })).errcode).toBe(85403)
    expect((await h.call('/wxa/query_urllink', {})).errcode).toBe(40097)
  })
})

describe('GET /wxaurl/:ticket (the URL Link opened in a browser)', () => {
  it('redirects to the H5 shop at the page with the query and scene=1194', async () => {
    const r = await urlLink({ path: 'pages/content/index', query: 'c=wb2405a&slug=spring' })
    const res = await open(r.url_link)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('http://shop.test:3000/#/pages/content/index?c=wb2405a&slug=spring&scene=1194')
    expect(h.sandbox.store.mp.reach.links.get(r.url_link.split('/').pop())!.opens).toBe(1)
  })

  it('merges a decoded cq into the query, opens the home page for an empty path, and lets the launch scene win', async () => {
    const r = await urlLink({ query: 'c=sms01&scene=7' })
    const res = await open(`${r.url_link}?cq=${encodeURIComponent('p=17&v=b')}`)
    expect(res.headers.get('location')).toBe('http://shop.test:3000/#/pages/index/index?c=sms01&p=17&v=b&scene=1194')
    const tooLong = await open(`${r.url_link}?cq=${'a'.repeat(257)}`)
    expect(tooLong.status).toBe(400)
  })

  it('shows 链接已过期 once the link has expired on the sandbox clock', async () => {
    const r = await urlLink({ path: 'pages/product/index', query: 'id=p1', expire_type: 1, expire_interval: 1 })
    h.clock.advance(DAY_S * 1000 - 1000)
    expect((await open(r.url_link)).status).toBe(302)
    h.clock.advance(1000)
    const res = await open(r.url_link)
    expect(res.status).toBe(410)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    expect(await res.text()).toContain('链接已过期')
    // WeChat still describes it.
    expect((await h.call('/wxa/query_urllink', { url_link: r.url_link })).errcode).toBe(0)
  })

  it('answers 404 for a link it never made', async () => {
    const res = await open(`${h.url}/wxaurl/NoSuchTicket`)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('链接不存在')
  })

  it('without an H5 address it says so instead of redirecting', async () => {
    const bare = await startMp()
    try {
      const r = await bare.call('/wxa/generate_urllink', { path: 'pages/content/index', query: 'c=x' })
      const res = await open(r.url_link)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('SANDBOX_H5_URL')
    } finally {
      await bare.close()
    }
  })
})

describe('POST /wxa/generatescheme and /wxa/queryscheme', () => {
  it('answers an encrypted scheme that queryscheme describes', async () => {
    const r = await h.call('/wxa/generatescheme', { jump_wxa: { path: 'pages/product/index', query: 'c=sms01&id=p1' }, expire_type: 1, expire_interval: 30 })
    expect(r.openlink).toMatch(/^weixin:\/\/dl\/business\/\?t=[A-Za-z0-9]{11}$/)
    const q = await h.call('/wxa/queryscheme', { scheme: r.openlink })
    expect(q.scheme_info).toEqual(expect.objectContaining({ path: 'pages/product/index', query: 'c=sms01&id=p1', expire_time: nowS() + 30 * DAY_S }))
    expect((await h.call('/wxa/queryscheme', { scheme: 'weixin://dl/business/?t=nothing' })).errcode).toBe(85403)
  })

  it.each([
    ['a page with a query', 40165, { jump_wxa: { path: 'pages/product/index?id=1' } }],
    ['a bad query', 40212, { jump_wxa: { path: 'pages/product/index', query: 'id=商品' } }],
    ['31 days', 85401, { expire_type: 1, expire_interval: 31 }],
    ['jump_wxa that is not an object', 40097, { jump_wxa: 'pages/product/index' }]
  ])('refuses %s with %i', async (_name, errcode, body) => {
    expect((await h.call('/wxa/generatescheme', body)).errcode).toBe(errcode)
  })
})

describe('POST /wxa/genwxashortlink', () => {
  it('answers #小程序:// links; a title over 20 characters is cut with "..."', async () => {
    const r = await h.call('/wxa/genwxashortlink', { page_url: 'pages/content/index?c=chat1&slug=spring', page_title: '春日上新' })
    expect(r.link).toMatch(/^#小程序:\/\/[^/]+\/春日上新\/[A-Za-z0-9]{15}$/)
    const long = await h.call('/wxa/genwxashortlink', { page_url: 'pages/index/index', page_title: '一二三四五六七八九十一二三四五六七八九十多出来' })
    expect(long.link).toContain('/一二三四五六七八九十一二三四五六七八九十.../')
    const items = (await (await fetch(`${h.url}/sandbox/mp/links?kind=shortlink`)).json()).items
    expect(items).toHaveLength(2)
    expect(items[0]).toEqual(expect.objectContaining({ path: 'pages/content/index', query: 'c=chat1&slug=spring', permanent: false, expireTime: nowS() + 30 * DAY_S }))
  })

  it.each([
    ['no page_url', 40066, {}],
    ['a page that is not published', 40066, { page_url: 'pages/hidden/index' }],
    ['a title that is not text', 40225, { page_url: 'pages/index/index', page_title: 7 }],
    ['is_permanent that is not a boolean', 40097, { page_url: 'pages/index/index', is_permanent: 'yes' }]
  ])('refuses %s with %i', async (_name, errcode, body) => {
    expect((await h.call('/wxa/genwxashortlink', body)).errcode).toBe(errcode)
  })
})
