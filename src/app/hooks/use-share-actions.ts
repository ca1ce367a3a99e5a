// What 生成海报 / 复制链接 do on a content or product page (for <ShareActions>), and the
// Moments share id made ahead while the page is open (onShareTimeline cannot wait).
import { useEffect } from 'react'
import { isSinglePageMode } from '../services/launch'
import { go } from '../services/nav'
import { reachRoutes } from '../services/reach-routes'
import { copyShareLink, prepareTimelineShare, sharesByLink, type ShareTarget } from '../services/share'

export type ShareActionsProps = { hidden: boolean; onPoster: () => void; onCopyLink?: () => void }

export function useShareActions(target: ShareTarget, options: { hidden?: boolean } = {}): ShareActionsProps {
  const hidden = Boolean(options.hidden) || isSinglePageMode()
  const byLink = sharesByLink()
  const key = target.contentSlug ?? target.productId
  useEffect(() => {
    if (!hidden && !byLink && key) void prepareTimelineShare(target)
  }, [key, hidden]) // eslint-disable-line react-hooks/exhaustive-deps
  return {
    hidden: hidden || !key,
    onPoster: () => go(reachRoutes.poster(target)),
    ...(byLink ? { onCopyLink: () => void copyShareLink(target) } : {})
  }
}
