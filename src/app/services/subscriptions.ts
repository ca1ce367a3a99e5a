// Subscription messages (发货、退款、售后结果): asked at checkout, right in the tap that
// submits, since WeChat only shows the dialog from a user gesture. What the shopper
// accepted goes to POST /api/v1/me/subscriptions. Nothing here may delay or break
// paying: every failure is logged and swallowed.
// NOTE: template ids are baked in at build time from TARO_APP_SUBSCRIBE_TEMPLATES
// (JSON like the backend's WECHAT_SUBSCRIBE_TEMPLATES); H5 has no such dialog.
import Taro from '@tarojs/taro'
import type { SubscriptionKey, SubscriptionsRequest } from '@core/contract/subscriptions'
import { api } from './api'
import { platform } from './env'

declare const SUBSCRIBE_TEMPLATES: string | undefined

/** What a shopper wants to hear about an order; WeChat shows at most 3 templates at once. */
export const ORDER_UPDATE_KEYS: SubscriptionKey[] = ['shipped', 'refund', 'afterSale']

/** The template ids configured at build time, by key. */
export function templates(): Partial<Record<SubscriptionKey, string>> {
  const raw = typeof SUBSCRIBE_TEMPLATES === 'string' ? SUBSCRIBE_TEMPLATES.trim() : ''
  if (!raw) return {}
  try {
    const parsed = JSON.parse(raw) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Partial<Record<SubscriptionKey, string>>
  } catch {
    // reported below
  }
  console.error('subscriptions: TARO_APP_SUBSCRIBE_TEMPLATES is not a JSON object of template ids; no subscription is asked')
  return {}
}

/** Asks for the order-update templates configured; resolves when the dialog is answered. Never rejects. */
export async function askForOrderUpdates(): Promise<void> {
  if (platform() !== 'weapp' || typeof Taro.requestSubscribeMessage !== 'function') return
  const byKey = templates()
  const wanted = ORDER_UPDATE_KEYS.flatMap((key) => (typeof byKey[key] === 'string' && byKey[key] ? [[key, byKey[key] as string] as const] : []))
  if (wanted.length === 0) return
  let answer: Record<string, unknown>
  try {
    answer = (await Taro.requestSubscribeMessage({ tmplIds: wanted.map(([, id]) => id) } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
  } catch (e) {
    console.error('subscriptions: requestSubscribeMessage failed', e)
    return
  }
  const accepted = wanted.filter(([, id]) => answer[id] === 'accept').map(([key]) => key)
  if (accepted.length === 0) return
  // Not awaited: the shopper is on the way to the cashier.
  api.post('/api/v1/me/subscriptions', { accepted } satisfies SubscriptionsRequest, { auth: 'required' }).catch((e: unknown) => {
    console.error('subscriptions: could not record what the shopper accepted', e)
  })
}
