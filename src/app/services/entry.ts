// Reads how the shopper arrived, on every show (hot starts too) and on page loads:
// `app_launch` once a run, `share_open` once per share id a run; the share id is
// kept 7 days for the order's attribution hint.
import { rememberArrivedShare } from './attribution'
import { enterOptions, isSinglePageMode } from './launch'
import { tracker } from './tracker'

const opened = new Set<string>()
let launched = false

function shareOpen(shareId: string, scene: number, fields: { contentSlug?: string; productId?: string; page?: string }) {
  if (opened.has(shareId)) return
  opened.add(shareId)
  rememberArrivedShare(shareId)
  tracker.track('share_open', { shareId, scene, ...fields })
}

/** App onLaunch: the launch event with its scene. */
export function recordLaunch(): void {
  if (launched) return
  launched = true
  const options = enterOptions()
  tracker.track('app_launch', { scene: options.scene, page: options.path, props: { singlePage: options.singlePage } })
}

/** App onShow (cold and hot starts): a share in the entry query is a share_open. */
export function recordShow(): void {
  const options = enterOptions()
  const sh = options.query.sh
  if (!sh) return
  const contentSlug = options.query.slug
  const productId = options.query.id
  shareOpen(sh, options.scene, { page: options.path, ...(contentSlug ? { contentSlug } : productId ? { productId } : {}) })
}

/** A page loaded with `sh` in its params (some entries only show it there). */
export function recordPageShare(params: Record<string, string | undefined>, fields: { contentSlug?: string; productId?: string; page: string }): void {
  if (params.sh) shareOpen(params.sh, enterOptions().scene, fields)
}

export { isSinglePageMode }
