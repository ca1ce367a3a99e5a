// 生成海报 (and, in H5, 复制链接) on a content or product page: a small floating group.
// The poster itself lives in the pkg-reach subpackage. Mounting it also makes the page's
// Moments share id ahead (for a logged-in shopper).
import { useEffect } from 'react'
import { Text, View } from '@tarojs/components'
import { isSinglePageMode } from '../services/launch'
import { go } from '../services/nav'
import { reachRoutes } from '../services/reach-routes'
import { copyShareLink, prepareTimelineShare, sharesByLink, type ShareTarget } from '../services/share'
import './share-actions.css'

type Props = { target: ShareTarget; hidden?: boolean; raised?: boolean }

export function ShareActions({ target, hidden = false, raised = false }: Props) {
  const key = target.contentSlug ?? target.productId
  // Moments (onShareTimeline) cannot wait for the server: its share id is made ahead.
  useEffect(() => {
    if (!hidden && !isSinglePageMode() && !sharesByLink()) void prepareTimelineShare(target)
  }, [key, hidden]) // eslint-disable-line react-hooks/exhaustive-deps
  if (hidden || isSinglePageMode()) return null
  return (
    <View className={`share-actions${raised ? ' share-actions--raised' : ''}`}>
      <View className='share-actions__btn' aria-role='button' aria-label='生成海报' onClick={() => go(reachRoutes.poster(target))}>
        <Text>生成海报</Text>
      </View>
      {sharesByLink() ? (
        <View className='share-actions__btn' aria-role='button' aria-label='复制链接' onClick={() => void copyShareLink(target)}>
          <Text>复制链接</Text>
        </View>
      ) : null}
    </View>
  )
}
