/**
 * Links and codes that open the mini-program from outside a chat, and content security, as typed
 * calls over the MpClient (docs/wechat.md "Links, codes and msg_sec_check"):
 * URL Link (`generate_urllink`, `query_urllink`), encrypted URL Scheme (`generatescheme`),
 * Short Link (`genwxashortlink`), the unlimited mini-program code (`getwxacodeunlimit`, a PNG)
 * and `msg_sec_check` v2. A failure carries the errcode, the outbox verdict and the staff message
 * of src/core/wechat-errors.ts. None of these throws.
 */
import { classifyErrcode, problemFor, type ErrcodeVerdict, type StaffProblem, type WechatApiName } from '@core/wechat-errors'
import type { MpClient } from './client'

export type ReachFailure = {
  ok: false
  /** null: WeChat could not be reached or answered something unreadable. */
  errcode: number | null
  errmsg: string
  /** 'retry' for transient failures (quota per minute, system busy, no answer), else 'failed'. */
  verdict: ErrcodeVerdict
  problem: StaffProblem
}

export type EnvVersion = 'release' | 'trial' | 'develop'

/** URL Links and schemes live at most 30 days. */
export const MAX_LINK_DAYS = 30
const DAY_MS = 86_400_000

export interface LinkInput {
  /** A published page without query and without a leading `/`, e.g. `pages/content/index`; '' is the home page. */
  path: string
  /** `c=<code>&slug=<slug>`: ≤ 1024 characters, anything outside [0-9a-zA-Z!#$&'()*+,/:;=?@-._~%] url-encoded. */
  query: string
  /** 1–30 (default 30). */
  expireIntervalDays?: number
  envVersion?: EnvVersion
  /** The backend's clock, for expiresAt (default: the wall clock). */
  now?: Date
}

export type UrlLinkResult = { ok: true; urlLink: string; expiresAt: Date } | ReachFailure
export type SchemeResult = { ok: true; openlink: string; expiresAt: Date } | ReachFailure
export type ShortLinkResult = { ok: true; link: string } | ReachFailure
export type UrlLinkInfo = { ok: true; path: string; query: string; createdAt: Date; expiresAt: Date; envVersion: string } | ReachFailure
export type CodeResult = { ok: true; png: Buffer; contentType: string } | ReachFailure
export type SecSuggest = 'pass' | 'review' | 'risky'
export type SecCheckResult = { ok: true; suggest: SecSuggest; label: number; traceId: string } | ReachFailure

function failure(api: WechatApiName, errcode: number | null, errmsg: string): ReachFailure {
  return {
    ok: false,
    errcode,
    errmsg,
    verdict: errcode === null ? 'retry' : classifyErrcode(api, errcode),
    problem: problemFor(api, errcode, errcode === null ? errmsg : undefined)
  }
}

const unreadable = (api: WechatApiName, what: string): ReachFailure => failure(api, null, `${api} answered without ${what}`)

function interval(input: LinkInput): number {
  return input.expireIntervalDays ?? MAX_LINK_DAYS
}

const expiry = (input: LinkInput): Date => new Date((input.now ?? new Date()).getTime() + interval(input) * DAY_MS)

/**
 * POST /wxa/generate_urllink with expire_type 1 (expire_interval days): `https://wxaurl.cn/…`,
 * opened outside WeChat as scene 1194. expiresAt is counted on the backend's clock from the call.
 */
export async function generateUrlLink(client: MpClient, input: LinkInput): Promise<UrlLinkResult> {
  const answer = await client.post('/wxa/generate_urllink', {
    path: input.path,
    query: input.query,
    expire_type: 1,
    expire_interval: interval(input),
    env_version: input.envVersion ?? 'release'
  })
  if (!answer.ok) return failure('generate_urllink', answer.errcode, answer.errmsg)
  const link = answer.body.url_link
  if (typeof link !== 'string' || link === '') return unreadable('generate_urllink', 'url_link')
  return { ok: true, urlLink: link, expiresAt: expiry(input) }
}

/** POST /wxa/generatescheme: `weixin://dl/business/?t=…` (scene 1065), for SMS on iOS and H5 jumps. */
export async function generateScheme(client: MpClient, input: LinkInput): Promise<SchemeResult> {
  const answer = await client.post('/wxa/generatescheme', {
    jump_wxa: { path: input.path, query: input.query, env_version: input.envVersion ?? 'release' },
    expire_type: 1,
    expire_interval: interval(input)
  })
  if (!answer.ok) return failure('generatescheme', answer.errcode, answer.errmsg)
  const link = answer.body.openlink
  if (typeof link !== 'string' || link === '') return unreadable('generatescheme', 'openlink')
  return { ok: true, openlink: link, expiresAt: expiry(input) }
}

export interface ShortLinkInput {
  path: string
  query?: string
  /** Shown in the link; WeChat cuts it after 20 characters. */
  title?: string
  /** Permanent short links are limited to 100,000 per mini-program; short-term ones last 30 days. */
  permanent?: boolean
}

/** POST /wxa/genwxashortlink: `#小程序://名称/标题/…`, opens only when pasted inside WeChat. */
export async function generateShortLink(client: MpClient, input: ShortLinkInput): Promise<ShortLinkResult> {
  const answer = await client.post('/wxa/genwxashortlink', {
    page_url: input.query ? `${input.path}?${input.query}` : input.path,
    ...(input.title !== undefined ? { page_title: input.title } : {}),
    is_permanent: input.permanent ?? false
  })
  if (!answer.ok) return failure('genwxashortlink', answer.errcode, answer.errmsg)
  const link = answer.body.link
  if (typeof link !== 'string' || link === '') return unreadable('genwxashortlink', 'link')
  return { ok: true, link }
}

/** POST /wxa/query_urllink: the page, query and expiry WeChat keeps for a URL Link. */
export async function queryUrlLink(client: MpClient, urlLink: string): Promise<UrlLinkInfo> {
  const answer = await client.post('/wxa/query_urllink', { url_link: urlLink })
  if (!answer.ok) return failure('query_urllink', answer.errcode, answer.errmsg)
  const info = answer.body.url_link_info as Record<string, unknown> | undefined
  if (!info || typeof info.create_time !== 'number' || typeof info.expire_time !== 'number') return unreadable('query_urllink', 'url_link_info')
  return {
    ok: true,
    path: String(info.path ?? ''),
    query: String(info.query ?? ''),
    createdAt: new Date(info.create_time * 1000),
    expiresAt: new Date(info.expire_time * 1000),
    envVersion: String(info.env_version ?? 'release')
  }
}

export interface CodeInput {
  /** ≤ 32 characters of [0-9A-Za-z] and !#$&'()*+,/:;=?@-._~ (e.g. `s=Ab3k9Zq`, `c=wb2405a`); the page reads it as options.scene. */
  scene: string
  /** A published page, no leading `/`, no query (e.g. `pages/product/index`). */
  page: string
  /** 280–1280 px (default 430). */
  width?: number
  /** false lets an unpublished page through (testing builds). Default true. */
  checkPath?: boolean
  envVersion?: EnvVersion
}

/** POST /wxa/getwxacodeunlimit: the mini-program code as an image (scanned: scene 1047). */
export async function getUnlimitedCode(client: MpClient, input: CodeInput): Promise<CodeResult> {
  const answer = await client.postBinary('/wxa/getwxacodeunlimit', {
    scene: input.scene,
    page: input.page,
    ...(input.width !== undefined ? { width: input.width } : {}),
    ...(input.checkPath !== undefined ? { check_path: input.checkPath } : {}),
    ...(input.envVersion ? { env_version: input.envVersion } : {})
  })
  if (!answer.ok) return failure('getwxacodeunlimit', answer.errcode, answer.errmsg)
  return { ok: true, png: answer.body, contentType: answer.contentType }
}

export interface SecCheckInput {
  /** A shopper who used the mini-program in the last 2 hours. */
  openid: string
  content: string
  /** 1 资料 (default: nicknames, profiles), 2 评论, 3 论坛, 4 社交日志. */
  scene?: 1 | 2 | 3 | 4
  nickname?: string
}

/**
 * POST /wxa/msg_sec_check version 2. The decision is `suggest` (pass / review / risky), not the
 * errcode: an errcode means the check itself failed.
 */
export async function msgSecCheck(client: MpClient, input: SecCheckInput): Promise<SecCheckResult> {
  const answer = await client.post('/wxa/msg_sec_check', {
    version: 2,
    scene: input.scene ?? 1,
    openid: input.openid,
    content: input.content,
    ...(input.nickname !== undefined ? { nickname: input.nickname } : {})
  })
  if (!answer.ok) return failure('msg_sec_check', answer.errcode, answer.errmsg)
  const result = answer.body.result as Record<string, unknown> | undefined
  const suggest = result?.suggest
  if (suggest !== 'pass' && suggest !== 'review' && suggest !== 'risky') return unreadable('msg_sec_check', 'result.suggest')
  return {
    ok: true,
    suggest,
    label: typeof result?.label === 'number' ? result.label : 0,
    traceId: typeof answer.body.trace_id === 'string' ? answer.body.trace_id : ''
  }
}
