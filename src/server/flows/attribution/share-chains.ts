/**
 * Loads `share` events by id together with every ancestor (parentShareId),
 * as core's ShareInfo: sharerIds lists the sharer's user id first (their
 * device's binding, or the token they sent with) and then their anon id.
 */
import type { ShareInfo } from '@core/attribution'
import type { Executor } from '../../db/database'
import { findShares } from '../../db/repos/event-repo'
import { usersOfAnonIds } from '../../db/repos/identity-repo'

/** Chains longer than this are corrupt data (or a loop); stop walking rather than hang. */
const MAX_HOPS = 64

export async function loadShareChains(db: Executor, shareIds: readonly string[]): Promise<Map<string, ShareInfo>> {
  const out = new Map<string, ShareInfo>()
  let wanted = [...new Set(shareIds)]
  for (let hop = 0; hop < MAX_HOPS && wanted.length > 0; hop++) {
    const rows = await findShares(db, wanted)
    const bound = await usersOfAnonIds(db, rows.flatMap((r) => (r.anonId ? [r.anonId] : [])))
    for (const r of rows) {
      if (out.has(r.shareId)) continue // the first share event of an id wins
      const userId = r.userId ?? (r.anonId ? bound.get(r.anonId) : undefined)
      out.set(r.shareId, {
        sharerIds: [userId, r.anonId].filter((id): id is string => !!id),
        parentShareId: r.parentShareId,
        contentSlug: r.contentSlug,
        productId: r.productId
      })
    }
    wanted = [...new Set(rows.flatMap((r) => (r.parentShareId && !out.has(r.parentShareId) ? [r.parentShareId] : [])))]
  }
  return out
}
