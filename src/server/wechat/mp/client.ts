/**
 * The mini-program server API client: every call takes the shared
 * access_token, and a token WeChat refuses (40001/42001/40014) is replaced
 * once and the call made again. Answers are MpAnswer values, never throws.
 */
import { isTokenErrcode } from '@core/wechat-errors'
import { getAccessToken, TokenError, type TokenContext } from './access-token'
import { postForBinary, postJson, type MpAnswer, type MpBinaryAnswer } from './http'

export type { MpAnswer, MpBinaryAnswer }

export interface MpClient {
  /** POST {apiBase}{path}?access_token=… with a JSON body. */
  post(path: string, body: unknown): Promise<MpAnswer>
  /** The same for an API that answers a file (an image) on success and JSON on failure. */
  postBinary(path: string, body: unknown): Promise<MpBinaryAnswer>
}

type Failure = { ok: false; errcode: number | null; errmsg: string }

export function createMpClient(ctx: TokenContext): MpClient {
  const withToken = async (rejected?: string): Promise<{ token: string } | Failure> => {
    try {
      return { token: await getAccessToken(ctx, { rejected }) }
    } catch (e) {
      if (e instanceof TokenError) return { ok: false, errcode: e.errcode, errmsg: e.message }
      throw e
    }
  }
  const url = (path: string, token: string) => `${ctx.apiBase}${path}?access_token=${encodeURIComponent(token)}`
  /** One call with the current token; with a fresh one once more when WeChat refused the token. */
  async function call<A extends { ok: true } | Failure>(path: string, send: (url: string) => Promise<A>): Promise<A | Failure> {
    const first = await withToken()
    if ('ok' in first) return first
    const answer = await send(url(path, first.token))
    if (answer.ok || answer.errcode === null || !isTokenErrcode(answer.errcode)) return answer
    const second = await withToken(first.token)
    if ('ok' in second) return second
    return send(url(path, second.token))
  }
  return {
    post: (path, body) => call(path, (u) => postJson(u, body)),
    postBinary: (path, body) => call(path, (u) => postForBinary(u, body))
  }
}
