/**
 * Loads `share` events by id together with every ancestor (parentShareId),
 * as core's ShareInfo: sharerIds lists the sharer as reports name them
 * first (the event's shopper: their user when the device is bound, else the
 * anon id) and then the device's anon id. A share the server issued (POST
 * /api/v1/shares) that no `share` event announced yet stands on its
 * share_owners row: its owner, target and parent.
 */
import type { ShareInfo } from '@core/attribution'
import type { Executor } from '../../db/database'
import { findShares } from '../../db/repos/event-repo'
import { findShareOwners } from '../../db/repos/share-owner-repo'

/** Chains longer than this are corrupt data (or a loop); stop walking rather than hang. */
const MAX_HOPS = 64

export async function loadShareChains(db: Executor, shareIds: readonly string[]): Promise<Map<string, ShareInfo>> {
  const out = new Map<string, ShareInfo>()
  let wanted = [...new Set(shareIds)]
  for (let hop = 0; hop < MAX_HOPS && wanted.length > 0; hop++) {
    const rows = await findShares(db, wanted)
    const parents: string[] = []
    for (const r of rows) {
      if (out.has(r.shareId)) continue // the first share event of an id wins
      out.set(r.shareId, {
        sharerIds: [...new Set([r.shopper, r.anonId].filter((id): id is string => !!id))],
        parentShareId: r.parentShareId,
        contentSlug: r.contentSlug,
        productId: r.productId
      })
      if (r.parentShareId) parents.push(r.parentShareId)
    }
    const unannounced = wanted.filter((id) => !out.has(id))
    if (unannounced.length > 0) {
      for (const o of (await findShareOwners(db, unannounced)).values()) {
        if (o.issued !== 1) continue
        out.set(o.shareId, {
          sharerIds: [...new Set([o.shopper, o.anonId].filter((id): id is string => !!id))],
          parentShareId: o.parentShareId,
          contentSlug: o.contentSlug,
          productId: o.productId
        })
        if (o.parentShareId) parents.push(o.parentShareId)
      }
    }
    wanted = [...new Set(parents.filter((p) => !out.has(p)))]
  }
  return out
}
