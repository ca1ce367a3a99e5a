/**
 * Every share as the reports see it: the first `share` event of a share id
 * is the share (a later event reusing the id is ignored, as attribution
 * ignores it), with its sharer, parent and page. Also the greatest depth in
 * each share's subtree, for the sharer report's maxDepth: depths come from
 * core's shareDepth; the subtree maximum is pushed up the ancestor chain
 * once per share, which stays linear where calling core's maxDepthFrom per
 * sharer would rescan every share for every sharer.
 */
import { shareDepth, type ShareInfo } from '@core/attribution'

export interface ShareFact {
  shareId: string
  sharer: string
  parentShareId: string | null
  slug: string | null
  ts: number
}

export function indexShares(events: readonly ShareFact[]): Map<string, ShareFact> {
  const shares = new Map<string, ShareFact>()
  for (const e of events) if (!shares.has(e.shareId)) shares.set(e.shareId, e)
  return shares
}

/** shareId → the greatest depth among the share and every share descending from it. */
export function subtreeMaxDepths(shares: ReadonlyMap<string, ShareFact>): Map<string, number> {
  const lookup = new Map<string, Pick<ShareInfo, 'parentShareId'>>()
  for (const [id, s] of shares) lookup.set(id, { parentShareId: s.parentShareId })
  const best = new Map<string, number>()
  for (const id of shares.keys()) {
    const depth = shareDepth(id, lookup)
    // Walk up: every ancestor's subtree contains this share. An ancestor that
    // already holds this depth passed it on to its own ancestors: stop there.
    let at: string | null | undefined = id
    for (let hops = 0; at && hops <= shares.size; hops++) {
      const held = best.get(at) ?? 0
      if (held >= depth && at !== id) break
      if (held < depth) best.set(at, depth)
      const parent: string | null | undefined = shares.get(at)?.parentShareId
      at = parent && shares.has(parent) ? parent : null
    }
  }
  return best
}
