import type { Deps } from './deps'
import { controlError, json, parseJsonObject, route, type Reply, type RequestContext, type Route } from './http'
import { ControlRefusal, type MpControl } from './mp-control'
import { subscribeTemplatesEnv, TEMPLATES } from './subscribe-templates'

async function guarded(run: () => unknown): Promise<Reply> {
  try {
    return json(200, await run())
  } catch (e) {
    if (e instanceof ControlRefusal) return controlError(e.status, e.code, e.message)
    throw e
  }
}

function withBody(shape: string, run: (body: Record<string, unknown>) => unknown): (ctx: RequestContext) => Promise<Reply> {
  return async (ctx) => {
    const body = ctx.body.trim() === '' ? {} : parseJsonObject(ctx.body)
    if (!body) return controlError(400, 'BAD_JSON', `body must be a JSON object: ${shape}`)
    return guarded(() => run(body))
  }
}

/** POST/GET /sandbox/mp/*: what tests and the H5 preview use to play WeChat's side of trade management. */
export function mpControlRoutes(d: Deps, mp: MpControl): Route[] {
  const tx = (ctx: RequestContext) => ctx.params.transactionId
  return [
    route('POST', '/sandbox/mp/fail', withBody('{api, errcode, times?}', (b) => {
      mp.fail(b.api as string, b.errcode as number, (b.times as number | undefined) ?? 1)
      return { api: b.api, errcode: b.errcode, times: b.times ?? 1 }
    })),
    route('POST', '/sandbox/mp/ingest-delay', withBody('{ms}', (b) => {
      mp.setIngestDelay(b.ms as number)
      return { ms: b.ms }
    })),
    route('POST', '/sandbox/mp/expire-token', () => guarded(() => ({ expired: mp.expireToken() }))),
    route('GET', '/sandbox/mp/calls', (ctx) => json(200, { items: mp.calls(ctx.url.searchParams.get('api') ?? undefined) })),
    route('GET', '/sandbox/mp/orders/:transactionId', (ctx) => {
      const order = mp.order(tx(ctx))
      return order ? json(200, { order }) : controlError(404, 'ORDER_NOT_FOUND', `沙箱里没有 transaction_id 为 ${tx(ctx)} 的已支付订单`)
    }),
    route('POST', '/sandbox/mp/orders/:transactionId/confirm-receipt', (ctx) => guarded(() => ({ order: mp.confirmReceipt(tx(ctx)) }))),
    route('POST', '/sandbox/mp/orders/:transactionId/settle', (ctx) => guarded(() => mp.settle(tx(ctx)))),
    route('POST', '/sandbox/mp/orders/:transactionId/remind-shipping', (ctx) => guarded(() => mp.remindShipping(tx(ctx)))),
    route('GET', '/sandbox/mp/messages', (ctx) => json(200, { items: mp.messages(ctx.url.searchParams.get('touser') ?? undefined) })),
    route('POST', '/sandbox/mp/subscriptions', withBody('{openid, templateId, count?}', (b) => ({
      openid: b.openid,
      templateId: b.templateId,
      left: mp.grantSubscription(b.openid as string, b.templateId as string, (b.count as number | undefined) ?? 1)
    }))),
    route('GET', '/sandbox/mp/templates', () => json(200, { items: TEMPLATES, WECHAT_SUBSCRIBE_TEMPLATES: subscribeTemplatesEnv() })),
    route('GET', '/sandbox/mp/pushes', () => json(200, { items: mp.pushes() })),
    route('POST', '/sandbox/mp/verify-push-url', async () => json(200, await mp.verifyPushUrl())),
    route('GET', '/sandbox/mp/msg-jump-path', () => json(200, { path: d.store.mp.msgJumpPath ?? null }))
  ]
}
