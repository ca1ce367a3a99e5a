// URL Link, URL Scheme and Short Link: generate_urllink, query_urllink, generatescheme, queryscheme,
// genwxashortlink, and the page a URL Link opens (GET /wxaurl/:ticket, standing in for wxaurl.cn),
// which sends a browser to the H5 shop as WeChat would open the mini-program: scene 1194.
import type { Deps } from './deps'
import { html, route, type Reply, type Route } from './http'
import { alnum } from './ids'
import type { WxResult } from './mp-api'
import { wxError, type WxError } from './mp-errors'
import { DAY_S, envVersionOf, expiryOf, MAX_LINK_DAYS, MAX_QUERY, nowSeconds, pageProblem, QUERY_CHARS, queryProblem } from './reach-rules'
import type { LinkKind, LinkRecord } from './reach-store'

/** URL Links are opened outside WeChat: the launch scene the shop sees. */
export const URL_LINK_SCENE = 1194
const MAX_CQ = 256
const SHORT_TITLE_MAX = 20
const PERMANENT_SHORT_LINKS = 100_000
const HOME_PAGE = 'pages/index/index'

const isErr = <T>(v: T | WxError): v is WxError => typeof v === 'object' && v !== null && 'errcode' in v

function newTicket(d: Deps, length: number): string {
  for (;;) {
    const t = alnum(length)
    if (!d.store.mp.reach.links.has(t)) return t
  }
}

function keep(d: Deps, record: Omit<LinkRecord, 'opens' | 'createTime'>): LinkRecord {
  const r: LinkRecord = { ...record, createTime: nowSeconds(d), opens: 0 }
  d.store.mp.reach.links.set(r.ticket, r)
  return r
}

/** POST /wxa/generate_urllink {path?, query?, expire_type?, expire_time?, expire_interval?, env_version?}. */
export function generateUrlLink(d: Deps, body: Record<string, unknown>): WxResult {
  const badPath = pageProblem(d.o.pages, body.path)
  if (badPath) return wxError(40165, badPath)
  const badQuery = queryProblem(body.query)
  if (badQuery) return wxError(40212, badQuery)
  const env = envVersionOf(body.env_version)
  if (isErr(env)) return env
  const expireTime = expiryOf(d, body)
  if (isErr(expireTime)) return expireTime
  const ticket = newTicket(d, 12)
  const r = keep(d, {
    kind: 'urllink', ticket, link: `${d.baseUrl()}/wxaurl/${ticket}`,
    path: (body.path as string | undefined) ?? '', query: (body.query as string | undefined) ?? '', envVersion: env, expireTime
  })
  return { url_link: r.link }
}

/** POST /wxa/generatescheme {jump_wxa?:{path, query, env_version}, expire_type?, expire_time?, expire_interval?}. */
export function generateScheme(d: Deps, body: Record<string, unknown>): WxResult {
  const jump = body.jump_wxa ?? {}
  if (typeof jump !== 'object' || jump === null || Array.isArray(jump)) return wxError(40097, 'jump_wxa must be an object')
  const j = jump as Record<string, unknown>
  const badPath = pageProblem(d.o.pages, j.path)
  if (badPath) return wxError(40165, badPath)
  const badQuery = queryProblem(j.query)
  if (badQuery) return wxError(40212, badQuery)
  const env = envVersionOf(j.env_version)
  if (isErr(env)) return env
  const expireTime = expiryOf(d, body)
  if (isErr(expireTime)) return expireTime
  const ticket = newTicket(d, 11)
  const r = keep(d, {
    kind: 'scheme', ticket, link: `weixin://dl/business/?t=${ticket}`,
    path: (j.path as string | undefined) ?? '', query: (j.query as string | undefined) ?? '', envVersion: env, expireTime
  })
  return { openlink: r.link }
}

/** POST /wxa/genwxashortlink {page_url, page_title?, is_permanent?}: `#小程序://<name>/<title>/<ticket>`. */
export function generateShortLink(d: Deps, body: Record<string, unknown>): WxResult {
  const pageUrl = body.page_url
  if (typeof pageUrl !== 'string' || pageUrl === '') return wxError(40066, 'page_url is required')
  if (pageUrl.length > MAX_QUERY) return wxError(40066, `page_url is longer than ${MAX_QUERY} characters`)
  const at = pageUrl.indexOf('?')
  const path = at < 0 ? pageUrl : pageUrl.slice(0, at)
  const query = at < 0 ? '' : pageUrl.slice(at + 1)
  const badPath = pageProblem(d.o.pages, path)
  if (badPath) return wxError(40066, badPath)
  if (!QUERY_CHARS.test(query)) return wxError(40066, 'the query of page_url holds characters that must be url-encoded')
  const rawTitle = body.page_title ?? ''
  if (typeof rawTitle !== 'string') return wxError(40225, 'page_title must be a string')
  // Longer titles are cut to 20 characters and "..." (the doc's rule), not refused.
  const chars = [...rawTitle]
  const title = chars.length > SHORT_TITLE_MAX ? `${chars.slice(0, SHORT_TITLE_MAX).join('')}...` : rawTitle
  const permanent = body.is_permanent ?? false
  if (typeof permanent !== 'boolean') return wxError(40097, 'is_permanent must be a boolean')
  const reach = d.store.mp.reach
  if (permanent && reach.permanentShortLinks >= PERMANENT_SHORT_LINKS) return wxError(85400, 'permanent short links are limited to 100000')
  if (permanent) reach.permanentShortLinks++
  const ticket = newTicket(d, 15)
  const name = d.o.merchantName.replace(/[/#\s]/g, '')
  const r = keep(d, {
    kind: 'shortlink', ticket, link: `#小程序://${name}/${title ? `${title.replace(/\//g, '')}/` : ''}${ticket}`,
    path, query, envVersion: 'release', expireTime: permanent ? 0 : nowSeconds(d) + MAX_LINK_DAYS * DAY_S,
    title, permanent
  })
  return { link: r.link }
}

function findLink(d: Deps, kind: LinkKind, value: unknown, pattern: RegExp): LinkRecord | undefined {
  if (typeof value !== 'string') return undefined
  const ticket = pattern.exec(value)?.[1]
  const r = ticket ? d.store.mp.reach.links.get(ticket) : undefined
  return r?.kind === kind ? r : undefined
}

const infoOf = (d: Deps, r: LinkRecord) => ({
  appid: d.o.appid, path: r.path, query: r.query, create_time: r.createTime, expire_time: r.expireTime, env_version: r.envVersion
})

const quotaOf = (d: Deps) => {
  let used = 0
  for (const r of d.store.mp.reach.links.values()) if (r.kind !== 'shortlink') used++
  return { long_time_used: used, long_time_limit: 500_000 }
}

/** POST /wxa/query_urllink {url_link}: the stored path and query of a URL Link (wxaurl.cn or this sandbox's). */
export function queryUrlLink(d: Deps, body: Record<string, unknown>): WxResult {
  if (typeof body.url_link !== 'string' || body.url_link === '') return wxError(40097, 'url_link is required')
  const r = findLink(d, 'urllink', body.url_link, /\/(?:wxaurl\/)?([A-Za-z0-9]{6,})(?:[?#].*)?$/)
  if (!r) return wxError(85403, 'no such url_link')
  return { url_link_info: infoOf(d, r), url_link_quota: quotaOf(d), visit_openid: '' }
}

/** POST /wxa/queryscheme {scheme}. */
export function queryScheme(d: Deps, body: Record<string, unknown>): WxResult {
  if (typeof body.scheme !== 'string' || body.scheme === '') return wxError(40097, 'scheme is required')
  const r = findLink(d, 'scheme', body.scheme, /[?&]t=([A-Za-z0-9]+)/)
  if (!r) return wxError(85403, 'no such scheme')
  return { scheme_info: infoOf(d, r), scheme_quota: quotaOf(d), visit_openid: '' }
}

/**
 * The shop's H5 address of a page with its query (Taro's hash router: `<h5>#/<page>?<query>`).
 * `scene` in the link's own query is dropped: the launch scene comes last and wins.
 */
export function h5PageUrl(h5Url: string, page: string, queryParts: string[], scene: number): string {
  const base = h5Url.split('#')[0]!
  const parts = queryParts.filter((p) => p !== '' && p.split('=')[0] !== 'scene')
  parts.push(`scene=${scene}`)
  return `${base}#/${page}?${parts.join('&')}`
}

function page(status: number, title: string, message: string): Reply {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)
  return html(status, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;margin:0;padding:48px 24px;text-align:center;color:#2b2622;background:#f6f3ef}
h1{font-size:20px;margin:0 0 12px}p{color:#6b625b;font-size:15px;line-height:1.6}</style></head>
<body><h1>${esc(title)}</h1><p>${esc(message)}</p></body></html>`)
}

/** GET /wxaurl/:ticket[?cq=…]: the URL Link opened in a browser. */
export function linkPageRoutes(d: Deps): Route[] {
  return [
    route('GET', '/wxaurl/:ticket', (ctx) => {
      const r = d.store.mp.reach.links.get(ctx.params.ticket ?? '')
      if (!r || r.kind !== 'urllink') return page(404, '链接不存在', '这个小程序链接不存在，请向分享者重新获取。')
      if (nowSeconds(d) >= r.expireTime) return page(410, '链接已过期', '这个小程序链接已过期，请向分享者重新获取。')
      const parts = r.query === '' ? [] : r.query.split('&')
      // `cq` (≤ 256 characters, url-encoded): its decoded content joins the page's query.
      const cq = /(?:^|[?&])cq=([^&#]*)/.exec(ctx.rawUrl.split('?').slice(1).join('?'))?.[1]
      if (cq !== undefined) {
        if (cq.length > MAX_CQ || !QUERY_CHARS.test(cq)) return page(400, '链接参数无效', 'cq 参数须不超过 256 个字符并经过 URL 编码。')
        let decoded: string
        try {
          decoded = decodeURIComponent(cq)
        } catch {
          return page(400, '链接参数无效', 'cq 参数须经过 URL 编码。')
        }
        parts.push(...decoded.split('&'))
      }
      r.opens++
      d.o.log(`url link ${r.ticket} opened → ${r.path || 'home'}`)
      const h5 = d.o.h5Url
      if (!h5) {
        return page(200, '链接有效', `沙箱未配置 H5 商城地址（选项 h5Url / SANDBOX_H5_URL），无法打开页面 ${r.path || HOME_PAGE}?${parts.join('&')}`)
      }
      const target = h5PageUrl(h5, r.path || d.o.pages?.[0] || HOME_PAGE, parts, URL_LINK_SCENE)
      return { status: 302, headers: { Location: target, 'Cache-Control': 'no-store' } }
    })
  ]
}
