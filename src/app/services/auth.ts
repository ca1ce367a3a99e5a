// Shopper login: a platform login code → POST /auth/login with the anonId → our token
// and user id, kept in storage. Concurrent callers share one login; a 401 elsewhere
// calls relogin().
import Taro from '@tarojs/taro'
import type { LoginRequest, LoginResponse } from '@core/contract/auth'
import { apiBase, platform, sandboxBase } from './env'
import { ApiError, httpRequest } from './http'
import { anonId } from './identity'
import { isSinglePageMode } from './launch'
import { readJson, removeKey, writeJson } from './storage'

const TOKEN_KEY = 'auth:token'
const SANDBOX_OPENID_KEY = 'auth:sandboxOpenid'

type Session = { token: string; userId: string }

let pending: Promise<string> | null = null

function session(): Session | undefined {
  const kept = readJson<Session>(TOKEN_KEY)
  return kept && typeof kept.token === 'string' ? kept : undefined
}

export function currentToken(): string | null {
  return session()?.token ?? null
}

export function currentUserId(): string | null {
  return session()?.userId ?? null
}

export function isLoggedIn(): boolean {
  return currentToken() !== null
}

async function loginCode(): Promise<string> {
  if (platform() === 'weapp') {
    const { code } = await Taro.login()
    if (!code) throw new ApiError(0, 'LOGIN_FAILED', '微信登录失败，请重试')
    return code
  }
  // NOTE: in the H5 preview the WeChat sandbox plays wx.login; keeping its openid makes
  // this browser the same shopper at every later login.
  const openid = readJson<string>(SANDBOX_OPENID_KEY)
  const answer = await httpRequest<{ code: string; openid: string }>({
    method: 'POST',
    url: `${sandboxBase()}/sandbox/login-code`,
    body: openid ? { openid } : {}
  })
  writeJson(SANDBOX_OPENID_KEY, answer.openid)
  return answer.code
}

async function doLogin(): Promise<string> {
  if (isSinglePageMode()) throw new ApiError(0, 'LOGIN_UNAVAILABLE', '朋友圈预览中无法登录，请点击下方「前往小程序」')
  const code = await loginCode()
  const answer = await httpRequest<LoginResponse>({
    method: 'POST',
    url: `${apiBase()}/api/v1/auth/login`,
    body: { code, anonId: anonId() } satisfies LoginRequest
  })
  writeJson(TOKEN_KEY, { token: answer.token, userId: answer.user.id } satisfies Session)
  return answer.token
}

export function login(): Promise<string> {
  pending ??= doLogin().finally(() => {
    pending = null
  })
  return pending
}

export async function ensureLogin(): Promise<string> {
  return currentToken() ?? login()
}

/** The token was refused (expired, revoked): forget it and log in again silently. */
export function relogin(): Promise<string> {
  removeKey(TOKEN_KEY)
  return login()
}
