import { randomBytes } from 'node:crypto'
import type { Deps } from './deps'
import { wxError, type WxError } from './mp-errors'
import type { AccessToken } from './mp-store'

const LIFETIME_MS = 7200_000
/** Normal mode hands out a new token in the last 5 minutes; old and new both work meanwhile. */
const HANDOVER_MS = 5 * 60_000
const FORCE_GAP_MS = 30_000
const FORCE_PER_DAY = 20

function issue(d: Deps): AccessToken {
  const now = d.o.now()
  const token: AccessToken = {
    token: `${86 + Math.floor(now / 86_400_000) % 10}_${randomBytes(96).toString('base64url')}`,
    issuedAt: now,
    expiresAt: now + LIFETIME_MS,
    expired: false
  }
  d.store.mp.tokens.set(token.token, token)
  d.store.mp.currentToken = token
  return token
}

function answer(d: Deps, t: AccessToken): Record<string, unknown> {
  return { access_token: t.token, expires_in: Math.max(0, Math.floor((t.expiresAt - d.o.now()) / 1000)) }
}

function forceRefresh(d: Deps): AccessToken | WxError {
  const mp = d.store.mp
  const now = d.o.now()
  mp.forceRefreshTimes = mp.forceRefreshTimes.filter((t) => t > now - 86_400_000)
  const current = mp.currentToken
  // NOTE: "连续使用该模式时，请保证调用时间隔至少为30s，否则不会刷新": inside 30 s the same token comes back.
  if (current && !current.expired && now - current.issuedAt < FORCE_GAP_MS && current.expiresAt > now) return current
  if (mp.forceRefreshTimes.length >= FORCE_PER_DAY) return wxError(45009, 'force_refresh is limited to 20 calls a day')
  mp.forceRefreshTimes.push(now)
  // NOTE: the doc says force refresh makes the previous token "失效" without saying how soon; like the
  // other hand-overs (getAccessToken, normal mode) it keeps working for 5 minutes, so other instances
  // holding it are not cut off mid-request.
  if (current && current.expiresAt > now + HANDOVER_MS) current.expiresAt = now + HANDOVER_MS
  return issue(d)
}

/** POST /cgi-bin/stable_token. */
export function stableToken(d: Deps, body: Record<string, unknown>): Record<string, unknown> | WxError {
  if (body.grant_type !== 'client_credential') return wxError(40002)
  if (body.appid !== d.o.appid) return wxError(40013)
  if (body.secret !== d.o.secret) return wxError(40125)
  if (body.force_refresh !== undefined && typeof body.force_refresh !== 'boolean') return wxError(47001, 'force_refresh must be a boolean')
  if (body.force_refresh === true) {
    const t = forceRefresh(d)
    return 'errcode' in t ? t : answer(d, t)
  }
  const current = d.store.mp.currentToken
  if (current && !current.expired && current.expiresAt - d.o.now() > HANDOVER_MS) return answer(d, current)
  return answer(d, issue(d))
}

/** The access_token check every server API makes first. */
export function checkAccessToken(d: Deps, value: string | null): WxError | null {
  if (!value) return wxError(41001)
  const t = d.store.mp.tokens.get(value)
  if (!t) return wxError(40001)
  if (t.expired || t.expiresAt <= d.o.now()) return wxError(42001)
  return null
}

/** POST /sandbox/mp/expire-token: every token issued so far answers 42001 from now on. */
export function expireTokens(d: Deps): number {
  let n = 0
  for (const t of d.store.mp.tokens.values()) {
    if (!t.expired && t.expiresAt > d.o.now()) n++
    t.expired = true
  }
  return n
}
