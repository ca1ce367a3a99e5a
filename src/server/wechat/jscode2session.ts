/**
 * The outbound call behind shopper login: GET {WECHAT_API_BASE}/sns/jscode2session.
 * WeChat answers HTTP 200 with an `errcode` on failure; each known errcode
 * becomes a Result code the route layer maps to a clear 4xx/503.
 * The URL carries the app secret, so it is never logged.
 */
import type { ErrorCode } from '@core/error-codes'
import { err, ok, type Result } from '@core/result'

export interface WechatSession {
  openid: string
  sessionKey: string
  unionid: string | null
}

// errcode → [our code, message]; the table is in docs/wechat.md "Login: code2session".
const ERRCODES: Record<number, [ErrorCode, string]> = {
  40029: ['INVALID_CODE', 'The login code is not valid; call wx.login again'],
  40163: ['CODE_USED', 'The login code was already used; call wx.login again'],
  45011: ['WECHAT_RATE_LIMITED', 'Too many logins for this user this minute; try again shortly'],
  40226: ['LOGIN_BLOCKED', 'WeChat blocked this login as high-risk'],
  [-1]: ['WECHAT_BUSY', 'WeChat is busy; try again'],
  40125: ['WECHAT_MISCONFIGURED', 'WeChat refused our app secret (WECHAT_SECRET)'],
  40013: ['WECHAT_MISCONFIGURED', 'WeChat refused our app id (WECHAT_APPID)']
}

export async function jscode2session(
  cfg: { appId: string; secret: string; apiBase: string },
  code: string,
  timeoutMs = 5000
): Promise<Result<WechatSession>> {
  const url = new URL(`${cfg.apiBase}/sns/jscode2session`)
  url.searchParams.set('appid', cfg.appId)
  url.searchParams.set('secret', cfg.secret)
  url.searchParams.set('js_code', code)
  url.searchParams.set('grant_type', 'authorization_code')

  let text: string
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
    text = await res.text()
    if (!res.ok) return err('WECHAT_UNAVAILABLE', `WeChat login answered HTTP ${res.status}`)
  } catch (e) {
    return err('WECHAT_UNAVAILABLE', `WeChat login could not be reached (${(e as Error).name})`)
  }
  let body: { openid?: unknown; session_key?: unknown; unionid?: unknown; errcode?: unknown; errmsg?: unknown }
  try {
    // NOTE: WeChat sends JSON with Content-Type text/plain, so parse the text.
    body = JSON.parse(text) as typeof body
  } catch {
    return err('WECHAT_UNAVAILABLE', 'WeChat login answered something that is not JSON')
  }
  const errcode = typeof body.errcode === 'number' ? body.errcode : 0
  if (errcode !== 0) {
    const [code2, message] = ERRCODES[errcode] ?? ['WECHAT_UNAVAILABLE', 'WeChat login failed']
    return err(code2, message, { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : undefined })
  }
  if (typeof body.openid !== 'string' || typeof body.session_key !== 'string' || body.openid === '') {
    return err('WECHAT_UNAVAILABLE', 'WeChat login answered without openid/session_key')
  }
  return ok({
    openid: body.openid,
    sessionKey: body.session_key,
    unionid: typeof body.unionid === 'string' ? body.unionid : null
  })
}
