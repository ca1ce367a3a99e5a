// 内容页: a published content page, shoppable in place and shareable to chats and
// Moments. In Moments single-page mode (scene 1154) it only shows: no login, no
// navigation, and a note on how to open the full mini-program.
import { useCallback, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useDidShow, useLoad, usePullDownRefresh, useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import type { Product } from '@core/contract/catalog'
import type { PageResponse } from '@core/contract/pages'
import { BlockRenderer } from '../../components/blocks/block-renderer'
import { ErrorState } from '../../components/error-state'
import { LoadingView } from '../../components/loading-view'
import { NoticeBar } from '../../components/notice-bar'
import { ShareActions } from '../../components/share-actions'
import { SkuPicker, type PickerAction } from '../../components/sku-picker'
import { usePageView } from '../../hooks/use-page-view'
import { useAddToCart } from '../../hooks/use-add-to-cart'
import { useShareActions } from '../../hooks/use-share-actions'
import { useCouponClaims } from '../../hooks/use-coupon-claims'
import { rememberContent } from '../../services/attribution'
import { brandName } from '../../services/brand'
import { getPage } from '../../services/content-api'
import { isSinglePageMode, openSceneTarget, recordPageShare } from '../../services/entry'
import { ApiError } from '../../services/http'
import { go, routes, setTitle, stopPullDownRefresh } from '../../services/nav'
import { shareToChat, shareToTimeline } from '../../services/share'
import { tracker } from '../../services/tracker'
import { selectCartCount, useCartStore } from '../../stores/cart-store'
import './index.css'

export default function ContentPage() {
  const { params } = useRouter()
  const slug = params.slug ?? ''
  // Staff previewing a draft: shown as shoppers will see it, but never counted.
  const preview = params.preview || undefined
  const [data, setData] = useState<PageResponse | null>(null)
  const [error, setError] = useState<{ message: string; missing: boolean } | null>(null)
  const [picking, setPicking] = useState<Product | null>(null)
  const singlePage = isSinglePageMode()
  const cartCount = useCartStore(selectCartCount)
  const addToCart = useAddToCart({ contentSlug: slug })
  usePageView('pages/content/index', { contentSlug: slug || undefined })
  const { coupons, claim } = useCouponClaims({ blocks: data?.page.blocks, contentSlug: slug, claimable: !preview && !singlePage })

  const load = useCallback(async () => {
    if (!slug) {
      setError({ message: '链接不完整，请返回首页看看其他内容', missing: true })
      return
    }
    try {
      const answer = await getPage(slug, { preview })
      setData(answer)
      setError(null)
      setTitle(answer.page.title)
    } catch (e) {
      const missing = e instanceof ApiError && e.status === 404
      const expired = e instanceof ApiError && e.code === 'PREVIEW_EXPIRED'
      setError({ message: missing ? '这篇内容已下线或不存在' : expired ? '预览链接已过期，请在后台重新生成' : (e as Error).message, missing: missing || expired })
    } finally {
      stopPullDownRefresh()
    }
  }, [slug, preview])

  useLoad(() => {
    if (openSceneTarget(params, 'content')) return
    if (slug && !preview) {
      recordPageShare(params, { contentSlug: slug, page: 'pages/content/index' })
      tracker.track('content_view', { contentSlug: slug })
      rememberContent(slug)
    }
    void load()
  })
  usePullDownRefresh(() => void load())
  // Back on the page (after buying, say): prices and stock are read again.
  useDidShow(() => {
    if (data) void load()
  })

  const shareActions = useShareActions({ contentSlug: slug }, { hidden: Boolean(preview) })
  const card = { title: data?.page.share.title || data?.page.title || brandName(), imageUrl: data?.page.share.imageUrl ?? undefined }
  useShareAppMessage(() => shareToChat({ contentSlug: slug }, card))
  useShareTimeline(() => shareToTimeline({ contentSlug: slug }, card))

  const confirm = async (product: Product, skuId: string, qty: number, action: PickerAction) => {
    if (await addToCart(product, skuId, qty, action)) setPicking(null)
  }

  if (error) {
    return (
      <View className='content'>
        <ErrorState title={error.missing ? '内容不见了' : '加载失败'} message={error.message} onRetry={error.missing ? undefined : () => void load()} />
        {error.missing && !singlePage ? (
          <View className='content__home' aria-role='button' onClick={() => go(routes.home)}>
            回到首页
          </View>
        ) : null}
      </View>
    )
  }
  if (!data) return <LoadingView cards={1} />

  return (
    <View className='content'>
      {singlePage ? <NoticeBar text='当前为朋友圈预览，点击屏幕下方「前往小程序」即可查看完整内容并购买' /> : null}
      <BlockRenderer
        blocks={data.page.blocks}
        products={data.products}
        readOnly={singlePage}
        onBuy={(p) => setPicking(p)}
        onOpen={(p) => go(routes.product(p.id))}
        coupons={coupons}
        onClaim={(id) => void claim(id)}
        onOpenCoupons={() => go(routes.myCoupons)}
      />
      <View className='content__end'>
        <Text>— {data.page.title} —</Text>
      </View>
      <ShareActions {...shareActions} />
      {singlePage ? null : (
        <View className='content__cart' aria-role='button' aria-label={`购物车 ${cartCount} 件`} onClick={() => go(routes.cart)}>
          <Text className='content__cart-text'>购物车</Text>
          {cartCount > 0 ? <Text className='content__cart-badge'>{cartCount}</Text> : null}
        </View>
      )}
      {picking ? (
        <SkuPicker
          product={picking}
          actions={['cart']}
          onClose={() => setPicking(null)}
          onConfirm={(sku, qty, action) => void confirm(picking, sku.id, qty, action)}
        />
      ) : null}
    </View>
  )
}
