import { expireTokens } from './access-token'
import type { Deps } from './deps'
import type { PushDelivery, UrlCheck } from './message-push'
import type { MpCall, SentMessage } from './mp-store'
import { MP_APIS } from './mp-routes'
import { confirmReceipt, settle, type Refusal } from './receipt'
import { grantAcceptances } from './subscribe-send'
import { templateById } from './subscribe-templates'
import { pushRemindShipping } from './trade-pushes'
import { findTradeOrder, orderView } from './trade-orders'

/** What POST /sandbox/mp/* does, also offered as `sandbox.mp` to tests in the same process. */
export interface MpControl {
  /** The next `times` calls of `api` answer `errcode`. */
  fail(api: string, errcode: number, times?: number): void
  /** Paid orders stay unknown (10060001) to the shipping APIs for `ms` after payment, on the sandbox clock. */
  setIngestDelay(ms: number): void
  /** Every access_token issued so far answers 42001; returns how many were still live. */
  expireToken(): number
  calls(api?: string): MpCall[]
  /** The order as get_order's `order` would show it, ingested or not. */
  order(transactionId: string): Record<string, unknown> | undefined
  confirmReceipt(transactionId: string): Record<string, unknown>
  settle(transactionId: string): Promise<{ order: Record<string, unknown>; push: PushDelivery }>
  remindShipping(transactionId: string): Promise<{ order: Record<string, unknown>; push: PushDelivery }>
  /** Plays the shopper accepting a template `count` more times; returns the acceptances left. */
  grantSubscription(openid: string, templateId: string, count?: number): number
  messages(touser?: string): SentMessage[]
  pushes(): PushDelivery[]
  /** WeChat's URL check (GET with echostr) against messagePushUrl. */
  verifyPushUrl(): Promise<UrlCheck>
}

/** A refusal of a control call: `status` and `code` become the control API's error. */
export class ControlRefusal extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

const refuse = (r: Refusal): never => {
  throw new ControlRefusal(409, r.code, r.message)
}

export function createMpControl(d: Deps): MpControl {
  const order = (transactionId: string) => {
    const o = findTradeOrder(d, { transactionId })
    if (!o) throw new ControlRefusal(404, 'ORDER_NOT_FOUND', `沙箱里没有 transaction_id 为 ${transactionId} 的已支付订单`)
    return o
  }
  return {
    fail(api, errcode, times = 1) {
      if (!(MP_APIS as readonly string[]).includes(api)) throw new ControlRefusal(400, 'BAD_API', `api must be one of ${MP_APIS.join(', ')}`)
      if (!Number.isInteger(errcode) || errcode === 0) throw new ControlRefusal(400, 'BAD_ERRCODE', 'errcode must be a non-zero integer')
      if (!Number.isInteger(times) || times < 1 || times > 1000) throw new ControlRefusal(400, 'BAD_TIMES', 'times must be an integer from 1 to 1000')
      d.store.mp.failures.set(api, { errcode, times })
    },
    setIngestDelay(ms) {
      if (!Number.isInteger(ms) || ms < 0) throw new ControlRefusal(400, 'BAD_MS', 'ms must be a whole number of milliseconds ≥ 0')
      d.store.mp.ingestDelayMs = ms
    },
    expireToken: () => expireTokens(d),
    calls: (api) => d.store.mp.calls.filter((c) => !api || c.api === api),
    order(transactionId) {
      const o = findTradeOrder(d, { transactionId })
      return o && orderView(o)
    },
    confirmReceipt(transactionId) {
      const o = order(transactionId)
      const refused = confirmReceipt(d, o)
      if (refused) refuse(refused)
      return orderView(o)
    },
    async settle(transactionId) {
      const o = order(transactionId)
      const result = await settle(d, o)
      if ('refused' in result) return refuse(result.refused)
      return { order: orderView(o), push: result.push }
    },
    async remindShipping(transactionId) {
      const o = order(transactionId)
      if (o.state !== 1) refuse({ code: 'ALREADY_SHIPPED', message: '只有待发货的订单会收到发货提醒' })
      return { order: orderView(o), push: await pushRemindShipping(d, o) }
    },
    grantSubscription(openid, templateId, count = 1) {
      if (typeof openid !== 'string' || openid === '') throw new ControlRefusal(400, 'BAD_OPENID', 'openid is required')
      if (!templateById(templateId)) throw new ControlRefusal(400, 'BAD_TEMPLATE', `templateId ${templateId} is not one of this mini-program's templates (GET /sandbox/mp/templates)`)
      if (!Number.isInteger(count) || count < 1 || count > 1000) throw new ControlRefusal(400, 'BAD_COUNT', 'count must be an integer from 1 to 1000')
      return grantAcceptances(d, openid, templateId, count)
    },
    messages: (touser) => d.store.mp.messages.filter((m) => !touser || m.touser === touser),
    pushes: () => d.pusher.deliveries(),
    verifyPushUrl: () => d.pusher.verifyUrl()
  }
}
