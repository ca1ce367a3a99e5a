// Which share an order belongs to (docs/architecture.md "Attribution"). The server
// gathers the shopper's share_open events and the shares they name; this
// decides. The rule, exactly:
// - an open counts when orderAt - 7 days <= openedAt <= orderAt: an open at
//   exactly 7 days before the order still counts, one millisecond earlier
//   does not; an open at the order's own instant counts, a later one not;
// - opens of a share whose sharer is this shopper (any of the shopper's ids,
//   anonymous or user) never count: sharing to yourself earns nothing;
// - opens of a share not in the lookup are ignored: without the share we can
//   neither name the sharer nor rule out a self-open;
// - the most recent counting open wins (last touch); on equal times, the one
//   later in the list.
import { type Lookup, lookupEntries, lookupGet } from './lookup'
import { type Instant, requireEpochMs, toEpochMs } from './time'

export const ATTRIBUTION_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

export type ShareInfo = {
  /** Every id of the sharer (anonymous and user); the first is the one reported. */
  sharerIds: readonly string[]
  parentShareId?: string | null
  contentSlug?: string | null
  productId?: string | null
}

export type ShareOpen = { shareId: string; at: Instant; sharerId?: string }

export type OrderAttribution = {
  shareId: string
  sharerId: string | null
  contentSlug: string | null
  productId: string | null
  depth: number
  openedAt: number
}

export function attributeOrder(input: {
  orderAt: Instant
  shopperIds: Iterable<string>
  opens: readonly ShareOpen[]
  shares: Lookup<ShareInfo>
}): OrderAttribution | null {
  const orderAt = requireEpochMs(input.orderAt, 'orderAt')
  const shopper = new Set(input.shopperIds)
  let best: { open: ShareOpen; share: ShareInfo; at: number } | null = null
  for (const open of input.opens) {
    const at = toEpochMs(open.at)
    if (Number.isNaN(at) || at > orderAt || at < orderAt - ATTRIBUTION_WINDOW_MS) continue
    const share = lookupGet(input.shares, open.shareId)
    if (!share) continue
    if (share.sharerIds.some((id) => shopper.has(id)) || (open.sharerId !== undefined && shopper.has(open.sharerId))) continue
    if (!best || at >= best.at) best = { open, share, at }
  }
  if (!best) return null
  return {
    shareId: best.open.shareId,
    sharerId: best.share.sharerIds[0] ?? best.open.sharerId ?? null,
    contentSlug: best.share.contentSlug ?? null,
    productId: best.share.productId ?? null,
    depth: shareDepth(best.open.shareId, input.shares),
    openedAt: best.at
  }
}

/**
 * 1 for a root share, the parent's depth + 1 otherwise; 0 for an unknown
 * share. A parent missing from the lookup counts as a root (so its child is
 * 2). A cycle (corrupt data) stops the count at the shares seen so far.
 */
export function shareDepth(shareId: string, shares: Lookup<Pick<ShareInfo, 'parentShareId'>>): number {
  const seen = new Set<string>()
  let current: string | null | undefined = shareId
  let depth = 0
  while (current && !seen.has(current)) {
    seen.add(current)
    const share: Pick<ShareInfo, 'parentShareId'> | undefined = lookupGet(shares, current)
    if (!share) return depth === 0 ? 0 : depth + 1
    depth++
    current = share.parentShareId
  }
  return depth
}

/**
 * The greatest depth among these shares and every share descending from them
 * (the sharer report's maxDepth); 0 when none is known.
 */
export function maxDepthFrom(rootShareIds: Iterable<string>, shares: Lookup<Pick<ShareInfo, 'parentShareId'>>): number {
  const children = new Map<string, string[]>()
  for (const [id, share] of lookupEntries(shares)) {
    if (!share.parentShareId) continue
    const list = children.get(share.parentShareId) ?? []
    list.push(id)
    children.set(share.parentShareId, list)
  }
  const queue = [...rootShareIds].filter((id) => lookupGet(shares, id) !== undefined)
  const seen = new Set<string>(queue)
  let max = 0
  while (queue.length > 0) {
    const id = queue.shift() as string
    max = Math.max(max, shareDepth(id, shares))
    for (const child of children.get(id) ?? []) {
      if (!seen.has(child)) {
        seen.add(child)
        queue.push(child)
      }
    }
  }
  return max
}
