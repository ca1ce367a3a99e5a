// The share the shopper came through, kept 7 days and sent with orders as a hint
// (the server decides attribution). Also the last content page viewed.
import { readJson, writeJson } from './storage'

const SHARE_KEY = 'attr:share'
const CONTENT_KEY = 'attr:content'
export const ATTRIBUTION_KEEP_MS = 7 * 24 * 3600 * 1000

type Kept = { id: string; at: number }

export function rememberArrivedShare(shareId: string, now = Date.now()): void {
  writeJson(SHARE_KEY, { id: shareId, at: now } satisfies Kept)
}

export function arrivedShareId(now = Date.now()): string | undefined {
  const kept = readJson<Kept>(SHARE_KEY)
  return kept && now - kept.at <= ATTRIBUTION_KEEP_MS ? kept.id : undefined
}

export function rememberContent(slug: string, now = Date.now()): void {
  writeJson(CONTENT_KEY, { id: slug, at: now } satisfies Kept)
}

export function lastContentSlug(now = Date.now()): string | undefined {
  const kept = readJson<Kept>(CONTENT_KEY)
  return kept && now - kept.at <= ATTRIBUTION_KEEP_MS ? kept.id : undefined
}

/** The `attribution` hint of POST /orders: the share and content that led here, and the scene. */
export function attributionHint(scene: number, now = Date.now()): { shareId?: string; contentSlug?: string; scene?: number } {
  const shareId = arrivedShareId(now)
  const contentSlug = lastContentSlug(now)
  return { ...(shareId ? { shareId } : {}), ...(contentSlug ? { contentSlug } : {}), scene }
}
