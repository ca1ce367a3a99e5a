// Sharing: every share gets a new share id, carried in the shared path as `sh`, and a
// `share` event naming what was shared and the share the shopper came through.
import type { ShareChannel } from '@core/events'
import { arrivedShareId } from './attribution'
import { mediaUrl } from './env'
import { newId } from './ids'
import { tracker } from './tracker'

export type ShareTarget = { contentSlug: string; productId?: undefined } | { productId: string; contentSlug?: undefined }

export type ShareCard = { title: string; imageUrl?: string }

function record(target: ShareTarget, channel: ShareChannel): string {
  const shareId = newId('sh')
  const parentShareId = arrivedShareId()
  tracker.track('share', { shareId, channel, ...target, ...(parentShareId && parentShareId !== shareId ? { parentShareId } : {}) })
  return shareId
}

function queryOf(target: ShareTarget, shareId: string): string {
  const key = target.contentSlug ? `slug=${encodeURIComponent(target.contentSlug)}` : `id=${encodeURIComponent(target.productId ?? '')}`
  return `${key}&sh=${shareId}`
}

function pagePath(target: ShareTarget): string {
  return target.contentSlug ? '/pages/content/index' : '/pages/product/index'
}

/** For useShareAppMessage: a chat card opening the same page with a new `sh`. */
export function shareToChat(target: ShareTarget, card: ShareCard) {
  const shareId = record(target, 'chat')
  return { title: card.title, path: `${pagePath(target)}?${queryOf(target, shareId)}`, ...(card.imageUrl ? { imageUrl: mediaUrl(card.imageUrl) } : {}) }
}

/** For useShareTimeline: Moments can only reopen the current page, so the query carries everything. */
export function shareToTimeline(target: ShareTarget, card: ShareCard) {
  const shareId = record(target, 'timeline')
  return { title: card.title, query: queryOf(target, shareId), ...(card.imageUrl ? { imageUrl: mediaUrl(card.imageUrl) } : {}) }
}
