// The share or campaign the shopper came through, kept 7 days and sent with orders as
// a hint (the server decides attribution from the shopper's share_open and
// campaign_open events: the last touch wins). Also the last content page viewed.
import { readJson, writeJson } from './storage'

const SHARE_KEY = 'attr:share'
const CAMPAIGN_KEY = 'attr:campaign'
const CONTENT_KEY = 'attr:content'
export const ATTRIBUTION_KEEP_MS = 7 * 24 * 3600 * 1000

type Kept = { id: string; at: number }

function fresh(key: string, now: number): Kept | undefined {
  const kept = readJson<Kept>(key)
  return kept && typeof kept.id === 'string' && now - kept.at <= ATTRIBUTION_KEEP_MS ? kept : undefined
}

export function rememberArrivedShare(shareId: string, now = Date.now()): void {
  writeJson(SHARE_KEY, { id: shareId, at: now } satisfies Kept)
}

export function arrivedShareId(now = Date.now()): string | undefined {
  return fresh(SHARE_KEY, now)?.id
}

/** A campaign link or code opened the app (`c=<code>`). */
export function rememberCampaign(code: string, now = Date.now()): void {
  writeJson(CAMPAIGN_KEY, { id: code, at: now } satisfies Kept)
}

export function arrivedCampaignCode(now = Date.now()): string | undefined {
  return fresh(CAMPAIGN_KEY, now)?.id
}

/** The last touch in 7 days: a share open or a campaign open, whichever came later. */
export function lastTouch(now = Date.now()): { kind: 'share'; shareId: string } | { kind: 'campaign'; campaignCode: string } | undefined {
  const share = fresh(SHARE_KEY, now)
  const campaign = fresh(CAMPAIGN_KEY, now)
  if (campaign && (!share || campaign.at >= share.at)) return { kind: 'campaign', campaignCode: campaign.id }
  return share ? { kind: 'share', shareId: share.id } : undefined
}

export function rememberContent(slug: string, now = Date.now()): void {
  writeJson(CONTENT_KEY, { id: slug, at: now } satisfies Kept)
}

export function lastContentSlug(now = Date.now()): string | undefined {
  return fresh(CONTENT_KEY, now)?.id
}

/**
 * The `attribution` hint of POST /orders: the share (when it is the last touch: a later
 * campaign open replaces it, as the server's last-touch rule does), the content and the scene.
 */
export function attributionHint(scene: number, now = Date.now()): { shareId?: string; contentSlug?: string; scene?: number } {
  const touch = lastTouch(now)
  const shareId = touch?.kind === 'share' ? touch.shareId : undefined
  const contentSlug = lastContentSlug(now)
  return { ...(shareId ? { shareId } : {}), ...(contentSlug ? { contentSlug } : {}), scene }
}
