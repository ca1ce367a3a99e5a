import { checkAccessToken } from './access-token'
import type { Deps } from './deps'
import { parseJsonObject, route, type Reply, type RequestContext, type Route } from './http'
import { wxError, wxReply, type WxError } from './mp-errors'

/** What a server API handler answers: the success fields (errcode 0 is added) or an error. */
export type WxResult = Record<string, unknown> | WxError

/** A success answer that is not JSON (getwxacodeunlimit's image): sent as it is. */
export class RawAnswer {
  constructor(readonly reply: Reply) {}
}

export const isWxError = (r: WxResult): r is WxError => typeof r.errcode === 'number' && r.errcode !== 0

export interface MpApi {
  /** The name used by POST /sandbox/mp/fail and GET /sandbox/mp/calls. */
  api: string
  path: string
  /** stable_token is the one API called without an access_token. */
  token?: boolean
  /** errcode 0 / errmsg ok are added to success answers unless false (stable_token has neither). */
  ok?: boolean
  handle: (body: Record<string, unknown>, ctx: RequestContext) => WxResult | RawAnswer | Promise<WxResult | RawAnswer>
}

/** Keeps the secret out of the call log. */
function loggable(body: unknown): unknown {
  if (body && typeof body === 'object' && 'secret' in body) return { ...body, secret: '***' }
  return body
}

function takeForcedFailure(d: Deps, api: string): WxError | null {
  const forced = d.store.mp.failures.get(api)
  if (!forced) return null
  forced.times -= 1
  if (forced.times <= 0) d.store.mp.failures.delete(api)
  return wxError(forced.errcode, 'forced by POST /sandbox/mp/fail')
}

/**
 * One mini-program server API: token check, a forced failure when one is queued, the JSON body,
 * then the handler; every call is logged for GET /sandbox/mp/calls.
 */
export function mpRoute(d: Deps, spec: MpApi): Route {
  return route('POST', spec.path, async (ctx) => {
    let body: unknown = ctx.body
    const result = await (async (): Promise<WxResult | RawAnswer> => {
      if (spec.token !== false) {
        const bad = checkAccessToken(d, ctx.url.searchParams.get('access_token'))
        if (bad) return bad
      }
      const parsed = parseJsonObject(ctx.body)
      if (parsed) body = parsed
      const forced = takeForcedFailure(d, spec.api)
      if (forced) return forced
      if (!parsed) return wxError(47001, 'the body must be a JSON object')
      return spec.handle(parsed, ctx)
    })()
    if (result instanceof RawAnswer) {
      d.store.mp.calls.push({ api: spec.api, at: new Date(d.o.now()).toISOString(), body: loggable(body), errcode: 0 })
      d.o.log(`${spec.api} → 0`)
      return result.reply
    }
    const failed = isWxError(result)
    const errcode = failed ? result.errcode : 0
    d.store.mp.calls.push({ api: spec.api, at: new Date(d.o.now()).toISOString(), body: loggable(body), errcode })
    d.o.log(`${spec.api} → ${errcode}`)
    if (failed || spec.ok === false) return wxReply(result)
    return wxReply({ errcode: 0, errmsg: 'ok', ...result })
  })
}
