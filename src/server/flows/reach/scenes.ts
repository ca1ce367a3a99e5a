/**
 * GET /api/v1/scenes/:scene: what a scanned code means. `s=<shareId>`: a
 * share (server-issued or announced) and what it points at; `c=<code>`: a
 * campaign and its target. Anything else, or an unknown id, is
 * SCENE_NOT_FOUND.
 */
import type { SceneResponse } from '@core/contract/reach'
import type { ErrorCode } from '@core/error-codes'
import { CAMPAIGN_CODE_PATTERN } from '@core/event-schema'
import { err, ok, type Result } from '@core/result'
import { findCampaignByCode } from '../../db/repos/reach-repo'
import type { Deps } from '../../deps'
import { shareTarget } from './shares'
import type { Target } from './targets'

const withTarget = (t: Target): Pick<SceneResponse, 'contentSlug' | 'productId'> =>
  t.contentSlug ? { contentSlug: t.contentSlug } : t.productId ? { productId: t.productId } : {}

export async function resolveScene(deps: Deps, scene: string): Promise<Result<SceneResponse, ErrorCode>> {
  const m = /^([sc])=([0-9A-Za-z]+)$/.exec(scene)
  const missing = err('SCENE_NOT_FOUND', `scene ${scene} names no share or campaign`)
  if (!m) return missing
  const [, kind, value] = m as unknown as [string, 's' | 'c', string]
  if (kind === 's') {
    const t = await shareTarget(deps, value)
    return t ? ok({ shareId: value, ...withTarget(t) }) : missing
  }
  if (!CAMPAIGN_CODE_PATTERN.test(value)) return missing
  const c = await findCampaignByCode(deps.db, value)
  return c ? ok({ campaignCode: c.code, ...withTarget(c) }) : missing
}
