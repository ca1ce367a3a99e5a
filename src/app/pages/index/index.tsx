// 首页: the brand's published content pages, newest first.
import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useLoad, usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import type { PageSummary } from '@core/contract/pages'
import { EmptyState } from '../../components/empty-state'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { PageCard } from '../../components/page-card'
import { usePageView } from '../../hooks/use-page-view'
import { brandName } from '../../services/brand'
import { listPages } from '../../services/content-api'
import { go, routes, stopPullDownRefresh } from '../../services/nav'
import { reachRoutes } from '../../services/reach-routes'
import './index.css'

type Feed = { items: PageSummary[]; nextCursor: string | null }

export default function Index() {
  const [feed, setFeed] = useState<Feed | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  usePageView('pages/index/index')

  const refresh = useCallback(async () => {
    try {
      setFeed(await listPages())
      setError(null)
    } catch (e) {
      setError((e as Error).message)
    } finally {
      stopPullDownRefresh()
    }
  }, [])

  const loadMore = async () => {
    if (!feed?.nextCursor || loadingMore) return
    setLoadingMore(true)
    try {
      const next = await listPages(feed.nextCursor)
      setFeed({ items: [...feed.items, ...next.items], nextCursor: next.nextCursor })
      setMoreError(null)
    } catch (e) {
      setMoreError((e as Error).message)
    } finally {
      setLoadingMore(false)
    }
  }

  useLoad(() => void refresh())
  usePullDownRefresh(() => void refresh())
  useReachBottom(() => void loadMore())

  let body
  if (error && !feed) body = <ErrorState message={error} onRetry={() => void refresh()} />
  else if (!feed) body = <LoadingView />
  else if (feed.items.length === 0) body = <EmptyState art='feed' title='新内容正在准备中' hint='品牌发布故事后会出现在这里，下拉可刷新' />
  else {
    body = (
      <View className='home__feed'>
        {feed.items.map((page) => (
          <PageCard key={page.slug} page={page} onOpen={() => go(routes.content(page.slug))} />
        ))}
        <View className='home__more' aria-role='button' onClick={() => void loadMore()}>
          {loadingMore ? '加载中…' : moreError ? `${moreError}，点此重试` : feed.nextCursor ? '加载更多' : '— 没有更多了 —'}
        </View>
      </View>
    )
  }

  return (
    <View className='home'>
      <View className='home__brand'>
        <View className='home__brand-row'>
          <Text className='home__brand-name'>{brandName()}</Text>
          <Text className='home__orders' aria-role='button' onClick={() => go(routes.orders())}>
            我的订单
          </Text>
        </View>
        <Text className='home__brand-tagline'>读一个故事，带走一件好物</Text>
        <View className='home__search' aria-role='button' aria-label='搜索商品' onClick={() => go(reachRoutes.search)}>
          <Text className='home__search-text'>搜索商品</Text>
        </View>
        <View className='home__links'>
          <Text className='home__link' aria-role='button' onClick={() => go(routes.myCoupons)}>
            我的优惠券
          </Text>
          <Text className='home__link' aria-role='button' onClick={() => go(routes.myShares)}>
            我的分享
          </Text>
          <Text className='home__link' aria-role='button' onClick={() => go(reachRoutes.profile)}>
            我的资料
          </Text>
        </View>
      </View>
      {body}
    </View>
  )
}
