/**
 * The mini-program server API client: every call takes the shared
 * access_token, and a token WeChat refuses (40001/42001/40014) is replaced
 * once and the call made again. Answers are MpAnswer values, never throws.
 */
import { isTokenErrcode } from '@core/wechat-errors'
import { getAccessToken, TokenError, type TokenContext } from './access-token'
import { postJson, type MpAnswer } from './http'

export type { MpAnswer }

export interface MpClient {
  /** POST {apiBase}{path}?access_token=… with a JSON body. */
  post(path: string, body: unknown): Promise<MpAnswer>
}

export function createMpClient(ctx: TokenContext): MpClient {
  const withToken = async (rejected?: string): Promise<{ token: string } | MpAnswer> => {
    try {
      return { token: await getAccessToken(ctx, { rejected }) }
    } catch (e) {
      if (e instanceof TokenError) return { ok: false, errcode: e.errcode, errmsg: e.message }
      throw e
    }
  }
  return {
    async post(path, body) {
      const first = await withToken()
      if ('ok' in first) return first
      const url = (token: string) => `${ctx.apiBase}${path}?access_token=${encodeURIComponent(token)}`
      const answer = await postJson(url(first.token), body)
      if (answer.ok || answer.errcode === null || !isTokenErrcode(answer.errcode)) return answer
      const second = await withToken(first.token)
      if ('ok' in second) return second
      return postJson(url(second.token), body)
    }
  }
}
