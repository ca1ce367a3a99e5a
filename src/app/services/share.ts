// Sharing: every share gets a share id, carried in the shared path as `sh`, and a
// `share` event naming what was shared and the share the shopper came through.
// Share ids come from the server (POST /api/v1/shares: the id is then the sharer's, and
// it has a scene for a mini-program code). When the server cannot be reached in time,
// the app makes the id itself and announces it with the `share` event, as before.
// NOTE: a chat card may answer late through `promise` (WeChat waits up to 3 s, then uses
// the card returned at once), so the card returned at once carries the client-made id
// the late answer falls back to. Moments (onShareTimeline) must answer at once: it uses
// a server share made ahead for that page (once, kept a week), else a client-made id.
import type { ShareChannel } from '@core/events'
import type { ShareRequest, ShareResponse } from '@core/contract/reach'
import { api } from './api'
import { arrivedShareId } from './attribution'
import { currentToken, currentUserId } from './auth'
import { copyText } from './clipboard'
import { apiBase, mediaUrl, platform } from './env'
import { newId } from './ids'
import { readJson, writeJson } from './storage'
import { tracker } from './tracker'

export type ShareTarget = { contentSlug: string; productId?: undefined } | { productId: string; contentSlug?: undefined }

export type ShareCard = { title: string; imageUrl?: string }

/** A share id and, when the server issued it, the scene of its mini-program code. */
export type IssuedShare = { id: string; scene?: string; issued: boolean }

/** Below WeChat's 3 s wait for a chat card's promise. */
export const SHARE_ISSUE_TIMEOUT_MS = 2500
const PREPARED_KEEP_MS = 7 * 24 * 3600 * 1000

function parentOf(shareId?: string): { parentShareId?: string } {
  const parentShareId = arrivedShareId()
  return parentShareId && parentShareId !== shareId ? { parentShareId } : {}
}

function announce(target: ShareTarget, channel: ShareChannel, shareId: string): void {
  tracker.track('share', { shareId, channel, ...target, ...parentOf(shareId) })
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)
    work.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e: unknown) => {
        clearTimeout(timer)
        reject(e instanceof Error ? e : new Error(String(e)))
      }
    )
  })
}

async function askServer(target: ShareTarget, channel: ShareChannel): Promise<{ id: string; scene: string }> {
  const body: ShareRequest = { ...target, channel, ...parentOf() }
  const { share } = await api.post<ShareResponse>('/api/v1/shares', body, { auth: 'required' })
  return share
}

/**
 * A share id for one share: the server's, or (server unreachable, refused, or slower than
 * `timeoutMs`) `fallbackId` / a new client-made one. Either way the `share` event announces
 * it, so reports count the share. Never rejects.
 */
export async function issueShare(target: ShareTarget, channel: ShareChannel, options: { fallbackId?: string; timeoutMs?: number } = {}): Promise<IssuedShare> {
  let issued: IssuedShare
  try {
    const share = await withTimeout(askServer(target, channel), options.timeoutMs ?? SHARE_ISSUE_TIMEOUT_MS)
    issued = { id: share.id, scene: share.scene, issued: true }
  } catch (e) {
    console.warn('share: the server did not issue a share id, using a client-made one', e)
    issued = { id: options.fallbackId ?? newId('sh'), issued: false }
  }
  announce(target, channel, issued.id)
  return issued
}

export function shareQuery(target: ShareTarget, shareId: string): string {
  const key = target.contentSlug ? `slug=${encodeURIComponent(target.contentSlug)}` : `id=${encodeURIComponent(target.productId ?? '')}`
  return `${key}&sh=${encodeURIComponent(shareId)}`
}

export function sharePagePath(target: ShareTarget): string {
  return target.contentSlug ? '/pages/content/index' : '/pages/product/index'
}

function cardImage(card: ShareCard) {
  return card.imageUrl ? { imageUrl: mediaUrl(card.imageUrl) } : {}
}

/** For useShareAppMessage: a chat card opening the same page with a share id (`sh`). */
export function shareToChat(target: ShareTarget, card: ShareCard) {
  const fallbackId = newId('sh')
  const base = { title: card.title, ...cardImage(card) }
  const promise = issueShare(target, 'chat', { fallbackId }).then((share) => ({ ...base, path: `${sharePagePath(target)}?${shareQuery(target, share.id)}` }))
  return { ...base, path: `${sharePagePath(target)}?${shareQuery(target, fallbackId)}`, promise }
}

type Prepared = { id: string; userId: string; at: number }

function preparedKey(target: ShareTarget): string {
  return `share:timeline:${target.contentSlug ? `c:${target.contentSlug}` : `p:${target.productId}`}`
}

function preparedShare(target: ShareTarget, now = Date.now()): string | undefined {
  const kept = readJson<Prepared>(preparedKey(target))
  return kept && kept.userId === currentUserId() && now - kept.at <= PREPARED_KEEP_MS ? kept.id : undefined
}

/**
 * Moments cannot wait for the server: a page a logged-in shopper opens gets its Moments
 * share id ahead, once a week per page (reused by every Moments share of that page).
 */
export async function prepareTimelineShare(target: ShareTarget): Promise<void> {
  if (!currentToken() || preparedShare(target)) return
  try {
    const share = await askServer(target, 'timeline')
    const userId = currentUserId()
    if (userId) writeJson(preparedKey(target), { id: share.id, userId, at: Date.now() } satisfies Prepared)
  } catch (e) {
    console.warn('share: no Moments share id ahead; a client-made one will do', e)
  }
}

/** For useShareTimeline: Moments can only reopen the current page, so the query carries everything. */
export function shareToTimeline(target: ShareTarget, card: ShareCard) {
  const shareId = preparedShare(target) ?? newId('sh')
  announce(target, 'timeline', shareId)
  return { title: card.title, query: shareQuery(target, shareId), ...cardImage(card) }
}

/** The H5 shop's link to a page with a share id (hash router): what 复制链接 copies. */
export function h5ShareUrl(target: ShareTarget, shareId: string): string {
  const here = typeof location === 'undefined' ? '' : `${location.origin}${location.pathname}`
  return `${here}#${sharePagePath(target)}?${shareQuery(target, shareId)}`
}

/** The share's mini-program code (PNG, owner only: needs the shopper's token). */
export function shareCodeUrl(shareId: string): string {
  return `${apiBase()}/api/v1/shares/${encodeURIComponent(shareId)}/code.png`
}

/** H5 cannot open WeChat's share menu: its pages offer 复制链接 instead. */
export function sharesByLink(): boolean {
  return platform() === 'h5'
}

/** 复制链接 (H5): a chat share (server id, or client-made offline) and the shop's link to copy. */
export async function copyShareLink(target: ShareTarget): Promise<string> {
  const share = await issueShare(target, 'chat')
  const url = h5ShareUrl(target, share.id)
  await copyText(url)
  return url
}
