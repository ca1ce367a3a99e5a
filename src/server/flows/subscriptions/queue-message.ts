/**
 * Puts a subscription message in the WeChat outbox, inside the caller's
 * transaction (the shipment, the refund result, the after-sales decision it
 * reports), only when WECHAT_SUBSCRIBE_TEMPLATES names a template for it and
 * the shopper has a credit left for that template (one per acceptance). The
 * credit is taken here, so a message WeChat later refuses with 43101 (its
 * own count ran out first) costs nothing more: the outbox skips it quietly.
 */
import type { SubscriptionKey } from '@core/contract/subscriptions'
import type { TemplateData } from '@core/subscribe-message'
import type { Executor } from '../../db/database'
import { findBuyerOpenid } from '../../db/repos/order-repo'
import { takeCredit } from '../../db/repos/subscription-repo'
import type { Deps } from '../../deps'
import { enqueueWechatTask } from '../outbox/enqueue'

/** The app's order page; WeChat opens it from the message card. */
export const ORDER_PAGE = 'pkg-orders/detail/index'

const MINIPROGRAM_STATE = { release: 'formal', trial: 'trial', develop: 'developer' } as const

export type QueuedMessage = 'queued' | 'no_template' | 'no_credit'

export interface SubscribeMessagePayload {
  touser: string
  template_id: string
  page: string
  data: TemplateData
  miniprogram_state: (typeof MINIPROGRAM_STATE)[keyof typeof MINIPROGRAM_STATE]
  lang: 'zh_CN'
}

export async function queueSubscriptionMessage(
  deps: Pick<Deps, 'config'>,
  db: Executor,
  msg: { userId: string; key: SubscriptionKey; orderId: string | null; data: TemplateData; now: Date; page?: string }
): Promise<QueuedMessage> {
  const templateId = deps.config.subscribeTemplates[msg.key]
  if (!templateId) return 'no_template'
  const openid = await findBuyerOpenid(db, msg.userId)
  if (!openid) throw new Error(`user ${msg.userId} has no openid`)
  if (!(await takeCredit(db, msg.userId, msg.key, msg.now.toISOString()))) return 'no_credit'
  const payload: SubscribeMessagePayload = {
    touser: openid,
    template_id: templateId,
    page: msg.page ?? (msg.orderId ? `${ORDER_PAGE}?id=${encodeURIComponent(msg.orderId)}` : 'pages/index/index'),
    data: msg.data,
    miniprogram_state: MINIPROGRAM_STATE[deps.config.wechatEnvVersion],
    lang: 'zh_CN'
  }
  await enqueueWechatTask(db, { kind: 'subscribe_message', orderId: msg.orderId, payload, now: msg.now })
  return 'queued'
}
