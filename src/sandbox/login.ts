import type { Deps } from './deps'
import { controlError, json, parseJsonObject, route, type Reply, type Route } from './http'
import { alnum, hex, issueOpenid } from './ids'
import { randomBytes } from 'node:crypto'

const CODE_TTL_MS = 5 * 60_000
const QUOTA_PER_MINUTE = 100

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40226: 'code blocked',
  41008: 'missing code',
  45011: 'api minute-quota reach limit  mustslower  retry next minute'
}
/** Errcodes a test may force on a code; -1 and 45011 are transient: the next try with the code works. */
export const FORCIBLE_ERRCODES = [-1, 40029, 40163, 40226, 45011]
const TRANSIENT = new Set([-1, 45011])

// NOTE: api.weixin.qq.com answers errors with HTTP 200 and a text/plain body holding JSON;
// the backend has to read errcode, not the status or the content type.
function wxAnswer(value: Record<string, unknown>): Reply {
  return { status: 200, body: JSON.stringify(value), headers: { 'Content-Type': 'text/plain' } }
}

function wxError(errcode: number): Reply {
  return wxAnswer({ errcode, errmsg: `${ERRMSG[errcode]}, rid: ${hex(4)}-${hex(4)}-${hex(4)}` })
}

/** Plays wx.login on the phone: a fresh code for a new shopper, or for a given openid. */
export function issueLoginCode(d: Deps, input: { openid?: string; fail?: number }): { code: string; openid: string } {
  const openid = input.openid ?? issueOpenid(d.o.secret)
  if (input.openid) d.store.openids.add(openid)
  const code = alnum(32)
  d.store.codes.set(code, { code, openid, issuedAt: d.o.now(), used: false, ...(input.fail !== undefined ? { fail: input.fail } : {}) })
  return { code, openid }
}

function underQuota(d: Deps, openid: string): boolean {
  const since = d.o.now() - 60_000
  const calls = (d.store.loginCalls.get(openid) ?? []).filter((t) => t > since)
  calls.push(d.o.now())
  d.store.loginCalls.set(openid, calls)
  return calls.length <= QUOTA_PER_MINUTE
}

function jscode2session(d: Deps, q: URLSearchParams): Reply {
  if (q.get('appid') !== d.o.appid) return wxError(40013)
  if (q.get('secret') !== d.o.secret) return wxError(40125)
  if (q.get('grant_type') !== 'authorization_code') return wxError(40002)
  const jsCode = q.get('js_code')
  if (!jsCode) return wxError(41008)
  const entry = d.store.codes.get(jsCode)
  if (!entry || d.o.now() - entry.issuedAt > CODE_TTL_MS) return wxError(40029)
  if (entry.used) return wxError(40163)
  if (entry.fail !== undefined) {
    const fail = entry.fail
    if (TRANSIENT.has(fail)) delete entry.fail
    return wxError(fail)
  }
  if (!underQuota(d, entry.openid)) return wxError(45011)
  entry.used = true
  const session: Record<string, unknown> = {
    session_key: randomBytes(16).toString('base64'),
    openid: entry.openid
  }
  if (d.o.unionid) session.unionid = 'oU' + entry.openid.slice(2)
  return wxAnswer(session)
}

export function loginRoutes(d: Deps): Route[] {
  return [
    route('GET', '/sns/jscode2session', (ctx) => jscode2session(d, ctx.url.searchParams)),
    route('POST', '/sandbox/login-code', (ctx) => {
      const body = ctx.body.trim() === '' ? {} : parseJsonObject(ctx.body)
      if (!body) return controlError(400, 'BAD_JSON', 'body must be a JSON object: {openid?, fail?}')
      const { openid, fail } = body
      if (openid !== undefined && (typeof openid !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(openid))) {
        return controlError(400, 'BAD_OPENID', 'openid must be 6-64 characters of [A-Za-z0-9_-]')
      }
      if (fail !== undefined && !FORCIBLE_ERRCODES.includes(fail as number)) {
        return controlError(400, 'BAD_FAIL', `fail must be one of ${FORCIBLE_ERRCODES.join(', ')}`)
      }
      return json(200, issueLoginCode(d, { openid: openid as string | undefined, fail: fail as number | undefined }))
    })
  ]
}
