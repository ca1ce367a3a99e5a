// How people arrive, named for staff: the channels of shares, campaigns and
// opens (src/core/event-schema.ts), in the words the admin and the landing page use.
import type { CampaignChannel, OpenChannel } from './event-schema'

export const CHANNEL_LABELS: Record<OpenChannel | 'none', string> = {
  chat: '微信聊天',
  timeline: '朋友圈',
  poster: '海报',
  weibo: '微博',
  sms: '短信',
  email: '邮件',
  offline: '线下二维码',
  article: '公众号文章',
  search: '搜索',
  other: '其他',
  none: '无来源'
}

/** The channels staff choose for a campaign, in the order the form lists them. */
export const CAMPAIGN_CHANNEL_OPTIONS: ReadonlyArray<{ value: CampaignChannel; label: string }> = (
  ['weibo', 'sms', 'email', 'poster', 'offline', 'article', 'other'] as const
).map((value) => ({ value, label: CHANNEL_LABELS[value] }))

export function channelLabel(channel: string): string {
  return (CHANNEL_LABELS as Record<string, string>)[channel] ?? channel
}
