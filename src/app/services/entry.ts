// Reads how the shopper arrived, on every show (hot starts too) and on page loads:
// `app_launch` once a run; `share_open` once per share id a run, with the channel its
// scene tells (Moments 1154 → timeline, a scanned code 1047/1048/1049 → poster, else
// chat); `campaign_open` once per campaign code a run (`c` in the query, or a code's
// scene `c=…`). A code's scene is resolved through GET /api/v1/scenes/:scene for what
// it points at; when that cannot be asked, what the scene says by itself is recorded.
// The share or campaign is kept 7 days for the order's attribution hint.
import { CAMPAIGN_CHANNELS, CAMPAIGN_CODE_PATTERN, type CampaignChannel } from '@core/event-schema'
import { rememberArrivedShare, rememberCampaign } from './attribution'
import { codeSceneOf, enterOptions, isSinglePageMode, normalizeQuery, parseCodeScene, shareOpenChannel } from './launch'
import { go, replace, routes } from './nav'
import { resolveScene } from './scene-api'
import { tracker } from './tracker'

const opened = new Set<string>()
let launched = false

type Target = { contentSlug?: string; productId?: string }
type Fields = Target & { page?: string }

function shareOpen(shareId: string, scene: number, fields: Fields) {
  if (opened.has(`sh:${shareId}`)) return
  opened.add(`sh:${shareId}`)
  rememberArrivedShare(shareId)
  tracker.track('share_open', { shareId, scene, channel: shareOpenChannel(scene), ...fields })
}

function campaignOpen(campaignCode: string, scene: number, fields: Fields, hint?: string) {
  if (!CAMPAIGN_CODE_PATTERN.test(campaignCode) || opened.has(`c:${campaignCode}`)) return
  opened.add(`c:${campaignCode}`)
  rememberCampaign(campaignCode)
  // The channel is only a hint (a link's `ch`): reports take the campaign's own channel.
  const channel = (CAMPAIGN_CHANNELS as readonly string[]).includes(hint ?? '') ? (hint as CampaignChannel) : undefined
  tracker.track('campaign_open', { campaignCode, scene, ...(channel ? { channel } : {}), ...fields })
}

function targetOf(query: Record<string, string>): Target {
  return query.slug ? { contentSlug: query.slug } : query.id ? { productId: query.id } : {}
}

/** Records the opens an entry query carries; a code's scene is asked about first. */
function recordQuery(query: Record<string, string>, scene: number, page: string | undefined): void {
  const code = codeSceneOf(query)
  const plain = () => {
    const fields = { ...(page ? { page } : {}), ...targetOf(query) }
    if (query.sh) shareOpen(query.sh, scene, fields)
    if (query.c) campaignOpen(query.c, scene, fields, query.ch)
  }
  if (!code) return plain()
  resolveScene(code).then(
    (meant) => {
      const fields: Fields = { ...(page ? { page } : {}), ...(meant.contentSlug ? { contentSlug: meant.contentSlug } : meant.productId ? { productId: meant.productId } : {}) }
      if (meant.shareId) shareOpen(meant.shareId, scene, fields)
      if (meant.campaignCode) campaignOpen(meant.campaignCode, scene, fields, query.ch)
      if (!meant.shareId && !meant.campaignCode) plain()
    },
    // Offline, or a scene the server does not know: what the scene says by itself.
    () => plain()
  )
}

/** Staff looking at a draft (the admin's live preview or a preview token): nothing of it is a shopper's. */
function isStaffPreview(query: Record<string, string>): boolean {
  return query.live === '1' || Boolean(query.preview)
}

/** App onLaunch: the launch event with its scene (never for a staff preview). */
export function recordLaunch(): void {
  if (launched) return
  launched = true
  const options = enterOptions()
  if (isStaffPreview(options.query)) return
  tracker.track('app_launch', { scene: options.scene, page: options.path, props: { singlePage: options.singlePage } })
}

/** For tests: a new run (onLaunch may record again). */
export function resetLaunched(): void {
  launched = false
}

/** App onShow (cold and hot starts): a share, campaign or code in the entry query is an open. */
export function recordShow(): void {
  const options = enterOptions()
  if (isStaffPreview(options.query)) return
  recordQuery(options.query, options.scene, options.path)
}

/** A page loaded with `sh`, `c`, `cq` or a code's `scene` in its params (some entries only show them there). */
export function recordPageShare(params: Record<string, string | undefined>, fields: Target & { page: string }): void {
  const query = normalizeQuery(params)
  const scene = enterOptions().scene
  if (codeSceneOf(query)) return recordQuery(query, scene, fields.page)
  if (query.sh) shareOpen(query.sh, scene, fields)
  if (query.c) campaignOpen(query.c, scene, fields, query.ch)
}

/**
 * A page opened by a mini-program code has only `scene` (`s=…`/`c=…`) in its params, not
 * the slug or product id: ask what the scene points at and reopen the page with them (and
 * `sh` / `c`). True when the page should wait for that instead of loading.
 */
export function openSceneTarget(params: Record<string, string | undefined>, page: 'content' | 'product'): boolean {
  if (params.slug || params.id) return false
  const code = codeSceneOf(params)
  if (!code) return false
  const named = parseCodeScene(code)
  resolveScene(code).then(
    (meant) => {
      const extra = `${meant.shareId ? `&sh=${encodeURIComponent(meant.shareId)}` : ''}${meant.campaignCode ? `&c=${encodeURIComponent(meant.campaignCode)}` : ''}`
      if (meant.contentSlug) replace(`${routes.content(meant.contentSlug)}${extra}`)
      else if (meant.productId) replace(`${routes.product(meant.productId)}${extra}`)
      else go(routes.home)
    },
    () => {
      // Unknown or unreachable: the home page, with the open recorded from the scene itself.
      const scene = enterOptions().scene
      if (named.shareId) shareOpen(named.shareId, scene, { page: `pages/${page}/index` })
      if (named.campaignCode) campaignOpen(named.campaignCode, scene, { page: `pages/${page}/index` }, params.ch)
      go(routes.home)
    }
  )
  return true
}

export { isSinglePageMode }
