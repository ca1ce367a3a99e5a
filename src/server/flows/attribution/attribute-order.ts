/**
 * An order's attribution, decided by the server when the order is created
 * (docs/architecture.md "Attribution"): the last touch among the shopper's
 * share_open events (not of their own shares) and campaign_open events (of
 * campaigns that exist) in the 7 days before the order. Events of every
 * device bound to the user are stored under the user, see bind-device.ts;
 * the shopper's anon ids rule out own shares. core's attributeOrder applies
 * the share rule; the latest campaign open in the same window then wins
 * when it is strictly later than the chosen share open.
 * With no counting open, only the hint's contentSlug (and scene) stand.
 */
import { ATTRIBUTION_WINDOW_MS, attributeOrder as decide, type ShareInfo } from '@core/attribution'
import type { Executor } from '../../db/database'
import { findCampaignOpens, findShareOpens } from '../../db/repos/event-repo'
import { anonIdsOfUser } from '../../db/repos/identity-repo'
import { shareOpenChannel } from '../reach/open-channel'
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
  /** The channel of the last touch (chat, timeline, poster, or a campaign's channel); null without one. */
  channel: string | null
  /** The campaign's code when the last touch was a campaign open. */
  campaignCode: string | null
}

const sceneText = (scene: number | null | undefined): string | null => (scene === null || scene === undefined ? null : String(scene))

export async function attributeOrder(
  db: Executor,
  input: { userId: string; at: Date; hint?: AttributionHint }
): Promise<Attribution> {
  const toMs = input.at.getTime()
  const fromMs = toMs - ATTRIBUTION_WINDOW_MS
  const anonIds = await anonIdsOfUser(db, input.userId)
  const opens = await findShareOpens(db, { shopper: input.userId, fromMs, toMs })
  const shares: Map<string, ShareInfo> = opens.length > 0 ? await loadShareChains(db, opens.map((o) => o.shareId)) : new Map()
  const chosen = decide({
    orderAt: toMs,
    shopperIds: [input.userId, ...anonIds],
    opens: opens.map((o) => ({ shareId: o.shareId, at: o.ts })),
    shares
  })
  const campaignOpens = await findCampaignOpens(db, { shopper: input.userId, fromMs, toMs })
  const campaign = campaignOpens[campaignOpens.length - 1]

  if (campaign && (!chosen || campaign.ts > chosen.openedAt)) {
    return {
      shareId: null,
      sharerUserId: null,
      contentSlug: campaign.contentSlug ?? input.hint?.contentSlug ?? null,
      depth: null,
      scene: sceneText(campaign.scene) ?? input.hint?.scene ?? null,
      channel: campaign.channel,
      campaignCode: campaign.campaignCode
    }
  }
  if (!chosen) {
    return {
      shareId: null,
      sharerUserId: null,
      contentSlug: input.hint?.contentSlug ?? null,
      depth: null,
      scene: input.hint?.scene ?? null,
      channel: null,
      campaignCode: null
    }
  }
  // core picks the last of equal-time opens in list order; find that same open for its scene.
  const open = [...opens].reverse().find((o) => o.shareId === chosen.shareId && o.ts === chosen.openedAt)
  return {
    shareId: chosen.shareId,
    sharerUserId: chosen.sharerId,
    contentSlug: chosen.contentSlug,
    depth: chosen.depth,
    scene: sceneText(open?.scene),
    channel: shareOpenChannel(open?.scene, open?.channel),
    campaignCode: null
  }
}
