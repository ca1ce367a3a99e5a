import type { Deps } from './deps'
import { requestId } from './ids'
import type { Reply, RequestContext, Route } from './http'
import { payError } from './pay-errors'
import { checkMerchantSignature, wechatpayHeaders } from './signing'

/** Every /v3 answer, errors included, carries Request-ID and the Wechatpay-* signature headers. */
export function signReply(d: Deps, reply: Reply): Reply {
  const body = reply.body ?? ''
  return { ...reply, headers: { ...reply.headers, 'Request-ID': requestId(), ...wechatpayHeaders(d.o, body) } }
}

/** The checks WeChat Pay makes before it looks at a request: headers, then the merchant's signature. */
export function checkV3Request(d: Deps, ctx: RequestContext): Reply | null {
  // NOTE: WeChat Pay refuses calls without Accept or User-Agent ("Http头缺少Accept或User-Agent").
  if (!ctx.headers.accept || !ctx.headers['user-agent']) return payError(400, 'PARAM_ERROR', 'Http头缺少Accept或User-Agent')
  if (ctx.method === 'POST' && !/^application\/json\b/i.test(ctx.headers['content-type'] ?? '')) {
    return payError(400, 'PARAM_ERROR', `Content-Type 应为 application/json，收到 ${ctx.headers['content-type'] ?? '（无）'}`)
  }
  const reason = checkMerchantSignature(d.o, {
    method: ctx.method,
    rawUrl: ctx.rawUrl,
    body: ctx.body,
    authorization: ctx.headers.authorization
  })
  if (reason) {
    d.o.log(`401 SIGN_ERROR ${ctx.method} ${ctx.rawUrl}: ${reason}`)
    return payError(401, 'SIGN_ERROR', reason)
  }
  return null
}

export async function handleV3(d: Deps, route: Route | undefined, ctx: RequestContext): Promise<Reply> {
  if (!route) return signReply(d, payError(404, 'NOT_FOUND', `没有这个接口：${ctx.method} ${ctx.url.pathname}`))
  const refused = checkV3Request(d, ctx)
  if (refused) return signReply(d, refused)
  return signReply(d, await route.handle(ctx))
}
