/**
 * An order's attribution, decided by the server when the order is created
 * (docs/architecture.md "Attribution"): the shopper's share_open events in the 7 days
 * before (events of every device bound to the user are stored under the
 * user, see bind-device.ts), and the shares those opens name (with their
 * ancestors, for the depth); the shopper's anon ids rule out own shares. core's
 * attributeOrder applies the rule; this only gathers its inputs.
 * With no counting open, only the hint's contentSlug (and scene) stand.
 */
import { ATTRIBUTION_WINDOW_MS, attributeOrder as decide, type ShareInfo } from '@core/attribution'
import type { Executor } from '../../db/database'
import { findShareOpens } from '../../db/repos/event-repo'
import { anonIdsOfUser } from '../../db/repos/identity-repo'
import { loadShareChains } from './share-chains'

export interface AttributionHint {
  shareId?: string
  contentSlug?: string
  scene?: string
}

export interface Attribution {
  shareId: string | null
  /** The sharer's user id when their device is bound to one, else their anon id. */
  sharerUserId: string | null
  contentSlug: string | null
  depth: number | null
  scene: string | null
}

export async function attributeOrder(
  db: Executor,
  input: { userId: string; at: Date; hint?: AttributionHint }
): Promise<Attribution> {
  const toMs = input.at.getTime()
  const anonIds = await anonIdsOfUser(db, input.userId)
  const opens = await findShareOpens(db, { shopper: input.userId, fromMs: toMs - ATTRIBUTION_WINDOW_MS, toMs })
  const shares: Map<string, ShareInfo> = opens.length > 0 ? await loadShareChains(db, opens.map((o) => o.shareId)) : new Map()
  const chosen = decide({
    orderAt: toMs,
    shopperIds: [input.userId, ...anonIds],
    opens: opens.map((o) => ({ shareId: o.shareId, at: o.ts })),
    shares
  })
  if (!chosen) {
    return {
      shareId: null,
      sharerUserId: null,
      contentSlug: input.hint?.contentSlug ?? null,
      depth: null,
      scene: input.hint?.scene ?? null
    }
  }
  // core picks the last of equal-time opens in list order; find that same open for its scene.
  const open = [...opens].reverse().find((o) => o.shareId === chosen.shareId && o.ts === chosen.openedAt)
  return {
    shareId: chosen.shareId,
    sharerUserId: chosen.sharerId,
    contentSlug: chosen.contentSlug,
    depth: chosen.depth,
    scene: open?.scene === null || open?.scene === undefined ? null : String(open.scene)
  }
}
