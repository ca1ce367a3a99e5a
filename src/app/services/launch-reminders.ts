// 开售提醒: in the tap on a countdown's button, WeChat is asked for the `launch`
// subscription message (the dialog only shows from a gesture), then the reminder
// is registered with the backend, which sends it once at launch through the outbox.
// The H5 build (no such dialog) and a build without the template register the
// reminder all the same: it is the brand's lead, counted per page, sharer and channel.
// NOTE: POST /api/v1/launch-reminders {productId, contentSlug, shareId?} is the
// content-server branch's endpoint (issue 18).
import Taro from '@tarojs/taro'
import type { SubscriptionsRequest } from '@core/contract/subscriptions'
import { api } from './api'
import { arrivedShareId } from './attribution'
import { platform } from './env'
import { templates } from './subscriptions'

export type ReminderOutcome = 'set' | 'refused' | 'failed'

export type LaunchReminderRequest = { productId: string; contentSlug: string; shareId?: string }

async function askWechat(): Promise<'accepted' | 'refused' | 'no-dialog'> {
  const id = templates().launch
  if (platform() !== 'weapp' || typeof Taro.requestSubscribeMessage !== 'function' || !id) return 'no-dialog'
  try {
    const answer = (await Taro.requestSubscribeMessage({ tmplIds: [id] } as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>
    return answer[id] === 'accept' ? 'accepted' : 'refused'
  } catch (e) {
    console.error('launch reminder: requestSubscribeMessage failed', e)
    return 'refused'
  }
}

/** Asks for the launch message and registers the reminder. Never rejects. */
export async function askLaunchReminder(productId: string, contentSlug: string): Promise<ReminderOutcome> {
  const asked = await askWechat()
  if (asked === 'refused') return 'refused'
  try {
    if (asked === 'accepted') await api.post('/api/v1/me/subscriptions', { accepted: ['launch'] } satisfies SubscriptionsRequest, { auth: 'required' })
    const shareId = arrivedShareId()
    await api.post('/api/v1/launch-reminders', { productId, contentSlug, ...(shareId ? { shareId } : {}) } satisfies LaunchReminderRequest, { auth: 'required' })
    return 'set'
  } catch (e) {
    console.error('launch reminder: the backend did not take it', e)
    return 'failed'
  }
}
