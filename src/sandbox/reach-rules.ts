// The request rules generate_urllink / generatescheme / genwxashortlink / getwxacodeunlimit share
// (docs/wechat.md "Links, codes and msg_sec_check").
import type { Deps } from './deps'
import { wxError, type WxError } from './mp-errors'
import type { EnvVersion } from './reach-store'

export const DAY_S = 86_400
/** URL Link and URL Scheme live at most 30 days (since 2022-04-11), short-term Short Links 30 days. */
export const MAX_LINK_DAYS = 30
export const MAX_QUERY = 1024
/** The characters a link's query may hold (the `cq` parameter too). */
export const QUERY_CHARS = /^[0-9a-zA-Z!#$&'()*+,/:;=?@\-._~%]*$/
/** A code's scene: at most 32 visible characters, no `%`. */
export const SCENE_CHARS = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const PATH_CHARS = /^[A-Za-z0-9_\-.]+(\/[A-Za-z0-9_\-.]+)*$/
const ENV_VERSIONS: readonly EnvVersion[] = ['release', 'trial', 'develop']

export const nowSeconds = (d: Deps): number => Math.floor(d.o.now() / 1000)

/**
 * A page path as links and codes take it: no leading `/`, no query, one of the published pages
 * when the sandbox was given them (option `pages`). '' and undefined are the home page.
 */
export function pageProblem(pages: readonly string[] | undefined, value: unknown): string | null {
  if (value === undefined || value === '') return null
  if (typeof value !== 'string') return 'path must be a string'
  if (value.includes('?')) return 'path must not carry a query: put it in query'
  if (value.startsWith('/')) return 'path must not start with /'
  if (!PATH_CHARS.test(value)) return 'path is not a page path'
  if (pages && !pages.includes(value)) return `${value} is not a page of the published mini-program`
  return null
}

export function queryProblem(value: unknown, max = MAX_QUERY): string | null {
  if (value === undefined) return null
  if (typeof value !== 'string') return 'query must be a string'
  if (value.length > max) return `query is longer than ${max} characters`
  if (!QUERY_CHARS.test(value)) return 'query holds characters outside [0-9a-zA-Z] and !#$&\'()*+,/:;=?@-._~% (url-encode them)'
  return null
}

export function envVersionOf(value: unknown): EnvVersion | WxError {
  if (value === undefined) return 'release'
  if (typeof value === 'string' && (ENV_VERSIONS as readonly string[]).includes(value)) return value as EnvVersion
  return wxError(40097, 'env_version must be release, trial or develop')
}

/**
 * expire_type 0 (default) takes expire_time (unix seconds, 1 minute to 30 days ahead), 1 takes
 * expire_interval (1–30 days). A link asked without either lives the 30 days every link now gets
 * (the old permanent links were cut to 30 days in 2022). Errors are 85401, as WeChat's.
 */
export function expiryOf(d: Deps, body: Record<string, unknown>): number | WxError {
  const now = nowSeconds(d)
  const type = body.expire_type ?? 0
  if (type !== 0 && type !== 1) return wxError(40097, 'expire_type must be 0 or 1')
  if (type === 1) {
    const days = body.expire_interval
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_LINK_DAYS) {
      return wxError(85401, 'expire_interval must be a whole number of days from 1 to 30')
    }
    return now + days * DAY_S
  }
  const at = body.expire_time
  if (at === undefined) return now + MAX_LINK_DAYS * DAY_S
  if (typeof at !== 'number' || !Number.isInteger(at) || at < now + 60 || at > now + MAX_LINK_DAYS * DAY_S) {
    return wxError(85401, 'expire_time must be unix seconds between 1 minute and 30 days from now')
  }
  return at
}
